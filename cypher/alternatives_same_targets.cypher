// The alternatives of cypher/alternatives.cypher from the exercises with the source's kind of work and exactly
// its target muscles, and the source's movement family. Any other exercise has other targets; the caller proves
// the answer exact from their score bound, or asks cypher/alternatives.cypher.
// Those exercises' profile keys are the head followed by '|'; as '}' is the character after '|', they are
// exactly the keys from head + '|' up to head + '}', a range both engines read from the index (the embedded
// engine does not read STARTS WITH from it).
MATCH (src:Exercise {slug: $slug})
WHERE size(coalesce(src.target_slugs, [])) > 0
WITH src, {{profile_head}} AS head
OPTIONAL MATCH (alt:Exercise)
WHERE alt.profile_key >= head + '|' AND alt.profile_key < head + '}' AND alt <> src
WITH src, collect(alt) AS found
{{rank_with_kin}}
{{alternative_rows}}
