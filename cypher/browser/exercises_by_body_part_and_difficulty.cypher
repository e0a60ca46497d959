// Exercises per body part and difficulty: one row per body part, one column per difficulty.
MATCH (b:BodyPart)
OPTIONAL MATCH (b)<-[:TRAINS]-(e:Exercise)
WITH b, collect(e.difficulty) AS levels
RETURN b.name AS body_part,
       size([d IN levels WHERE d = 'beginner']) AS beginner,
       size([d IN levels WHERE d = 'intermediate']) AS intermediate,
       size([d IN levels WHERE d = 'advanced']) AS advanced,
       size(levels) AS total
ORDER BY total DESC, body_part;
