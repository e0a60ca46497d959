:param kit => 'park-with-a-bar';

// The muscles a kit can train: for each muscle, how many exercises that need nothing outside the kit target it,
// and the movement patterns they follow. Muscles the kit cannot train as a target come last, with 0.
MATCH (k:Kit {slug: $kit})
WITH [(k)-[:INCLUDES]->(q:Equipment) | q.slug] AS gear
MATCH (m:Muscle)
OPTIONAL MATCH (e:Exercise)-[:TARGETS]->(m)
WHERE size(e.equipment_slugs) > 0 AND all(x IN e.equipment_slugs WHERE x IN gear)
WITH m, collect(e) AS exercises
WITH m, exercises,
     reduce(acc = [], e IN exercises | acc + [p IN coalesce(e.pattern_slugs, []) WHERE NOT p IN acc]) AS patterns
RETURN m.name AS muscle, m.slug AS slug, size(exercises) AS exercises, patterns
ORDER BY exercises DESC, muscle;
