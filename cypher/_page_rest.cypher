// Fragment: the rest of an exercise page statement, after its alternatives: the related link groups of `src`
// as related.cypher reads them (none read when $related_first is 0), and the exercise's facts and relations.
CALL {
  WITH src
  WITH src
  WHERE $related_first > 0
  {{related_samples}}
  RETURN collect({relation: relation, group_slug: n.slug, group_name: n.name, total: total,
                  exercises: [e IN sample | {{exercise_map}}]}) AS related
}
WITH src AS e, alternatives, related
RETURN {{exercise_fields}},
       {{exercise_links}},
       alternatives, related
