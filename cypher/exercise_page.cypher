// An exercise page in one round trip: the exercise $slug with its facts and relations (as exercises_by_slugs.cypher
// returns them), its first $first alternatives ranked from every candidate (as alternatives.cypher) and its link
// groups of up to $related_first exercises each (as related.cypher). A part asked for 0 is not read. No row when
// there is no such exercise.
MATCH (src:Exercise {slug: $slug})
CALL {
  WITH src
  WITH src
  WHERE $first > 0
  {{alternative_candidates}}
  {{alternative_ranking}}
  RETURN collect({{alternative_map}}) AS alternatives
}
{{page_rest}}
