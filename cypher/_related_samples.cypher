// Fragment: the link groups `n` of the exercise `src` (its body part, each piece of its equipment, each target
// muscle), one row each with its `relation`, the `total` of other exercises in it and a `sample` of the first
// $related_first of them by name (see related.cypher).
MATCH (src)-[link:TRAINS|USES|TARGETS]->(n)
WITH src, n, type(link) AS relation, size([(n)<-[:TRAINS|USES|TARGETS]-() | 1]) - 1 AS total
CALL {
  WITH src, n, total
  WITH src, n
  WHERE total <= $walk_limit
  MATCH (n)<-[:TRAINS|USES|TARGETS]-(other:Exercise)
  WHERE other <> src
  WITH other
  ORDER BY other.name, other.slug
  LIMIT $related_first
  RETURN collect(other) AS sample
  UNION ALL
  WITH src, n, total
  WITH src, n
  WHERE total > $walk_limit
  MATCH (other:Exercise)
  WHERE other.name >= '' AND other <> src
    AND n.slug IN CASE WHEN n:Muscle THEN other.target_slugs
                       WHEN n:Equipment THEN other.equipment_slugs
                       ELSE other.body_part_slugs END
  WITH other
  ORDER BY other.name, other.slug
  LIMIT $related_first
  RETURN collect(other) AS sample
}
WITH relation, n, total, collect(sample) AS samples
WITH relation, n, total, reduce(s = [], part IN samples | s + part) AS sample
