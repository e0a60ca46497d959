// Data quality: exercises with no USES edge. Every exercise should name its equipment, and one that needs
// none uses Body Weight.
MATCH (e:Exercise)
WITH e, [(e)-[:USES]->(q:Equipment) | q.slug] AS equipment
WHERE size(equipment) = 0
WITH e, [(e)-[:TRAINS]->(b:BodyPart) | b.name] AS body_parts
RETURN e.slug AS slug, e.name AS name, head(body_parts) AS body_part
ORDER BY slug;
