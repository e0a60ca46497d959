// Keys: a unique slug per label. Loads and every lookup by slug need these, so they exist before any write.
CREATE CONSTRAINT exercise_slug IF NOT EXISTS FOR (n:Exercise) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT muscle_slug IF NOT EXISTS FOR (n:Muscle) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT equipment_slug IF NOT EXISTS FOR (n:Equipment) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT body_part_slug IF NOT EXISTS FOR (n:BodyPart) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT movement_pattern_slug IF NOT EXISTS FOR (n:MovementPattern) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT kit_slug IF NOT EXISTS FOR (n:Kit) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT muscle_group_slug IF NOT EXISTS FOR (n:MuscleGroup) REQUIRE n.slug IS UNIQUE;
// A picture or video is one node however many exercises it shows, so its URL is its key.
CREATE CONSTRAINT media_url IF NOT EXISTS FOR (n:Media) REQUIRE n.url IS UNIQUE;
