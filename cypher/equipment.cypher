MATCH (q:Equipment)
WHERE $slugs IS NULL OR q.slug IN $slugs
RETURN q.slug AS slug, q.name AS name, q.aliases AS aliases,
       size([(q)<-[:USES]-(e:Exercise) | 1]) AS exercise_count
ORDER BY q.name
