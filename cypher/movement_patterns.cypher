// All movement patterns, or those in $slugs, with how many exercises follow each: its number of FOLLOWS edges
// (only exercises have them, so no exercise is read).
MATCH (p:MovementPattern)
WHERE $slugs IS NULL OR p.slug IN $slugs
RETURN p.slug AS slug, p.name AS name, p.aliases AS aliases, p.group AS group, p.region AS region,
       p.direction AS direction, size([(p)<-[:FOLLOWS]-() | 1]) AS exercise_count
ORDER BY p.name
