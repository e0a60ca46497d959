// Full-text hits over exercises, muscles, muscle groups and equipment, so a search is one statement: an exercise hit
// carries its fields, and a muscle hit a few of the exercises that target it (`via`), so that a word that only names
// a muscle, or misspells one, still reaches exercises; a muscle group hit reaches exercises that target any of its
// muscles, or the group itself. Groups have an index of their own (cypher/neo4j/indexes.cypher).
// graph_service/reads/search.py ranks the rows.
CALL () {
  CALL db.index.fulltext.queryNodes('graph_search', $query, {limit: $limit}) YIELD node, score
  RETURN node, score
  UNION ALL
  CALL db.index.fulltext.queryNodes('muscle_group_search', $query, {limit: $limit}) YIELD node, score
  RETURN node, score
}
CALL (node) {
  CALL (node) {
    MATCH (x:Exercise)-[:TARGETS]->(node:Muscle)
    RETURN x
    UNION
    MATCH (x:Exercise)-[:TARGETS]->(:Muscle)-[:IN_GROUP]->(node:MuscleGroup)
    RETURN x
    UNION
    MATCH (x:Exercise)-[:TARGETS_GROUP]->(node:MuscleGroup)
    RETURN x
  }
  WITH x LIMIT $via
  RETURN collect(x) AS near
}
WITH node, score, [e IN near | {{search_exercise_map}}] AS via
WITH node AS e, score, via
RETURN labels(e)[0] AS kind, e.slug AS slug, e.name AS name, e.aliases AS aliases, score,
       CASE WHEN e:Exercise THEN {{search_exercise_map}} END AS exercise, via
