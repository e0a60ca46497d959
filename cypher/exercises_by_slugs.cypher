// Exercises by slug with their relations: what an exercise page needs of them, in one round trip.
UNWIND $slugs AS wanted
MATCH (e:Exercise {slug: wanted})
RETURN {{exercise_fields}},
       {{exercise_links}}
