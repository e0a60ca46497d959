:param plan => [{slug: 'barbell-back-squat', sets: 4}, {slug: 'barbell-bench-press', sets: 3}];

// What a plan trains: per muscle, the sets in which it is a target, the sets in which it assists, and the
// weighted total (a secondary set counts half), most weighted first. Muscles the plan leaves untrained come last,
// with 0. The API's planCoverage gives the same numbers.
MATCH (m:Muscle)
OPTIONAL MATCH (e:Exercise)-[r:TARGETS|WORKS_SECONDARY]->(m)
WHERE e.slug IN [item IN $plan | item.slug]
WITH m, e, r, [item IN $plan WHERE item.slug = e.slug | item.sets] AS found
WITH m,
     sum(CASE WHEN type(r) = 'TARGETS' THEN coalesce(head(found), 0) ELSE 0 END) AS target_sets,
     sum(CASE WHEN type(r) = 'WORKS_SECONDARY' THEN coalesce(head(found), 0) ELSE 0 END) AS secondary_sets
RETURN m.name AS muscle, m.slug AS slug, target_sets, secondary_sets,
       target_sets + 0.5 * secondary_sets AS weighted_sets
ORDER BY weighted_sets DESC, muscle;
