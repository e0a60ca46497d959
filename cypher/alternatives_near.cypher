// The alternatives of cypher/alternatives.cypher from a few index lookups instead of every candidate.
// An exercise's profile_key (graph_service.keys.profile_key) holds its kind of work, its targets and its other muscles.
// Looked up: the source's own key and every key with the same kind and targets whose other muscles differ
// from the source's by one muscle (added or removed), keeping the first $first of each key by name (one key,
// one score, the movement family aside); and the source's movement family.
// The caller proves the ranked answer exact from the score bound of every exercise not looked up, or asks
// cypher/alternatives.cypher.
MATCH (src:Exercise {slug: $slug})
{{near_candidates}}
{{alternative_rows}}
