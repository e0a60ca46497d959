:param slugs => ['barbell-hip-thrust', 'goblet-squat', 'push-up'];

// Muscles worked by a list of exercises (a workout): which exercises hit each muscle, as target or as
// secondary, most-trained first. Slugs that match no exercise are simply absent.
MATCH (e:Exercise)-[r:TARGETS|WORKS_SECONDARY]->(m:Muscle)
WHERE e.slug IN $slugs
WITH m,
     collect(DISTINCT CASE WHEN type(r) = 'TARGETS' THEN e.name END) AS as_target,
     collect(DISTINCT CASE WHEN type(r) = 'WORKS_SECONDARY' THEN e.name END) AS as_secondary
WITH m, as_target, as_secondary, [(m)-[:PART_OF]->(b:BodyPart) | b.name] AS body_parts
RETURN m.name AS muscle, m.slug AS slug, head(body_parts) AS body_part,
       size(as_target) AS target_of, as_target, size(as_secondary) AS secondary_in, as_secondary
ORDER BY target_of DESC, secondary_in DESC, muscle;
