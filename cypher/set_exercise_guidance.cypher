// Curated guidance and questions (seed/guidance.yaml) as properties of the bundled exercises
// (graph_service.guidance). Every bundled exercise has a row, null where the file says nothing about it, so a
// reload after an edit leaves exactly what the file says; setting a property to null removes it.
UNWIND $rows AS row
MATCH (e:Exercise {slug: row.slug})
SET e.guidance_goals = row.guidance_goals,
    e.guidance_sets_min = row.guidance_sets_min,
    e.guidance_sets_max = row.guidance_sets_max,
    e.guidance_reps_min = row.guidance_reps_min,
    e.guidance_reps_max = row.guidance_reps_max,
    e.guidance_starting_load = row.guidance_starting_load,
    e.guidance_starting_load_body_weight = row.guidance_starting_load_body_weight,
    e.faq_questions = row.faq_questions,
    e.faq_answers = row.faq_answers
