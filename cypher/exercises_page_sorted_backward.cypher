// cypher/exercises_page_sorted.cypher read backward: the $limit matching exercises nearest before $before (the
// last ones when it is null), nearest first; the caller turns the page round.
{{matching_exercises}}
WITH e, CASE $sort WHEN 'NAME' THEN 0 WHEN 'DIFFICULTY' THEN e.difficulty_rank ELSE -e.difficulty_rank END AS k
WHERE {{page_window}}
RETURN k, {{exercise_fields}}
ORDER BY k DESC, e.name DESC, e.slug DESC
LIMIT $limit
