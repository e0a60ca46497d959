// Whether a seed is a first load; a label count both engines answer without scanning.
MATCH (e:Exercise)
RETURN count(e) > 0 AS found
