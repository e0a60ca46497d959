// Fragment: binds `e` to every exercise matching the filter (cypher/_exercise_filter.cypher), one row each.
// The exercises are read along the edges of the first of the filter's target muscles, muscles, equipment and
// body parts that it names: a fraction of the graph. Only a filter naming none of them reads every exercise.
// A muscle group's own edges (an import that named only a broad term) are read beside its muscles', each exercise
// once: the group branch leaves out what the muscle branch found.
// The branches' conditions exclude one another; UNWIND of an empty list ends a branch not chosen before it reads.
CALL {
  UNWIND CASE WHEN $targets IS NOT NULL THEN [1] ELSE [] END AS chosen
  MATCH (m:Muscle)<-[:TARGETS]-(e:Exercise)
  WHERE m.slug IN $targets
  RETURN DISTINCT e
  UNION ALL
  UNWIND CASE WHEN $targets IS NOT NULL THEN [1] ELSE [] END AS chosen
  MATCH (g:MuscleGroup)<-[:TARGETS_GROUP]-(e:Exercise)
  WHERE g.slug IN $targets AND size([x IN e.target_slugs WHERE x IN $targets]) = 0
  RETURN DISTINCT e
  UNION ALL
  UNWIND CASE WHEN $targets IS NULL AND $muscles IS NOT NULL THEN [1] ELSE [] END AS chosen
  MATCH (m:Muscle)<-[:TARGETS|WORKS_SECONDARY]-(e:Exercise)
  WHERE m.slug IN $muscles
  RETURN DISTINCT e
  UNION ALL
  UNWIND CASE WHEN $targets IS NULL AND $muscles IS NOT NULL THEN [1] ELSE [] END AS chosen
  MATCH (g:MuscleGroup)<-[:TARGETS_GROUP|WORKS_GROUP_SECONDARY]-(e:Exercise)
  WHERE g.slug IN $muscles AND size([x IN e.muscle_slugs WHERE x IN $muscles]) = 0
  RETURN DISTINCT e
  UNION ALL
  UNWIND CASE WHEN $targets IS NULL AND $muscles IS NULL AND $equipment IS NOT NULL THEN [1] ELSE [] END AS chosen
  MATCH (q:Equipment)<-[:USES]-(e:Exercise)
  WHERE q.slug IN $equipment
  RETURN DISTINCT e
  UNION ALL
  UNWIND CASE WHEN $targets IS NULL AND $muscles IS NULL AND $equipment IS NULL AND $body_parts IS NOT NULL
              THEN [1] ELSE [] END AS chosen
  MATCH (b:BodyPart)<-[:TRAINS]-(e:Exercise)
  WHERE b.slug IN $body_parts
  RETURN DISTINCT e
  UNION ALL
  UNWIND CASE WHEN $targets IS NULL AND $muscles IS NULL AND $equipment IS NULL AND $body_parts IS NULL
              THEN [1] ELSE [] END AS chosen
  MATCH (e:Exercise)
  RETURN e
}
WITH e
WHERE {{exercise_filter}}
