// Indexes not yet serving reads: still being built after a change. The engine keeps one index per label.
CALL db.indexes() YIELD label, status
WITH label, status WHERE status <> 'OPERATIONAL'
RETURN label AS name, status AS state
