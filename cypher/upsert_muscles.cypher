UNWIND $rows AS row
MERGE (m:Muscle {slug: row.slug})
SET m += row.props
WITH m, row
OPTIONAL MATCH (m)-[stale:PART_OF]->(other:BodyPart)
WHERE other.slug <> row.body_part
DELETE stale
WITH DISTINCT m, row
MATCH (b:BodyPart {slug: row.body_part})
MERGE (m)-[:PART_OF]->(b)
