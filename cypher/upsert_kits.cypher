// One kit per row with the equipment it includes: INCLUDES edges the row no longer lists are removed.
UNWIND $rows AS row
MERGE (k:Kit {slug: row.slug})
SET k += row.props
WITH k, row
OPTIONAL MATCH (k)-[stale:INCLUDES]->(q:Equipment)
WHERE NOT q.slug IN row.equipment
DELETE stale
WITH DISTINCT k, row
OPTIONAL MATCH (q:Equipment) WHERE q.slug IN row.equipment
WITH k, collect(q) AS equipment
FOREACH (q IN equipment | MERGE (k)-[:INCLUDES]->(q))
