// Fragment: rank the alternatives of the source `src` found by profile_key near its own and in its movement
// family (see alternatives_near.cypher); a source without target muscles has none.
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
