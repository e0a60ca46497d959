// The indexes the reads use besides the slug keys: the name order for pages, the keys alternatives and related
// exercises look up, and full-text search. A first load into an empty graph creates them after its writes.
CREATE INDEX exercise_name IF NOT EXISTS FOR (n:Exercise) ON (n.name);
CREATE INDEX exercise_profile IF NOT EXISTS FOR (n:Exercise) ON (n.profile_key);
CREATE INDEX exercise_family IF NOT EXISTS FOR (n:Exercise) ON (n.family);
CREATE FULLTEXT INDEX graph_search IF NOT EXISTS
FOR (n:Exercise|Muscle|Equipment) ON EACH [n.name, n.search_text]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}};
// Muscle groups in an index of their own, so a graph indexed before groups existed gains it on its next start.
CREATE FULLTEXT INDEX muscle_group_search IF NOT EXISTS
FOR (n:MuscleGroup) ON EACH [n.name, n.search_text]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}};
// No statement seeks by difficulty or category (filters on them are checked per exercise), so the indexes
// earlier versions created on them only slowed writes.
DROP INDEX exercise_difficulty IF EXISTS;
DROP INDEX exercise_category IF EXISTS;
