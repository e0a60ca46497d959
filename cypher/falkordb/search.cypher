// Full-text hits over exercises, muscles and equipment, one index per label; an exercise hit carries its fields,
// so a search is one statement.
CALL db.idx.fulltext.queryNodes('Exercise', $query) YIELD node, score
WITH node AS e, score
RETURN 'Exercise' AS kind, e.slug AS slug, e.name AS name, e.aliases AS aliases, score,
       {{exercise_map}} AS exercise
LIMIT $limit
UNION ALL
CALL db.idx.fulltext.queryNodes('Muscle', $query) YIELD node, score
RETURN 'Muscle' AS kind, node.slug AS slug, node.name AS name, node.aliases AS aliases, score, null AS exercise
LIMIT $limit
UNION ALL
CALL db.idx.fulltext.queryNodes('Equipment', $query) YIELD node, score
RETURN 'Equipment' AS kind, node.slug AS slug, node.name AS name, node.aliases AS aliases, score, null AS exercise
LIMIT $limit
