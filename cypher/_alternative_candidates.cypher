// Fragment: every candidate alternative `alt` of the source `src`, once each: the exercises that work one of its
// target muscles, as target or secondary, with the source's facts (source_facts.cypher).
WITH src, {{source_facts}}
MATCH (src)-[:TARGETS]->(:Muscle)<-[:TARGETS|WORKS_SECONDARY]-(alt:Exercise)
WHERE alt <> src
WITH DISTINCT src, alt, kind, sf, st, sm
