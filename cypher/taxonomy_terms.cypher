// The taxonomy with every term that names a node, for importers to map source terms onto slugs.
MATCH (m:Muscle)
RETURN 'muscle' AS kind, m.slug AS slug, m.name AS name, m.aliases AS aliases,
       [(m)-[:PART_OF]->(b:BodyPart) | b.slug] AS body_parts
UNION ALL
MATCH (q:Equipment)
RETURN 'equipment' AS kind, q.slug AS slug, q.name AS name, q.aliases AS aliases, [] AS body_parts
UNION ALL
MATCH (b:BodyPart)
RETURN 'bodyPart' AS kind, b.slug AS slug, b.name AS name, b.aliases AS aliases, [] AS body_parts
UNION ALL
MATCH (p:MovementPattern)
RETURN 'movementPattern' AS kind, p.slug AS slug, p.name AS name, p.aliases AS aliases, [] AS body_parts
