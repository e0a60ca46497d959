UNWIND $slugs AS wanted
MATCH (e:Exercise {slug: wanted})
RETURN {{exercise_fields}}
