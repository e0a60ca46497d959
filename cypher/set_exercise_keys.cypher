// Sorted lists of slugs kept on each exercise so filters and alternatives read properties instead of walking
// edges. The edges stay the truth: every write path (seeder, importers) recomputes these for what it wrote.
UNWIND $rows AS row
MATCH (e:Exercise {slug: row.slug})
SET e += row.keys
