// Data quality: muscles that no exercise targets or works. Each is a gap in the knowledge base (or a muscle
// the taxonomy could drop).
MATCH (m:Muscle)
WITH m, [(m)<-[:TARGETS|WORKS_SECONDARY]-(e:Exercise) | e.slug] AS exercises
WHERE size(exercises) = 0
WITH m, [(m)-[:PART_OF]->(b:BodyPart) | b.name] AS body_parts
RETURN m.slug AS slug, m.name AS name, head(body_parts) AS body_part
ORDER BY body_part, slug;
