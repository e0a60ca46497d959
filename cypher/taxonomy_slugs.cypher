// Every slug a filter may name, to reject unknown ones with a clear error.
MATCH (n:Muscle) RETURN 'muscle' AS kind, n.slug AS slug
UNION ALL
MATCH (n:Equipment) RETURN 'equipment' AS kind, n.slug AS slug
UNION ALL
MATCH (n:BodyPart) RETURN 'bodyPart' AS kind, n.slug AS slug
