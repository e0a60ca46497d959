// Fragment: what plans are built from of an exercise `e`, from the keys kept on it (graph_service.keys): no edge
// is walked. `muscles` holds the targets too.
e.slug AS slug, e.name AS name, e.difficulty AS difficulty, e.difficulty_rank AS difficulty_rank,
e.category AS category, e.work_kind AS work_kind, coalesce(e.family, e.slug) AS family,
coalesce(e.target_slugs, []) AS targets, coalesce(e.muscle_slugs, []) AS muscles,
coalesce(e.equipment_slugs, []) AS equipment, coalesce(e.pattern_slugs, []) AS patterns,
coalesce(e.body_part_slugs, []) AS body_parts
