// Keys: exact-match indexes on slug back the unique slug constraints, which the store creates with a server
// command. Loads and every lookup by slug need these, so they exist before any write.
CREATE INDEX FOR (n:Exercise) ON (n.slug);
CREATE INDEX FOR (n:Muscle) ON (n.slug);
CREATE INDEX FOR (n:Equipment) ON (n.slug);
CREATE INDEX FOR (n:BodyPart) ON (n.slug);
CREATE INDEX FOR (n:MovementPattern) ON (n.slug);
CREATE INDEX FOR (n:Kit) ON (n.slug);
CREATE INDEX FOR (n:MuscleGroup) ON (n.slug);
// A picture or video is one node however many exercises it shows, so its URL is its key.
CREATE INDEX FOR (n:Media) ON (n.url);
