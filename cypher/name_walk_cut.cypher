// Whether a walk of the name index by cypher/exercises_page.cypher met its bound of $walk entries with entries
// still after it (so its short page may be cut short) rather than reaching the index's end (so it is complete).
MATCH (e:Exercise)
WHERE e.name >= coalesce($after[1], '')
WITH e
ORDER BY e.name, e.slug
SKIP $walk
LIMIT 1
RETURN count(e) > 0 AS cut
