// How many exercises the graph holds: a size hint for choosing how to rank alternatives.
MATCH (e:Exercise)
RETURN count(e) AS total
