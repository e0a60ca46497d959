// One keyset page from the matching exercises (cypher/_matching_exercises.cypher), sorted. Sort key k: 0 for name
// order, the difficulty rank (or its negative) for difficulty order; ties broken by name, then slug. $after is the
// last row's [k, name, slug] or null. Neo4j reads a page in name order from its name index instead
// (cypher/exercises_page.cypher); the embedded engine, which has no index-ordered reads, sorts here.
{{matching_exercises}}
WITH e, CASE $sort WHEN 'NAME' THEN 0 WHEN 'DIFFICULTY' THEN e.difficulty_rank ELSE -e.difficulty_rank END AS k
WHERE $after IS NULL
   OR k > $after[0]
   OR (k = $after[0] AND (e.name > $after[1] OR (e.name = $after[1] AND e.slug > $after[2])))
RETURN k, {{exercise_fields}}
ORDER BY k, e.name, e.slug
LIMIT $limit
