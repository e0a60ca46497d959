// Data quality: exercises with no picture or video (no SHOWN_IN edge), the ones an exercise page would show
// without one, by body part. The bundled exercises have none of their own yet, imports bring the datasets' media.
MATCH (e:Exercise)
WITH e, [(e)-[:SHOWN_IN]->(m:Media) | m.url] AS media
WHERE size(media) = 0
WITH e, [(e)-[:TRAINS]->(b:BodyPart) | b.name] AS body_parts
RETURN e.slug AS slug, e.name AS name, head(body_parts) AS body_part, e.sources AS sources
ORDER BY body_part, slug;
