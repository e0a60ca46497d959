// One muscle group per row with the muscles it holds: IN_GROUP edges from muscles the row no longer lists are
// removed. Written after the muscles, so every member exists.
UNWIND $rows AS row
MERGE (g:MuscleGroup {slug: row.slug})
SET g += row.props
WITH g, row
OPTIONAL MATCH (stale_member:Muscle)-[stale:IN_GROUP]->(g)
WHERE NOT stale_member.slug IN row.muscles
DELETE stale
WITH DISTINCT g, row
OPTIONAL MATCH (m:Muscle) WHERE m.slug IN row.muscles
WITH g, collect(m) AS members
FOREACH (m IN members | MERGE (m)-[:IN_GROUP]->(g))
