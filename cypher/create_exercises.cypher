// First load: the graph held no exercise before this seed, so every exercise and each of its edges is new and
// is created, never merged. The unique slug constraint still refuses a slug that turns up meanwhile.
// Edges go through collect and FOREACH, not CALL subqueries: the embedded engine loses writes made in a
// subquery for all but the last row of a batch.
UNWIND $rows AS row
CREATE (e:Exercise {slug: row.slug})
SET e += row.props
WITH e, row
OPTIONAL MATCH (t:Muscle) WHERE t.slug IN row.targets
WITH e, row, collect(t) AS targets
FOREACH (t IN targets | CREATE (e)-[:TARGETS]->(t))
WITH e, row
OPTIONAL MATCH (s:Muscle) WHERE s.slug IN row.secondary
WITH e, row, collect(s) AS secondary
FOREACH (s IN secondary | CREATE (e)-[:WORKS_SECONDARY]->(s))
WITH e, row
OPTIONAL MATCH (q:Equipment) WHERE q.slug IN row.equipment
WITH e, row, collect(q) AS equipment
FOREACH (q IN equipment | CREATE (e)-[:USES]->(q))
WITH e, row
MATCH (b:BodyPart {slug: row.body_part})
CREATE (e)-[:TRAINS]->(b)
