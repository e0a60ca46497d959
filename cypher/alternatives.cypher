// Exercises that work the source's target muscles, ranked by
//   score = 0.6 * overlap(target muscles) + 0.25 * overlap(all muscles worked) + 0.15 * [same movement family]
// where overlap(A, B) = |A ∩ B| / |A ∪ B|. Candidates hit at least one source target (as target or secondary)
// and belong to the same kind of work (training, flexibility or conditioning). Ties: name, then slug.
// Muscle, equipment and family keys are the lists refresh_exercise_keys keeps on each exercise.
MATCH (src:Exercise {slug: $slug})
{{alternative_candidates}}
{{alternative_ranking}}
{{alternative_rows}}
