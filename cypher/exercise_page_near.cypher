// exercise_page.cypher with the alternatives looked up near the source's profile (as alternatives_near.cypher):
// for graphs where scoring every candidate costs more. The caller proves them exact or asks again
// (graph_service.ranking).
MATCH (src:Exercise {slug: $slug})
CALL {
  WITH src
  WITH src
  WHERE $first > 0
  {{near_candidates}}
  RETURN collect({{alternative_map}}) AS alternatives
}
{{page_rest}}
