// The taxonomy with every term that names a node, for importers to map source terms onto slugs. A muscle comes with
// its muscle group; a muscle group with the body part of each of its muscles (the importer files an exercise named
// only by a broad term under the one most of them belong to).
MATCH (m:Muscle)
RETURN 'muscle' AS kind, m.slug AS slug, m.name AS name, m.aliases AS aliases,
       [(m)-[:PART_OF]->(b:BodyPart) | b.slug] AS body_parts, [(m)-[:IN_GROUP]->(g:MuscleGroup) | g.slug] AS groups
UNION ALL
MATCH (q:Equipment)
RETURN 'equipment' AS kind, q.slug AS slug, q.name AS name, q.aliases AS aliases, [] AS body_parts, [] AS groups
UNION ALL
MATCH (b:BodyPart)
RETURN 'bodyPart' AS kind, b.slug AS slug, b.name AS name, b.aliases AS aliases, [] AS body_parts, [] AS groups
UNION ALL
MATCH (p:MovementPattern)
RETURN 'movementPattern' AS kind, p.slug AS slug, p.name AS name, p.aliases AS aliases, [] AS body_parts,
       [] AS groups
UNION ALL
MATCH (g:MuscleGroup)
OPTIONAL MATCH (g)<-[:IN_GROUP]-(:Muscle)-[:PART_OF]->(b:BodyPart)
RETURN 'muscleGroup' AS kind, g.slug AS slug, g.name AS name, g.aliases AS aliases, collect(b.slug) AS body_parts,
       [] AS groups
