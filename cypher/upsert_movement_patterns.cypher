UNWIND $rows AS row
MERGE (p:MovementPattern {slug: row.slug})
SET p += row.props
