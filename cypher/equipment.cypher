// How many exercises use each piece of equipment is its number of USES edges: only exercises have them, so no
// exercise is read.
MATCH (q:Equipment)
WHERE $slugs IS NULL OR q.slug IN $slugs
RETURN q.slug AS slug, q.name AS name, q.aliases AS aliases,
       size([(q)<-[:USES]-() | 1]) AS exercise_count
ORDER BY q.name
