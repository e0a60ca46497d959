// Removes the outgoing edges each row no longer lists, so a re-run after an edit leaves exactly what the seed
// says. Skipped when the graph held no exercises before the load.
UNWIND $rows AS row
MATCH (e:Exercise {slug: row.slug})-[stale]->(n)
WHERE (type(stale) = 'TARGETS' AND NOT n.slug IN row.targets)
   OR (type(stale) = 'WORKS_SECONDARY' AND NOT n.slug IN row.secondary)
   OR (type(stale) = 'USES' AND NOT n.slug IN row.equipment)
   OR (type(stale) = 'TRAINS' AND n.slug <> row.body_part)
DELETE stale
