// Exercises that work the source's target muscles, ranked by
//   score = 0.6 * overlap(target muscles) + 0.25 * overlap(all muscles worked) + 0.15 * [same movement family]
// where overlap(A, B) = |A ∩ B| / |A ∪ B|. Candidates hit at least one source target (as target or secondary)
// and belong to the same kind of work (training, flexibility or conditioning). Ties: name, then slug.
// Muscle, equipment and family keys are the lists refresh_exercise_keys keeps on each exercise.
MATCH (src:Exercise {slug: $slug})-[:TARGETS]->(:Muscle)<-[:TARGETS|WORKS_SECONDARY]-(alt:Exercise)
WHERE alt <> src
WITH DISTINCT src, alt
WITH src, alt,
     CASE WHEN src.category IN ['stretching', 'mobility'] THEN 1 WHEN src.category = 'cardio' THEN 2 ELSE 0 END AS kind
WHERE kind = CASE WHEN alt.category IN ['stretching', 'mobility'] THEN 1 WHEN alt.category = 'cardio' THEN 2 ELSE 0 END
  AND ($max_rank IS NULL OR alt.difficulty_rank <= $max_rank)
  AND ($available IS NULL OR (size(alt.equipment_slugs) > 0
                              AND size([x IN alt.equipment_slugs WHERE NOT x IN $available]) = 0))
WITH alt, alt.family = src.family AS same_family,
     coalesce(src.target_slugs, []) AS st, coalesce(src.muscle_slugs, []) AS sm,
     coalesce(alt.target_slugs, []) AS at, coalesce(alt.muscle_slugs, []) AS am
WITH alt, same_family,
     [x IN st WHERE x IN at] AS shared_targets,
     [x IN sm WHERE x IN am] AS shared_all,
     size(st) + size(at) AS target_sizes,
     size(sm) + size(am) AS all_sizes
WITH alt, same_family, shared_targets,
     [x IN shared_all WHERE NOT x IN shared_targets] AS shared_secondary,
     0.6 * size(shared_targets) / toFloat(target_sizes - size(shared_targets))
       + 0.25 * size(shared_all) / toFloat(all_sizes - size(shared_all))
       + CASE WHEN same_family THEN 0.15 ELSE 0.0 END AS score
ORDER BY score DESC, alt.name, alt.slug
LIMIT $first
WITH alt AS e, score, shared_targets, shared_secondary, same_family
RETURN score, shared_targets, shared_secondary, same_family, {{exercise_fields}}
