// Exercises by slug with their curated guidance and questions (graph_service.guidance): null where none.
UNWIND $slugs AS wanted
MATCH (e:Exercise {slug: wanted})
RETURN e.slug AS slug, e.guidance_goals AS guidance_goals, e.guidance_sets_min AS guidance_sets_min,
       e.guidance_sets_max AS guidance_sets_max, e.guidance_reps_min AS guidance_reps_min,
       e.guidance_reps_max AS guidance_reps_max, e.guidance_starting_load AS guidance_starting_load,
       e.guidance_starting_load_body_weight AS guidance_starting_load_body_weight,
       e.faq_questions AS faq_questions, e.faq_answers AS faq_answers
