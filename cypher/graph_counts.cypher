// How many nodes of each label and edges of each type the graph holds; a label or type with none is left out.
// Each branch names its label or type, so both engines answer from their counts instead of walking the graph.
MATCH (n:BodyPart) WITH count(n) AS count WHERE count > 0 RETURN 'node' AS kind, 'BodyPart' AS name, count
UNION ALL
MATCH (n:Muscle) WITH count(n) AS count WHERE count > 0 RETURN 'node' AS kind, 'Muscle' AS name, count
UNION ALL
MATCH (n:Equipment) WITH count(n) AS count WHERE count > 0 RETURN 'node' AS kind, 'Equipment' AS name, count
UNION ALL
MATCH (n:Exercise) WITH count(n) AS count WHERE count > 0 RETURN 'node' AS kind, 'Exercise' AS name, count
UNION ALL
MATCH (n:MovementPattern) WITH count(n) AS count WHERE count > 0
RETURN 'node' AS kind, 'MovementPattern' AS name, count
UNION ALL
MATCH (n:Kit) WITH count(n) AS count WHERE count > 0 RETURN 'node' AS kind, 'Kit' AS name, count
UNION ALL
MATCH ()-[r:PART_OF]->() WITH count(r) AS count WHERE count > 0 RETURN 'edge' AS kind, 'PART_OF' AS name, count
UNION ALL
MATCH ()-[r:TARGETS]->() WITH count(r) AS count WHERE count > 0 RETURN 'edge' AS kind, 'TARGETS' AS name, count
UNION ALL
MATCH ()-[r:WORKS_SECONDARY]->() WITH count(r) AS count WHERE count > 0
RETURN 'edge' AS kind, 'WORKS_SECONDARY' AS name, count
UNION ALL
MATCH ()-[r:USES]->() WITH count(r) AS count WHERE count > 0 RETURN 'edge' AS kind, 'USES' AS name, count
UNION ALL
MATCH ()-[r:TRAINS]->() WITH count(r) AS count WHERE count > 0 RETURN 'edge' AS kind, 'TRAINS' AS name, count
UNION ALL
MATCH ()-[r:VARIATION_OF]->() WITH count(r) AS count WHERE count > 0
RETURN 'edge' AS kind, 'VARIATION_OF' AS name, count
UNION ALL
MATCH ()-[r:FOLLOWS]->() WITH count(r) AS count WHERE count > 0 RETURN 'edge' AS kind, 'FOLLOWS' AS name, count
UNION ALL
MATCH ()-[r:INCLUDES]->() WITH count(r) AS count WHERE count > 0 RETURN 'edge' AS kind, 'INCLUDES' AS name, count
UNION ALL
MATCH (n:MuscleGroup) WITH count(n) AS count WHERE count > 0 RETURN 'node' AS kind, 'MuscleGroup' AS name, count
UNION ALL
MATCH ()-[r:IN_GROUP]->() WITH count(r) AS count WHERE count > 0 RETURN 'edge' AS kind, 'IN_GROUP' AS name, count
UNION ALL
MATCH ()-[r:TARGETS_GROUP]->() WITH count(r) AS count WHERE count > 0
RETURN 'edge' AS kind, 'TARGETS_GROUP' AS name, count
UNION ALL
MATCH ()-[r:WORKS_GROUP_SECONDARY]->() WITH count(r) AS count WHERE count > 0
RETURN 'edge' AS kind, 'WORKS_GROUP_SECONDARY' AS name, count
UNION ALL
MATCH (n:Media) WITH count(n) AS count WHERE count > 0 RETURN 'node' AS kind, 'Media' AS name, count
UNION ALL
MATCH ()-[r:SHOWN_IN]->() WITH count(r) AS count WHERE count > 0 RETURN 'edge' AS kind, 'SHOWN_IN' AS name, count
