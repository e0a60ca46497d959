// The indexes the reads use besides the slug keys: the name order, the keys alternatives and related
// exercises look up, and full-text search. A first load into an empty graph creates them after its writes.
CREATE INDEX FOR (n:Exercise) ON (n.name);
CREATE INDEX FOR (n:Exercise) ON (n.profile_key);
CREATE INDEX FOR (n:Exercise) ON (n.family);
CALL db.idx.fulltext.createNodeIndex('Exercise', 'name', 'search_text');
CALL db.idx.fulltext.createNodeIndex('Muscle', 'name', 'search_text');
CALL db.idx.fulltext.createNodeIndex('Equipment', 'name', 'search_text');
CALL db.idx.fulltext.createNodeIndex('MuscleGroup', 'name', 'search_text');
// No statement seeks by difficulty or category (filters on them are checked per exercise), so the indexes
// earlier versions created on them only slowed writes. Dropping one that is not there is not an error here.
DROP INDEX ON :Exercise(difficulty);
DROP INDEX ON :Exercise(category);
