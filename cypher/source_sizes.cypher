// How many exercises each muscle, piece of equipment and body part leads to, under the name of the filter field
// that reaches it that way: the number of edges into the node, so no exercise is read (Neo4j answers from the
// nodes' degrees). A filtered page in name order compares them with the graph's size to choose its plan.
MATCH (m:Muscle)
RETURN 'targets' AS field, m.slug AS slug, size([(m)<-[:TARGETS]-() | 1]) AS size
UNION ALL
MATCH (m:Muscle)
RETURN 'muscles' AS field, m.slug AS slug, size([(m)<-[:TARGETS|WORKS_SECONDARY]-() | 1]) AS size
UNION ALL
MATCH (q:Equipment)
RETURN 'equipment' AS field, q.slug AS slug, size([(q)<-[:USES]-() | 1]) AS size
UNION ALL
MATCH (b:BodyPart)
RETURN 'body_parts' AS field, b.slug AS slug, size([(b)<-[:TRAINS]-() | 1]) AS size
