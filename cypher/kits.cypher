// All kits, or those in $slugs, with the slugs and names of the equipment each includes.
MATCH (k:Kit)
WHERE $slugs IS NULL OR k.slug IN $slugs
RETURN k.slug AS slug, k.name AS name, k.aliases AS aliases,
       [(k)-[:INCLUDES]->(q:Equipment) | {slug: q.slug, name: q.name}] AS equipment
ORDER BY k.name
