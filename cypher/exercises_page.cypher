// One keyset page in name order (ties broken by slug), read forward; $after and $before are rows' [k, name, slug]
// or null, k is 0. The exercises are read from the name index in order, each checked against the filter, and
// reading stops at the page's end: about $limit / (the share of exercises matching) of them, and never more than
// $walk. A page that comes back short may have met $walk before its end; the caller then reads it from the
// filter's source. cypher/exercises_page_backward.cypher walks the other way.
MATCH (e:Exercise)
WHERE e.name >= coalesce($after[1], '')
WITH e
ORDER BY e.name, e.slug
LIMIT $walk
WITH e, 0 AS k
WHERE {{exercise_filter}}
  AND {{page_window}}
RETURN k, {{exercise_fields}}
ORDER BY e.name, e.slug
LIMIT $limit
