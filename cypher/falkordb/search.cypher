// Full-text hits over exercises, muscles, muscle groups and equipment, one index per label, so a search is one
// statement: an exercise hit carries its fields, and a muscle hit a few of the exercises that target it (`via`), so
// that a word that only names a muscle, or misspells one, still reaches exercises; a muscle group hit reaches
// exercises that target any of its muscles, or the group itself. graph_service/reads/search.py ranks the rows.
CALL db.idx.fulltext.queryNodes('Exercise', $query) YIELD node, score
WITH node AS e, score
LIMIT $limit
RETURN 'Exercise' AS kind, e.slug AS slug, e.name AS name, e.aliases AS aliases, score,
       {{search_exercise_map}} AS exercise, [] AS via
UNION ALL
CALL db.idx.fulltext.queryNodes('Muscle', $query) YIELD node, score
WITH node, score
LIMIT $limit
WITH node, score, [(x:Exercise)-[:TARGETS]->(node) | x][..$via] AS near
RETURN 'Muscle' AS kind, node.slug AS slug, node.name AS name, node.aliases AS aliases, score, null AS exercise,
       [e IN near | {{search_exercise_map}}] AS via
UNION ALL
CALL db.idx.fulltext.queryNodes('MuscleGroup', $query) YIELD node, score
WITH node, score
LIMIT $limit
WITH node, score,
     ([(x:Exercise)-[:TARGETS]->(:Muscle)-[:IN_GROUP]->(node) | x] + [(x:Exercise)-[:TARGETS_GROUP]->(node) | x])[..$via]
     AS near
RETURN 'MuscleGroup' AS kind, node.slug AS slug, node.name AS name, node.aliases AS aliases, score, null AS exercise,
       [e IN near | {{search_exercise_map}}] AS via
UNION ALL
CALL db.idx.fulltext.queryNodes('Equipment', $query) YIELD node, score
WITH node, score
LIMIT $limit
RETURN 'Equipment' AS kind, node.slug AS slug, node.name AS name, node.aliases AS aliases, score, null AS exercise,
       [] AS via
