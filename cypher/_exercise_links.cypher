// Fragment: every relation of an exercise `e` the exercise page shows, as lists of slugs and names, and its media.
// Each edge type ends at one label only, so the far ends carry none: given a label there, the embedded engine may
// start from every node of that label (a scan of all exercises for the variation links) instead of from `e`.
[(e)-[:TARGETS]->(t) | {slug: t.slug, name: t.name}] AS targets,
[(e)-[:WORKS_SECONDARY]->(s) | {slug: s.slug, name: s.name}] AS secondary,
[(e)-[:USES]->(q) | {slug: q.slug, name: q.name}] AS equipment,
[(e)-[:TRAINS]->(b) | {slug: b.slug, name: b.name}] AS body_parts,
[(e)-[:FOLLOWS]->(p) | {slug: p.slug, name: p.name}] AS patterns,
[(e)-[:TARGETS_GROUP]->(tg) | {slug: tg.slug, name: tg.name}] AS target_groups,
[(e)-[:WORKS_GROUP_SECONDARY]->(sg) | {slug: sg.slug, name: sg.name}] AS secondary_groups,
[(e)-[:VARIATION_OF]->(base) | base.slug] AS base,
[(e)<-[:VARIATION_OF]-(v) | v.slug] AS variants,
[(e)-[shown:SHOWN_IN]->(pic) | {url: pic.url, kind: pic.kind, source: pic.source, license: pic.license,
                              position: shown.position}] AS media
