UNWIND $rows AS row
MATCH (e:Exercise {slug: row.exercise})
MATCH (t:Equipment {slug: row.target})
MERGE (e)-[:USES]->(t)
