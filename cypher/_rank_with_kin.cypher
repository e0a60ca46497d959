// Fragment: add to the candidates `found` (a list) of the source `src` its movement family's exercises that work
// one of its target muscles, then rank them all (one row per candidate).
OPTIONAL MATCH (kin:Exercise {family: src.family})
WHERE kin <> src AND any(x IN src.target_slugs WHERE x IN kin.muscle_slugs)
WITH src, found, collect(kin) AS kin
WITH src, found + kin AS candidates, {{source_facts}}
UNWIND candidates AS alt
WITH DISTINCT src, alt, kind, sf, st, sm
{{alternative_ranking}}
