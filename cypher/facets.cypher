// Counts per body part, target muscle, equipment, difficulty and category over the exercises matching a filter.
{{matching_exercises}}
WITH [x IN e.body_part_slugs | ['bodyPart', x]]
   + [x IN e.target_slugs | ['muscle', x]]
   + [x IN e.equipment_slugs | ['equipment', x]]
   + [['difficulty', e.difficulty], ['category', e.category]] AS keys
UNWIND keys AS key
RETURN key[0] AS facet, key[1] AS value, count(*) AS count
