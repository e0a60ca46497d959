// Exercises that work the source's target muscles, ranked by
//   score = 0.6 * overlap(target muscles) + 0.25 * overlap(all muscles worked) + 0.15 * [same movement family]
// where overlap(A, B) = |A ∩ B| / |A ∪ B|. Candidates hit at least one source target (as target or secondary)
// and belong to the same kind of work (training, flexibility or conditioning). Ties: name, then slug.
MATCH (src:Exercise {slug: $slug})
WITH src,
     [(src)-[:TARGETS]->(m1:Muscle) | m1.slug] AS st,
     [(src)-[:TARGETS|WORKS_SECONDARY]->(m2:Muscle) | m2.slug] AS sm,
     coalesce(head([(src)-[:VARIATION_OF]->(b1:Exercise) | b1.slug]), src.slug) AS sfam,
     CASE WHEN src.category IN ['stretching', 'mobility'] THEN 1 WHEN src.category = 'cardio' THEN 2 ELSE 0 END AS kind
MATCH (src)-[:TARGETS]->(:Muscle)<-[:TARGETS|WORKS_SECONDARY]-(alt:Exercise)
WHERE alt <> src
WITH DISTINCT st, sm, sfam, kind, alt
WHERE kind = CASE WHEN alt.category IN ['stretching', 'mobility'] THEN 1 WHEN alt.category = 'cardio' THEN 2 ELSE 0 END
  AND ($max_rank IS NULL OR alt.difficulty_rank <= $max_rank)
WITH st, sm, sfam, alt,
     CASE WHEN $available IS NULL THEN [] ELSE [(alt)-[:USES]->(q:Equipment) | q.slug] END AS needs
WHERE $available IS NULL OR size([x IN needs WHERE NOT x IN $available]) = 0
WITH st, sm, sfam, alt,
     [(alt)-[:TARGETS]->(m3:Muscle) | m3.slug] AS at,
     [(alt)-[:TARGETS|WORKS_SECONDARY]->(m4:Muscle) | m4.slug] AS am,
     coalesce(head([(alt)-[:VARIATION_OF]->(b2:Exercise) | b2.slug]), alt.slug) AS afam
WITH alt, afam = sfam AS same_family,
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
