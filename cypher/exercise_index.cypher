// Every exercise with all its properties: what importers match names against and fill gaps in.
MATCH (e:Exercise)
RETURN e.slug AS slug, properties(e) AS props
ORDER BY slug
