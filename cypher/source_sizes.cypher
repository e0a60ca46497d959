// How many exercises each muscle, muscle group, piece of equipment, body part and movement pattern leads to, under
// the name of the filter field that reaches it that way: the number of edges into the node, so no exercise is read (Neo4j answers
// from the nodes' degrees). A filtered page in name order compares them with the graph's size to choose its plan.
// A group counts only the exercises named at group level: a filter on it also names its muscles, counted here too.
MATCH (m:Muscle)
RETURN 'targets' AS field, m.slug AS slug, size([(m)<-[:TARGETS]-() | 1]) AS size
UNION ALL
MATCH (m:Muscle)
RETURN 'muscles' AS field, m.slug AS slug, size([(m)<-[:TARGETS|WORKS_SECONDARY]-() | 1]) AS size
UNION ALL
MATCH (g:MuscleGroup)
RETURN 'targets' AS field, g.slug AS slug, size([(g)<-[:TARGETS_GROUP]-() | 1]) AS size
UNION ALL
MATCH (g:MuscleGroup)
RETURN 'muscles' AS field, g.slug AS slug, size([(g)<-[:TARGETS_GROUP|WORKS_GROUP_SECONDARY]-() | 1]) AS size
UNION ALL
MATCH (q:Equipment)
RETURN 'equipment' AS field, q.slug AS slug, size([(q)<-[:USES]-() | 1]) AS size
UNION ALL
MATCH (b:BodyPart)
RETURN 'body_parts' AS field, b.slug AS slug, size([(b)<-[:TRAINS]-() | 1]) AS size
UNION ALL
MATCH (p:MovementPattern)
RETURN 'patterns' AS field, p.slug AS slug, size([(p)<-[:FOLLOWS]-() | 1]) AS size
