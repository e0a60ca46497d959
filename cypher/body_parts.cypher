// How many exercises train each body part is its number of TRAINS edges: only exercises have them, so no exercise
// is read.
MATCH (b:BodyPart)
WHERE $slugs IS NULL OR b.slug IN $slugs
RETURN b.slug AS slug, b.name AS name, b.aliases AS aliases,
       [(b)<-[:PART_OF]-(m:Muscle) | m.slug] AS muscles,
       size([(b)<-[:TRAINS]-() | 1]) AS exercise_count
ORDER BY b.name
