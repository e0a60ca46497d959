CREATE CONSTRAINT exercise_slug IF NOT EXISTS FOR (n:Exercise) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT muscle_slug IF NOT EXISTS FOR (n:Muscle) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT equipment_slug IF NOT EXISTS FOR (n:Equipment) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT body_part_slug IF NOT EXISTS FOR (n:BodyPart) REQUIRE n.slug IS UNIQUE;
CREATE INDEX exercise_difficulty IF NOT EXISTS FOR (n:Exercise) ON (n.difficulty);
CREATE INDEX exercise_category IF NOT EXISTS FOR (n:Exercise) ON (n.category);
CREATE INDEX exercise_name IF NOT EXISTS FOR (n:Exercise) ON (n.name);
CREATE INDEX exercise_profile IF NOT EXISTS FOR (n:Exercise) ON (n.profile_key);
CREATE INDEX exercise_family IF NOT EXISTS FOR (n:Exercise) ON (n.family);
CREATE FULLTEXT INDEX graph_search IF NOT EXISTS
FOR (n:Exercise|Muscle|Equipment) ON EACH [n.name, n.search_text]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}};
