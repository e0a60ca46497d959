// Marks the graph as being loaded, before a load's first write; readers are refused until load_complete.
MERGE (l:GraphLoad {key: 'graph'})
SET l.started_at = $started_at
RETURN l.started_at AS started_at
