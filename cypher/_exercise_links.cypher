// Fragment: every relation of an exercise `e` the exercise page shows, as lists of slugs and names.
[(e)-[:TARGETS]->(t:Muscle) | {slug: t.slug, name: t.name}] AS targets,
[(e)-[:WORKS_SECONDARY]->(s:Muscle) | {slug: s.slug, name: s.name}] AS secondary,
[(e)-[:USES]->(q:Equipment) | {slug: q.slug, name: q.name}] AS equipment,
[(e)-[:TRAINS]->(b:BodyPart) | {slug: b.slug, name: b.name}] AS body_parts,
[(e)-[:VARIATION_OF]->(base:Exercise) | base.slug] AS base,
[(e)<-[:VARIATION_OF]-(v:Exercise) | v.slug] AS variants
