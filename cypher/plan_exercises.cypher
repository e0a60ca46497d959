// The plan facts of a batch of exercises by slug, in one round trip.
UNWIND $slugs AS wanted
MATCH (e:Exercise {slug: wanted})
RETURN {{plan_facts}}
