// Fragment: return the ranked alternatives of `alternative_ranking`, one row each, with the sizes of the source's
// target and muscle lists (the callers' score bounds need them).
RETURN score, shared_targets, shared_secondary, same_family, size(st) AS source_targets, size(sm) AS source_muscles,
       {{exercise_fields}}
