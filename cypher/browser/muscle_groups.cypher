// The muscle hierarchy: every muscle group with its muscles, and how many exercises target the group, through one of
// its muscles or as a whole (an import whose source named only a broad term such as "shoulders"), each exercise once.
MATCH (g:MuscleGroup)
OPTIONAL MATCH (g)<-[:IN_GROUP]-(m:Muscle)
WITH g, m ORDER BY m.name
WITH g, collect(m.name) AS muscles,
     [(x:Exercise)-[:TARGETS]->(:Muscle)-[:IN_GROUP]->(g) | x.slug] + [(x:Exercise)-[:TARGETS_GROUP]->(g) | x.slug] AS hits
UNWIND CASE WHEN hits = [] THEN [null] ELSE hits END AS hit
RETURN g.name AS muscle_group, g.slug AS slug, muscles, count(DISTINCT hit) AS exercises_targeting
ORDER BY muscle_group;
