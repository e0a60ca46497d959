// Exercises a plan may add that work one of $slugs (muscles), as target or secondary: for each muscle the first
// $per_source by name that pass the candidate filter, each exercise once, with its plan facts.
UNWIND $slugs AS wanted
CALL {
  WITH wanted
  MATCH (:Muscle {slug: wanted})<-[:TARGETS|WORKS_SECONDARY]-(e:Exercise)
  WHERE {{candidate_filter}}
  WITH DISTINCT e
  ORDER BY e.name, e.slug
  LIMIT $per_source
  RETURN collect(e) AS found
}
UNWIND found AS e
WITH DISTINCT e
RETURN {{plan_facts}}
