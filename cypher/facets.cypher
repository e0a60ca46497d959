// Counts per body part, target muscle, equipment, difficulty and category over the exercises matching a filter.
{{matching_exercises}}
WITH [(e)-[:TRAINS]->(b:BodyPart) | ['bodyPart', b.slug]]
   + [(e)-[:TARGETS]->(m:Muscle) | ['muscle', m.slug]]
   + [(e)-[:USES]->(q:Equipment) | ['equipment', q.slug]]
   + [['difficulty', e.difficulty], ['category', e.category]] AS keys
UNWIND keys AS key
RETURN key[0] AS facet, key[1] AS value, count(*) AS count
