UNWIND $rows AS row
MERGE (e:Exercise {slug: row.slug})
SET e += row.props
