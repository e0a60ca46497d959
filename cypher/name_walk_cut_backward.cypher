// cypher/name_walk_cut.cypher for a backward walk (cypher/exercises_page_backward.cypher): whether it met its
// bound of $walk entries with entries still before it.
MATCH (e:Exercise)
WHERE e.name <= coalesce($before[1], $name_ceiling)
WITH e
ORDER BY e.name DESC, e.slug DESC
SKIP $walk
LIMIT 1
RETURN count(e) > 0 AS cut
