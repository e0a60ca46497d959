// Fragment: binds `e` to every exercise matching the filter. Every parameter may be null (no filter).
// Lists inside one field mean OR; different fields mean AND; $available means "needs nothing outside this set".
MATCH (e:Exercise)
WHERE ($difficulties IS NULL OR e.difficulty IN $difficulties)
  AND ($categories IS NULL OR e.category IN $categories)
  AND ($forces IS NULL OR e.force IN $forces)
  AND ($mechanics IS NULL OR e.mechanic IN $mechanics)
  AND ($text IS NULL OR toLower(e.search_text) CONTAINS $text)
WITH e,
     CASE WHEN $body_parts IS NULL THEN [] ELSE [(e)-[:TRAINS]->(fb:BodyPart) | fb.slug] END AS f_body_parts,
     CASE WHEN $targets IS NULL THEN [] ELSE [(e)-[:TARGETS]->(ft:Muscle) | ft.slug] END AS f_targets,
     CASE WHEN $muscles IS NULL THEN [] ELSE [(e)-[:TARGETS|WORKS_SECONDARY]->(fm:Muscle) | fm.slug] END AS f_muscles,
     CASE WHEN $equipment IS NULL AND $available IS NULL THEN [] ELSE [(e)-[:USES]->(fq:Equipment) | fq.slug] END
       AS f_equipment
WHERE ($body_parts IS NULL OR size([x IN f_body_parts WHERE x IN $body_parts]) > 0)
  AND ($targets IS NULL OR size([x IN f_targets WHERE x IN $targets]) > 0)
  AND ($muscles IS NULL OR size([x IN f_muscles WHERE x IN $muscles]) > 0)
  AND ($equipment IS NULL OR size([x IN f_equipment WHERE x IN $equipment]) > 0)
  AND ($available IS NULL OR size([x IN f_equipment WHERE NOT x IN $available]) = 0)
