// All muscle groups, or those in $slugs, with the slugs of their muscles. How many exercises work a group is a
// filtered count (MuscleGroup.exercises { totalCount }), which counts an exercise once however many members it works.
MATCH (g:MuscleGroup)
WHERE $slugs IS NULL OR g.slug IN $slugs
RETURN g.slug AS slug, g.name AS name, g.aliases AS aliases, [(m:Muscle)-[:IN_GROUP]->(g) | m.slug] AS muscles
ORDER BY g.name
