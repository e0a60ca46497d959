// Properties and every outgoing edge of each exercise; edges the row no longer lists are removed,
// so a re-run after an edit leaves exactly what the seed says.
UNWIND $rows AS row
MERGE (e:Exercise {slug: row.slug})
SET e += row.props
WITH e, row
OPTIONAL MATCH (e)-[stale]->(n)
WHERE (type(stale) = 'TARGETS' AND NOT n.slug IN row.targets)
   OR (type(stale) = 'WORKS_SECONDARY' AND NOT n.slug IN row.secondary)
   OR (type(stale) = 'USES' AND NOT n.slug IN row.equipment)
   OR (type(stale) = 'TRAINS' AND n.slug <> row.body_part)
DELETE stale
RETURN count(DISTINCT e) AS exercises
