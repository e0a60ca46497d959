// Fragment: what the ranking (alternative_ranking.cypher) compares of the source `src`, read once, not per
// candidate: its kind of work, movement family, target muscles and every muscle it works.
CASE WHEN src.category IN ['stretching', 'mobility'] THEN 1 WHEN src.category = 'cardio' THEN 2 ELSE 0 END AS kind,
src.family AS sf, coalesce(src.target_slugs, []) AS st, coalesce(src.muscle_slugs, []) AS sm
