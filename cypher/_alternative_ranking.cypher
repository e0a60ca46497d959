// Fragment: rank the candidate exercises `alt` of the source `src` (one row each, with the source's facts as
// source_facts.cypher names them) by the alternatives score and keep the first $first passing the $available and
// $max_rank filters, as `e` with what it shares with the source (`alternative_rows` and `alternative_map` return
// them). The score's $weights are graph_service.model.SCORE_WEIGHTS.
WITH alt, kind, sf, st, sm
WHERE alt.work_kind = kind
  AND ($max_rank IS NULL OR alt.difficulty_rank <= $max_rank)
  AND ($available IS NULL OR (size(alt.equipment_slugs) > 0
                              AND size([x IN alt.equipment_slugs WHERE NOT x IN $available]) = 0))
WITH alt, alt.family = sf AS same_family, st, sm,
     coalesce(alt.target_slugs, []) AS at, coalesce(alt.muscle_slugs, []) AS am
WITH alt, same_family, st, sm,
     [x IN st WHERE x IN at] AS shared_targets,
     [x IN sm WHERE x IN am] AS shared_all,
     size(st) + size(at) AS target_sizes,
     size(sm) + size(am) AS all_sizes
WITH alt, same_family, shared_targets, st, sm,
     [x IN shared_all WHERE NOT x IN shared_targets] AS shared_secondary,
     $weights.targets * size(shared_targets) / toFloat(target_sizes - size(shared_targets))
       + $weights.muscles * size(shared_all) / toFloat(all_sizes - size(shared_all))
       + CASE WHEN same_family THEN $weights.family ELSE 0.0 END AS score
ORDER BY score DESC, alt.name, alt.slug
LIMIT $first
WITH alt AS e, score, shared_targets, shared_secondary, same_family, st, sm
