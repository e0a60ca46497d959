CALL db.idx.fulltext.queryNodes('Exercise', $query) YIELD node, score
RETURN 'Exercise' AS kind, node.slug AS slug, node.name AS name, node.aliases AS aliases, score
LIMIT $limit
UNION ALL
CALL db.idx.fulltext.queryNodes('Muscle', $query) YIELD node, score
RETURN 'Muscle' AS kind, node.slug AS slug, node.name AS name, node.aliases AS aliases, score
LIMIT $limit
UNION ALL
CALL db.idx.fulltext.queryNodes('Equipment', $query) YIELD node, score
RETURN 'Equipment' AS kind, node.slug AS slug, node.name AS name, node.aliases AS aliases, score
LIMIT $limit
