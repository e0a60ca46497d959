// One keyset page in difficulty order. Sort key k: the difficulty rank, or its negative for DIFFICULTY_DESC; ties
// broken by name, then slug. $after is the last row's [k, name, slug] or null.
{{matching_exercises}}
WITH e, CASE $sort WHEN 'DIFFICULTY' THEN e.difficulty_rank ELSE -e.difficulty_rank END AS k
WHERE $after IS NULL
   OR k > $after[0]
   OR (k = $after[0] AND (e.name > $after[1] OR (e.name = $after[1] AND e.slug > $after[2])))
RETURN k, {{exercise_fields}}
ORDER BY k, e.name, e.slug
LIMIT $limit
