// All muscles, or those in $slugs, with their body part and how many exercises use them.
MATCH (m:Muscle)
WHERE $slugs IS NULL OR m.slug IN $slugs
RETURN m.slug AS slug, m.name AS name, m.aliases AS aliases,
       [(m)-[:PART_OF]->(b:BodyPart) | b.slug] AS body_parts,
       size([(m)<-[:TARGETS]-(t:Exercise) | 1]) AS target_count,
       size([(m)<-[:TARGETS|WORKS_SECONDARY]-(x:Exercise) | 1]) AS exercise_count
ORDER BY m.name
