// The alternatives of cypher/alternatives.cypher from a few index lookups instead of every candidate.
// An exercise's profile_key (model.profile_key) holds its kind of work, its targets and its other muscles.
// Looked up: the source's own key and every key with the same kind and targets whose other muscles differ
// from the source's by one muscle (added or removed), keeping the first $first of each key by name (one key,
// one score, the movement family aside); and the source's movement family.
// The caller proves the ranked answer exact from the score bound of every exercise not looked up, or asks
// cypher/alternatives.cypher.
MATCH (src:Exercise {slug: $slug})
WITH src, coalesce(src.target_slugs, []) AS st, coalesce(src.muscle_slugs, []) AS sm
WHERE size(st) > 0
OPTIONAL MATCH (m:Muscle)
WHERE NOT m.slug IN sm
WITH src, st, [x IN sm WHERE NOT x IN st] AS ss, collect(m.slug) AS free
WITH src, ss, free, {{profile_head}} + '|' AS prefix
WITH src, prefix,
     [ss]
     + [r IN ss | [y IN ss WHERE y <> r]]
     + [x IN free | [y IN ss WHERE y < x] + [x] + [y IN ss WHERE y > x]] AS others
UNWIND others AS other
WITH src, prefix + reduce(k = '', y IN other | k + ' ' + y) AS key
CALL {
  WITH src, key
  MATCH (alt:Exercise {profile_key: key})
  WHERE alt <> src
    AND ($max_rank IS NULL OR alt.difficulty_rank <= $max_rank)
    AND ($available IS NULL OR (size(alt.equipment_slugs) > 0
                                AND size([x IN alt.equipment_slugs WHERE NOT x IN $available]) = 0))
  WITH alt
  ORDER BY alt.name, alt.slug
  LIMIT $first
  RETURN collect(alt) AS hits
}
WITH src, collect(hits) AS groups
WITH src, reduce(acc = [], h IN groups | acc + h) AS found
{{rank_with_kin}}
