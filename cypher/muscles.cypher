// All muscles, or those in $slugs, with their body part, their muscle group and how many exercises use them.
// The counts are numbers of edges: only exercises have TARGETS and WORKS_SECONDARY edges, so no exercise is read.
MATCH (m:Muscle)
WHERE $slugs IS NULL OR m.slug IN $slugs
RETURN m.slug AS slug, m.name AS name, m.aliases AS aliases,
       [(m)-[:PART_OF]->(b:BodyPart) | b.slug] AS body_parts,
       [(m)-[:IN_GROUP]->(g:MuscleGroup) | g.slug] AS groups,
       size([(m)<-[:TARGETS]-() | 1]) AS target_count,
       size([(m)<-[:TARGETS|WORKS_SECONDARY]-() | 1]) AS exercise_count
ORDER BY m.name
