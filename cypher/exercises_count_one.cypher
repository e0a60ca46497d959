// How many exercises a filter naming one target muscle, one piece of equipment or one body part (and nothing else)
// matches: the number of $relation edges into that node. Only exercises have such edges, at most one each to a
// given node, so the count needs no label check and Neo4j answers it from the node's degree without reading an
// exercise. Each branch seeks its node by slug; a branch whose relation was not asked finds nothing to count.
CALL {
  MATCH (m:Muscle {slug: $slug})
  WHERE $relation = 'TARGETS'
  RETURN size([(m)<-[:TARGETS]-() | 1]) AS edges
  UNION ALL
  MATCH (q:Equipment {slug: $slug})
  WHERE $relation = 'USES'
  RETURN size([(q)<-[:USES]-() | 1]) AS edges
  UNION ALL
  MATCH (b:BodyPart {slug: $slug})
  WHERE $relation = 'TRAINS'
  RETURN size([(b)<-[:TRAINS]-() | 1]) AS edges
}
RETURN toInteger(sum(edges)) AS total
