// cypher/exercises_page.cypher read backward: the $limit exercises in name order nearest before $before (from the
// index's end when it is null), nearest first; the caller turns the page round. $name_ceiling sorts after every
// name (Neo4j compares by code point), so the walk is a range read of the name index in descending order either
// way. Only an engine with index-ordered reads runs it: the embedded engine's index misreads a bound beyond ASCII.
MATCH (e:Exercise)
WHERE e.name <= coalesce($before[1], $name_ceiling)
WITH e
ORDER BY e.name DESC, e.slug DESC
LIMIT $walk
WITH e, 0 AS k
WHERE {{exercise_filter}}
  AND {{page_window}}
RETURN k, {{exercise_fields}}
ORDER BY e.name DESC, e.slug DESC
LIMIT $limit
