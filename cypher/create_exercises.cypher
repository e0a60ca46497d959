// First load: the graph held no exercise before this seed, so every exercise and each of its edges is new and
// is created, never merged. The unique slug constraint still refuses a slug that turns up meanwhile.
// A row's VARIATION_OF edge is created here when its base is already visible: written by an earlier batch or
// by this one. The rows whose base is not visible yet (a batch still in flight, or later in the seed) are
// returned, and linked by link_variations once every batch is written.
// Edges go through collect and FOREACH, not CALL subqueries: the embedded engine loses writes made in a
// subquery for all but the last row of a batch.
UNWIND $rows AS row
CREATE (e:Exercise {slug: row.slug})
SET e += row.props
// Past this point only the slug lists travel on: each collect groups its rows by what they carry.
WITH e, row.targets AS target_slugs, row.secondary AS secondary_slugs, row.equipment AS equipment_slugs,
     row.patterns AS pattern_slugs, row.body_part AS body_part, row.base AS base_slug
OPTIONAL MATCH (p:MovementPattern) WHERE p.slug IN pattern_slugs
WITH e, target_slugs, secondary_slugs, equipment_slugs, body_part, base_slug, collect(p) AS patterns
FOREACH (p IN patterns | CREATE (e)-[:FOLLOWS]->(p))
WITH e, target_slugs, secondary_slugs, equipment_slugs, body_part, base_slug
OPTIONAL MATCH (t:Muscle) WHERE t.slug IN target_slugs
WITH e, secondary_slugs, equipment_slugs, body_part, base_slug, collect(t) AS targets
FOREACH (t IN targets | CREATE (e)-[:TARGETS]->(t))
WITH e, secondary_slugs, equipment_slugs, body_part, base_slug
OPTIONAL MATCH (s:Muscle) WHERE s.slug IN secondary_slugs
WITH e, equipment_slugs, body_part, base_slug, collect(s) AS secondary
FOREACH (s IN secondary | CREATE (e)-[:WORKS_SECONDARY]->(s))
WITH e, equipment_slugs, body_part, base_slug
OPTIONAL MATCH (q:Equipment) WHERE q.slug IN equipment_slugs
WITH e, body_part, base_slug, collect(q) AS equipment
FOREACH (q IN equipment | CREATE (e)-[:USES]->(q))
WITH e, body_part, base_slug
MATCH (b:BodyPart {slug: body_part})
CREATE (e)-[:TRAINS]->(b)
WITH e, base_slug
OPTIONAL MATCH (base:Exercise {slug: base_slug})
FOREACH (b IN CASE WHEN base IS NULL THEN [] ELSE [base] END | CREATE (e)-[:VARIATION_OF]->(b))
WITH e, base_slug, base
WHERE base_slug IS NOT NULL AND base IS NULL
RETURN e.slug AS exercise, base_slug AS base
