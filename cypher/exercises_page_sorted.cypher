// One keyset page from the matching exercises (cypher/_matching_exercises.cypher), sorted. Sort key k: 0 for name
// order, the difficulty rank (or its negative) for difficulty order; ties broken by name, then slug. $after and
// $before are rows' [k, name, slug] or null. Neo4j reads a page in name order from its name index instead
// (cypher/exercises_page.cypher); the embedded engine, which has no index-ordered reads, sorts here.
{{matching_exercises}}
WITH e, CASE $sort WHEN 'NAME' THEN 0 WHEN 'DIFFICULTY' THEN e.difficulty_rank ELSE -e.difficulty_rank END AS k
WHERE {{page_window}}
RETURN k, {{exercise_fields}}
ORDER BY k, e.name, e.slug
LIMIT $limit
