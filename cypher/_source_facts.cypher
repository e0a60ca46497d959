// Fragment: what the ranking (alternative_ranking.cypher) compares of the source `src`, read once, not per
// candidate: its kind of work (graph_service.keys), movement family, target muscles and every muscle it works.
src.work_kind AS kind,
src.family AS sf, coalesce(src.target_slugs, []) AS st, coalesce(src.muscle_slugs, []) AS sm
