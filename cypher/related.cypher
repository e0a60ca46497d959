// The link groups of an exercise page: other exercises for its body part, for each piece of its equipment and
// for each target muscle, with a total and the first few by name.
MATCH (src:Exercise {slug: $slug})-[link:TRAINS|USES|TARGETS]->(n)
MATCH (n)<-[other_link]-(other:Exercise)
WHERE type(other_link) = type(link) AND other <> src
WITH type(link) AS relation, n, other
ORDER BY other.name, other.slug
WITH relation, n, collect(other.slug) AS slugs
RETURN relation, n.slug AS slug, n.name AS name, size(slugs) AS total, slugs[0..$first] AS sample
ORDER BY relation, name
