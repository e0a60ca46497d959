UNWIND $rows AS row
MATCH (e:Exercise {slug: row.exercise})
MATCH (t:BodyPart {slug: row.target})
MERGE (e)-[:TRAINS]->(t)
