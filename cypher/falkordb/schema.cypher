// Exact-match indexes back the unique slug constraints, which the store creates with a server command.
CREATE INDEX FOR (n:Exercise) ON (n.slug);
CREATE INDEX FOR (n:Muscle) ON (n.slug);
CREATE INDEX FOR (n:Equipment) ON (n.slug);
CREATE INDEX FOR (n:BodyPart) ON (n.slug);
CREATE INDEX FOR (n:Exercise) ON (n.difficulty);
CREATE INDEX FOR (n:Exercise) ON (n.category);
CREATE INDEX FOR (n:Exercise) ON (n.name);
CREATE INDEX FOR (n:Exercise) ON (n.profile_key);
CREATE INDEX FOR (n:Exercise) ON (n.family);
CALL db.idx.fulltext.createNodeIndex('Exercise', 'name', 'search_text');
CALL db.idx.fulltext.createNodeIndex('Muscle', 'name', 'search_text');
CALL db.idx.fulltext.createNodeIndex('Equipment', 'name', 'search_text');
