// Indexes not yet serving reads: populating after creation, or failed.
SHOW INDEXES YIELD name, state WHERE state <> 'ONLINE'
RETURN name, state
