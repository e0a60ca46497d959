:param slug => 'barbell-hip-thrust';
:param first => 10;
:param weights => {targets: 0.6, muscles: 0.25, family: 0.15};

// Alternatives for one exercise, ranked as the API's `alternatives` field ranks them (cypher/alternatives.cypher):
//   score = $weights.targets * overlap(target muscles) + $weights.muscles * overlap(all muscles worked)
//           + $weights.family * [same movement family]
// where overlap(A, B) = |A ∩ B| / |A ∪ B| (the weights are the API's own). Candidates work at least one of its
// target muscles and are the same kind of work, `work_kind` on each exercise: 0 training, 1 flexibility,
// 2 conditioning. Ties go to the name, then the slug.
MATCH (src:Exercise {slug: $slug})
WITH src,
     [(src)-[:TARGETS]->(m1:Muscle) | m1.slug] AS src_targets,
     [(src)-[:TARGETS|WORKS_SECONDARY]->(m2:Muscle) | m2.slug] AS src_muscles,
     coalesce(head([(src)-[:VARIATION_OF]->(b1:Exercise) | b1.slug]), src.slug) AS src_family,
     src.work_kind AS kind
MATCH (src)-[:TARGETS]->(:Muscle)<-[:TARGETS|WORKS_SECONDARY]-(alt:Exercise)
WHERE alt <> src
WITH DISTINCT src_targets, src_muscles, src_family, kind, alt
WHERE alt.work_kind = kind
WITH src_targets, src_muscles, src_family, alt,
     [(alt)-[:TARGETS]->(m3:Muscle) | m3] AS alt_targets,
     [(alt)-[:TARGETS|WORKS_SECONDARY]->(m4:Muscle) | m4] AS alt_muscles,
     coalesce(head([(alt)-[:VARIATION_OF]->(b2:Exercise) | b2.slug]), alt.slug) AS alt_family,
     [(alt)-[:USES]->(q:Equipment) | q.name] AS equipment
WITH alt, equipment, alt_family = src_family AS same_family,
     [t IN alt_targets WHERE t.slug IN src_targets | t.name] AS shared_targets,
     [w IN alt_muscles WHERE w.slug IN src_muscles | w.name] AS shared_muscles,
     size(src_targets) + size(alt_targets) AS target_sizes,
     size(src_muscles) + size(alt_muscles) AS muscle_sizes
WITH alt, equipment, same_family, shared_targets, shared_muscles,
     $weights.targets * size(shared_targets) / toFloat(target_sizes - size(shared_targets))
       + $weights.muscles * size(shared_muscles) / toFloat(muscle_sizes - size(shared_muscles))
       + CASE WHEN same_family THEN $weights.family ELSE 0.0 END AS score
RETURN alt.name AS alternative, alt.slug AS slug, score, alt.difficulty AS difficulty,
       equipment, shared_targets, shared_muscles, same_family
ORDER BY score DESC, alternative, slug
LIMIT $first;
