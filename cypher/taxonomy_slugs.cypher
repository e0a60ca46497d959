// Every slug a filter may name, with the names and aliases of its node: to reject unknown slugs with a clear
// error that suggests the closest known ones. A muscle group also names its muscles: a filter on a group's slug
// stands for the group and every one of its members.
MATCH (n:Muscle) RETURN 'muscle' AS kind, n.slug AS slug, n.name AS name, n.aliases AS aliases, [] AS members
UNION ALL
MATCH (n:Equipment) RETURN 'equipment' AS kind, n.slug AS slug, n.name AS name, n.aliases AS aliases, [] AS members
UNION ALL
MATCH (n:BodyPart) RETURN 'bodyPart' AS kind, n.slug AS slug, n.name AS name, n.aliases AS aliases, [] AS members
UNION ALL
MATCH (n:MovementPattern)
RETURN 'movementPattern' AS kind, n.slug AS slug, n.name AS name, n.aliases AS aliases, [] AS members
UNION ALL
MATCH (n:MuscleGroup)
RETURN 'muscleGroup' AS kind, n.slug AS slug, n.name AS name, n.aliases AS aliases,
       [(m:Muscle)-[:IN_GROUP]->(n) | m.slug] AS members
