CALL db.index.fulltext.queryNodes('graph_search', $query, {limit: $limit}) YIELD node, score
RETURN labels(node)[0] AS kind, node.slug AS slug, node.name AS name, node.aliases AS aliases, score
