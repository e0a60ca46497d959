// How many exercises the graph holds, from the label count both engines keep: whether a seed is a first load,
// and a size hint for choosing how to rank alternatives.
MATCH (e:Exercise)
RETURN count(e) AS total
