// Indexes not yet serving reads: still being built after creation.
CALL db.indexes() YIELD label, properties, status
WITH label, properties, status WHERE status <> 'OPERATIONAL'
RETURN label + '(' + reduce(s = '', p IN properties | s + ' ' + p) + ' )' AS name, status AS state
