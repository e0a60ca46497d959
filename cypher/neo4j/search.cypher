// Full-text hits over exercises, muscles and equipment; an exercise hit carries its fields, so a search is one
// statement.
CALL db.index.fulltext.queryNodes('graph_search', $query, {limit: $limit}) YIELD node, score
WITH node AS e, score
RETURN labels(e)[0] AS kind, e.slug AS slug, e.name AS name, e.aliases AS aliases, score,
       CASE WHEN e:Exercise THEN {{exercise_map}} END AS exercise
