UNWIND $rows AS row
MERGE (b:BodyPart {slug: row.slug})
SET b += row.props
