// Marks the graph as complete after a load's last write: the load mark goes, whoever set it.
OPTIONAL MATCH (l:GraphLoad)
DELETE l
RETURN count(l) AS completed
