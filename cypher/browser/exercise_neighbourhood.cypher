:param slug => 'barbell-hip-thrust';

// The neighbourhood of one exercise, for the graph view: its muscles, equipment, body part, the movement it is
// a variation of and its own variations, plus the body part each of its muscles belongs to.
MATCH (e:Exercise {slug: $slug})-[r]-(n)
OPTIONAL MATCH (n:Muscle)-[p:PART_OF]->(b:BodyPart)
RETURN e, r, n, p, b;
