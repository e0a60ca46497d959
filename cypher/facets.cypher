// Counts per body part, target muscle, target muscle group, equipment, movement pattern, difficulty and category
// over the exercises matching a filter, with the display name of each body part, muscle, group, piece of equipment
// and pattern. $muscle_groups lists each group as [slug, [member slugs]]: an exercise counts once for a group when
// it targets any of its muscles or names the group itself (TARGETS_GROUP).
{{matching_exercises}}
WITH [x IN e.body_part_slugs | ['bodyPart', x]]
   + [x IN e.target_slugs | ['muscle', x]]
   + [g IN coalesce($muscle_groups, [])
      WHERE g[0] IN coalesce(e.target_group_slugs, []) OR size([m IN g[1] WHERE m IN e.target_slugs]) > 0
      | ['muscleGroup', g[0]]]
   + [x IN e.equipment_slugs | ['equipment', x]]
   + [x IN coalesce(e.pattern_slugs, []) | ['movementPattern', x]]
   + [['difficulty', e.difficulty], ['category', e.category]] AS keys
UNWIND keys AS key
WITH key[0] AS facet, key[1] AS value, count(*) AS count
OPTIONAL MATCH (m:Muscle {slug: value}) WHERE facet = 'muscle'
OPTIONAL MATCH (g:MuscleGroup {slug: value}) WHERE facet = 'muscleGroup'
OPTIONAL MATCH (q:Equipment {slug: value}) WHERE facet = 'equipment'
OPTIONAL MATCH (b:BodyPart {slug: value}) WHERE facet = 'bodyPart'
OPTIONAL MATCH (p:MovementPattern {slug: value}) WHERE facet = 'movementPattern'
RETURN facet, value, count, coalesce(m.name, g.name, q.name, b.name, p.name) AS name
