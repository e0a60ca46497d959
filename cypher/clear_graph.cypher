// Deletes one slice of the graph; the caller repeats it until nothing is left, keeping transactions small.
// The load mark stays: a reset runs inside a load, which is incomplete until the load ends.
MATCH (n)
WHERE NOT n:GraphLoad
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
