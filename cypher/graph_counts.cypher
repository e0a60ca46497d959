MATCH (n)
RETURN 'node' AS kind, labels(n)[0] AS name, count(*) AS count
UNION ALL
MATCH ()-[r]->()
RETURN 'edge' AS kind, type(r) AS name, count(*) AS count
