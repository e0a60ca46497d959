// Exercises that work the source's target muscles, ranked by
//   score = $weights.targets * overlap(target muscles) + $weights.muscles * overlap(all muscles worked)
//           + $weights.family * [same movement family]
// where overlap(A, B) = |A ∩ B| / |A ∪ B|. Candidates hit at least one source target (as target or secondary)
// and belong to the same kind of work (training, flexibility or conditioning). Ties: name, then slug.
// Muscle, equipment, family and work-kind keys are what graph_service.keys keeps on each exercise.
MATCH (src:Exercise {slug: $slug})
{{alternative_candidates}}
{{alternative_ranking}}
{{alternative_rows}}
