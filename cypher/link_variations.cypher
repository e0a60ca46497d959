// rows: {exercise, base}; base null removes the exercise's VARIATION_OF edge.
UNWIND $rows AS row
MATCH (e:Exercise {slug: row.exercise})
OPTIONAL MATCH (e)-[stale:VARIATION_OF]->(old:Exercise)
WHERE row.base IS NULL OR old.slug <> row.base
DELETE stale
WITH DISTINCT e, row
MATCH (base:Exercise {slug: row.base})
MERGE (e)-[:VARIATION_OF]->(base)
