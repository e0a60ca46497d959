// One exercise per row with all its edges but VARIATION_OF: the outgoing edges the row no longer lists are
// removed and the ones it lists merged, so a re-run after an edit leaves exactly what the seed says.
// Writes stay out of CALL subqueries (see create_exercises.cypher).
UNWIND $rows AS row
MERGE (e:Exercise {slug: row.slug})
SET e += row.props
WITH e, row
OPTIONAL MATCH (e)-[stale]->(n)
WHERE (type(stale) = 'TARGETS' AND NOT n.slug IN row.targets)
   OR (type(stale) = 'WORKS_SECONDARY' AND NOT n.slug IN row.secondary)
   OR (type(stale) = 'USES' AND NOT n.slug IN row.equipment)
   OR (type(stale) = 'TRAINS' AND n.slug <> row.body_part)
   OR (type(stale) = 'FOLLOWS' AND NOT n.slug IN row.patterns)
DELETE stale
WITH DISTINCT e, row
OPTIONAL MATCH (t:Muscle) WHERE t.slug IN row.targets
WITH e, row, collect(t) AS targets
FOREACH (t IN targets | MERGE (e)-[:TARGETS]->(t))
WITH e, row
OPTIONAL MATCH (s:Muscle) WHERE s.slug IN row.secondary
WITH e, row, collect(s) AS secondary
FOREACH (s IN secondary | MERGE (e)-[:WORKS_SECONDARY]->(s))
WITH e, row
OPTIONAL MATCH (q:Equipment) WHERE q.slug IN row.equipment
WITH e, row, collect(q) AS equipment
FOREACH (q IN equipment | MERGE (e)-[:USES]->(q))
WITH e, row
OPTIONAL MATCH (p:MovementPattern) WHERE p.slug IN row.patterns
WITH e, row, collect(p) AS patterns
FOREACH (p IN patterns | MERGE (e)-[:FOLLOWS]->(p))
WITH e, row
MATCH (b:BodyPart {slug: row.body_part})
MERGE (e)-[:TRAINS]->(b)
