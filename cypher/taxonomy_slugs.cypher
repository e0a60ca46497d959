// Every slug a filter may name, with the names and aliases of its node: to reject unknown slugs with a clear
// error that suggests the closest known ones.
MATCH (n:Muscle) RETURN 'muscle' AS kind, n.slug AS slug, n.name AS name, n.aliases AS aliases
UNION ALL
MATCH (n:Equipment) RETURN 'equipment' AS kind, n.slug AS slug, n.name AS name, n.aliases AS aliases
UNION ALL
MATCH (n:BodyPart) RETURN 'bodyPart' AS kind, n.slug AS slug, n.name AS name, n.aliases AS aliases
UNION ALL
MATCH (n:MovementPattern) RETURN 'movementPattern' AS kind, n.slug AS slug, n.name AS name, n.aliases AS aliases
