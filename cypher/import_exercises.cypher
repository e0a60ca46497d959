// One imported exercise per row, atomically with its edges. `props` are set (a merge sends only the gaps it
// fills and the new source list). Each edge list that is not null replaces the exercise's edges of that kind;
// a null list leaves that kind as it is (a dataset's rows give no movement patterns: FOLLOWS stays as it was).
// `media` lists the pictures and videos to add (keyed by URL, placed by `position`); it never removes any.
UNWIND $rows AS row
MERGE (e:Exercise {slug: row.slug})
SET e += row.props
WITH e, row
OPTIONAL MATCH (e)-[stale]->(n)
WHERE (type(stale) = 'TARGETS' AND row.targets IS NOT NULL AND NOT n.slug IN row.targets)
   OR (type(stale) = 'WORKS_SECONDARY' AND row.secondary IS NOT NULL AND NOT n.slug IN row.secondary)
   OR (type(stale) = 'USES' AND row.equipment IS NOT NULL AND NOT n.slug IN row.equipment)
   OR (type(stale) = 'TRAINS' AND row.body_part IS NOT NULL AND n.slug <> row.body_part)
   OR (type(stale) = 'FOLLOWS' AND row.patterns IS NOT NULL AND NOT n.slug IN row.patterns)
   OR (type(stale) = 'TARGETS_GROUP' AND row.target_groups IS NOT NULL AND NOT n.slug IN row.target_groups)
   OR (type(stale) = 'WORKS_GROUP_SECONDARY' AND row.secondary_groups IS NOT NULL
       AND NOT n.slug IN row.secondary_groups)
DELETE stale
WITH DISTINCT e, row
OPTIONAL MATCH (t:Muscle) WHERE t.slug IN coalesce(row.targets, [])
WITH e, row, collect(t) AS targets
FOREACH (t IN targets | MERGE (e)-[:TARGETS]->(t))
WITH e, row
OPTIONAL MATCH (s:Muscle) WHERE s.slug IN coalesce(row.secondary, [])
WITH e, row, collect(s) AS secondary
FOREACH (s IN secondary | MERGE (e)-[:WORKS_SECONDARY]->(s))
WITH e, row
OPTIONAL MATCH (q:Equipment) WHERE q.slug IN coalesce(row.equipment, [])
WITH e, row, collect(q) AS equipment
FOREACH (q IN equipment | MERGE (e)-[:USES]->(q))
WITH e, row
OPTIONAL MATCH (p:MovementPattern) WHERE p.slug IN coalesce(row.patterns, [])
WITH e, row, collect(p) AS patterns
FOREACH (p IN patterns | MERGE (e)-[:FOLLOWS]->(p))
// A broad source term ("shoulders") names a muscle group, never one of its muscles.
WITH e, row
OPTIONAL MATCH (tg:MuscleGroup) WHERE tg.slug IN coalesce(row.target_groups, [])
WITH e, row, collect(tg) AS target_groups
FOREACH (g IN target_groups | MERGE (e)-[:TARGETS_GROUP]->(g))
WITH e, row
OPTIONAL MATCH (sg:MuscleGroup) WHERE sg.slug IN coalesce(row.secondary_groups, [])
WITH e, row, collect(sg) AS secondary_groups
FOREACH (g IN secondary_groups | MERGE (e)-[:WORKS_GROUP_SECONDARY]->(g))
WITH e, row
OPTIONAL MATCH (b:BodyPart) WHERE b.slug = row.body_part
WITH e, row, collect(b) AS parts
FOREACH (b IN parts | MERGE (e)-[:TRAINS]->(b))
FOREACH (item IN coalesce(row.media, []) |
  MERGE (m:Media {url: item.url})
  SET m.kind = item.kind, m.source = item.source, m.license = item.license
  MERGE (e)-[shown:SHOWN_IN]->(m)
  SET shown.position = item.position)
RETURN count(e) AS exercises
