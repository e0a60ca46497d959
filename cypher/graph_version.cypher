// The graph's version token (mark_graph_changed.cypher); no row for a graph no load has finished yet.
MATCH (v:GraphVersion {key: 'graph'})
RETURN v.token AS token
LIMIT 1
