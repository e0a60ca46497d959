// Fragment (a predicate on an exercise `e`): whether it matches the filter. Every parameter may be null (no filter).
// Lists inside one field mean OR; different fields mean AND; $available means "needs nothing outside this set"
// (an exercise whose equipment is unknown is never assumed to fit).
// The *_slugs lists are kept in step with the edges by refresh_exercise_keys. $targets and $muscles may name muscle
// groups, as the API passes a group: its slug with its members' (an exercise an import filed under the group
// itself keeps the group's slug in target_group_slugs / group_slugs).
($difficulties IS NULL OR e.difficulty IN $difficulties)
AND ($categories IS NULL OR e.category IN $categories)
AND ($forces IS NULL OR e.force IN $forces)
AND ($mechanics IS NULL OR e.mechanic IN $mechanics)
AND ($text IS NULL OR toLower(e.search_text) CONTAINS $text)
AND ($body_parts IS NULL OR size([x IN e.body_part_slugs WHERE x IN $body_parts]) > 0)
AND ($targets IS NULL OR size([x IN e.target_slugs + coalesce(e.target_group_slugs, []) WHERE x IN $targets]) > 0)
AND ($muscles IS NULL OR size([x IN e.muscle_slugs + coalesce(e.group_slugs, []) WHERE x IN $muscles]) > 0)
AND ($patterns IS NULL OR size([x IN coalesce(e.pattern_slugs, []) WHERE x IN $patterns]) > 0)
AND ($equipment IS NULL OR size([x IN e.equipment_slugs WHERE x IN $equipment]) > 0)
AND ($available IS NULL OR (size(e.equipment_slugs) > 0 AND size([x IN e.equipment_slugs WHERE NOT x IN $available]) = 0))
