UNWIND $rows AS row
MERGE (q:Equipment {slug: row.slug})
SET q += row.props
