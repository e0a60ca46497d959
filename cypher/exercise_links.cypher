// Every relation the exercise page shows, for a batch of exercises, in one round trip.
UNWIND $slugs AS wanted
MATCH (e:Exercise {slug: wanted})
RETURN e.slug AS slug, e.category AS category,
       {{exercise_links}}
