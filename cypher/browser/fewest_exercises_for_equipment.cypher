:param equipment => 'dumbbell';
:param limit => 10;

// The muscles with the fewest exercises for one piece of equipment: where that equipment's coverage is thin.
// target_of counts exercises using it that target the muscle, works counts those that work it at all.
// An unknown equipment slug returns no rows.
MATCH (q:Equipment {slug: $equipment})
MATCH (m:Muscle)
WITH q, m,
     [(m)<-[:TARGETS]-(e1:Exercise)-[:USES]->(q) | e1.name] AS targeting,
     [(m)<-[:TARGETS|WORKS_SECONDARY]-(e2:Exercise)-[:USES]->(q) | e2.name] AS working,
     [(m)-[:PART_OF]->(b:BodyPart) | b.name] AS body_parts
RETURN q.name AS equipment, m.name AS muscle, m.slug AS slug, head(body_parts) AS body_part,
       size(targeting) AS target_of, size(working) AS works, targeting[..3] AS examples
ORDER BY target_of, works, muscle
LIMIT $limit;
