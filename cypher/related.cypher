// The link groups of an exercise page: other exercises for its body part, for each piece of its equipment and
// for each target muscle, with a total and the first $first by name, one row per group and exercise (a group
// without others has one row of nulls for the exercise).
// Each group node receives one of the three edge types only, so the total is its degree for them. A group of
// up to $walk_limit others is walked and sorted; a larger one is read from the name index in order, checking
// membership on the slug lists kept on each exercise: about first * exercises / total rows to find the first.
MATCH (src:Exercise {slug: $slug})-[link:TRAINS|USES|TARGETS]->(n)
WITH src, n, type(link) AS relation, size([(n)<-[:TRAINS|USES|TARGETS]-() | 1]) - 1 AS total
CALL {
  WITH src, n, total
  WITH src, n
  WHERE total <= $walk_limit
  MATCH (n)<-[:TRAINS|USES|TARGETS]-(other:Exercise)
  WHERE other <> src
  WITH other
  ORDER BY other.name, other.slug
  LIMIT $first
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
  LIMIT $first
  RETURN collect(other) AS sample
}
WITH relation, n, total, collect(sample) AS samples
WITH relation, n, total, reduce(s = [], part IN samples | s + part) AS sample
UNWIND CASE WHEN size(sample) = 0 THEN [null] ELSE sample END AS e
RETURN relation, n.slug AS group_slug, n.name AS group_name, total, {{exercise_fields}}
ORDER BY relation, group_name, name, slug
