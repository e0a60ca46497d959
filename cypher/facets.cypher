// Counts per body part, target muscle, equipment, movement pattern, difficulty and category over the exercises
// matching a filter, with the display name of each body part, muscle, piece of equipment and pattern.
{{matching_exercises}}
WITH [x IN e.body_part_slugs | ['bodyPart', x]]
   + [x IN e.target_slugs | ['muscle', x]]
   + [x IN e.equipment_slugs | ['equipment', x]]
   + [x IN coalesce(e.pattern_slugs, []) | ['movementPattern', x]]
   + [['difficulty', e.difficulty], ['category', e.category]] AS keys
UNWIND keys AS key
WITH key[0] AS facet, key[1] AS value, count(*) AS count
OPTIONAL MATCH (m:Muscle {slug: value}) WHERE facet = 'muscle'
OPTIONAL MATCH (q:Equipment {slug: value}) WHERE facet = 'equipment'
OPTIONAL MATCH (b:BodyPart {slug: value}) WHERE facet = 'bodyPart'
OPTIONAL MATCH (p:MovementPattern {slug: value}) WHERE facet = 'movementPattern'
RETURN facet, value, count, coalesce(m.name, q.name, b.name, p.name) AS name
