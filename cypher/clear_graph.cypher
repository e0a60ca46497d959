// Deletes one slice of the graph; the caller repeats it until nothing is left, keeping transactions small.
MATCH (n)
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
