// The answer of plan_candidates_by_muscle.cypher for muscles that many exercises work: each one's first $per_source
// by name come from a walk of the exercise name index (in index order on Neo4j, which stops once it has them),
// checking each exercise's muscle_slugs (kept in step with its TARGETS and WORKS_SECONDARY edges) instead of reading
// every exercise of the muscle and sorting them all. graph_service.reads.training chooses between the two per
// muscle.
UNWIND $slugs AS wanted
CALL {
  WITH wanted
  MATCH (e:Exercise)
  WHERE e.name >= '' AND wanted IN e.muscle_slugs AND {{candidate_filter}}
  WITH e
  ORDER BY e.name, e.slug
  LIMIT $per_source
  RETURN collect(e) AS found
}
UNWIND found AS e
WITH DISTINCT e
RETURN {{plan_facts}}
