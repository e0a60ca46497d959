UNWIND $rows AS row
MATCH (e:Exercise {slug: row.exercise})
MATCH (t:Muscle {slug: row.target})
MERGE (e)-[:TARGETS]->(t)
