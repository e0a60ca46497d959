// A new version of the graph, written when a load that changed it ends: what was derived from the old one
// (the ETags of cached answers, graph_service.http.caching) no longer matches. One node, whatever wrote.
MERGE (v:GraphVersion {key: 'graph'})
SET v.token = $token, v.changed_at = $changed_at
RETURN v.token AS token
