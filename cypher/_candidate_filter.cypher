// Fragment (a predicate on an exercise `e`): whether a plan may use it: of a kind of work in $kinds, needing
// nothing outside $available (null: anything), no harder than $max_rank (null: any), not in $exclude.
e.work_kind IN $kinds
AND NOT e.slug IN $exclude
AND ($max_rank IS NULL OR e.difficulty_rank <= $max_rank)
AND ($available IS NULL OR (size(e.equipment_slugs) > 0
                            AND size([x IN e.equipment_slugs WHERE NOT x IN $available]) = 0))
