// Fragment (an expression): one ranked alternative of `alternative_ranking` as a map, the row of
// `alternative_rows` with the exercise's facts under `exercise`.
{score: score, shared_targets: shared_targets, shared_secondary: shared_secondary, same_family: same_family,
 source_targets: size(st), source_muscles: size(sm), exercise: {{exercise_map}}}
