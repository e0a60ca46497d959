// What a plan's coverage is measured against: every muscle with its body part and muscle group, every muscle group,
// and every movement pattern with its group, region and direction; and the names of every piece of equipment and
// body part.
MATCH (m:Muscle)
RETURN 'muscle' AS kind, m.slug AS slug, m.name AS name, [(m)-[:PART_OF]->(b:BodyPart) | b.slug] AS body_parts,
       null AS group, null AS region, null AS direction, [(m)-[:IN_GROUP]->(g:MuscleGroup) | g.slug] AS groups
UNION ALL
MATCH (g:MuscleGroup)
RETURN 'muscleGroup' AS kind, g.slug AS slug, g.name AS name, [] AS body_parts,
       null AS group, null AS region, null AS direction, [] AS groups
UNION ALL
MATCH (p:MovementPattern)
RETURN 'movementPattern' AS kind, p.slug AS slug, p.name AS name, [] AS body_parts,
       p.group AS group, p.region AS region, p.direction AS direction, [] AS groups
UNION ALL
MATCH (q:Equipment)
RETURN 'equipment' AS kind, q.slug AS slug, q.name AS name, [] AS body_parts,
       null AS group, null AS region, null AS direction, [] AS groups
UNION ALL
MATCH (b:BodyPart)
RETURN 'bodyPart' AS kind, b.slug AS slug, b.name AS name, [] AS body_parts,
       null AS group, null AS region, null AS direction, [] AS groups
