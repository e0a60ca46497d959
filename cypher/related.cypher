// The link groups of an exercise page: other exercises for its body part, for each piece of its equipment and
// for each target muscle, with a total and the first $related_first by name, one row per group and exercise (a group
// without others has one row of nulls for the exercise).
// Each group node receives one of the three edge types only, so the total is its degree for them. A group of
// up to $walk_limit others is walked and sorted; a larger one is read from the name index in order, checking
// membership on the slug lists kept on each exercise: about first * exercises / total rows to find the first.
MATCH (src:Exercise {slug: $slug})
{{related_samples}}
UNWIND CASE WHEN size(sample) = 0 THEN [null] ELSE sample END AS e
RETURN relation, n.slug AS group_slug, n.name AS group_name, total, {{exercise_fields}}
ORDER BY relation, group_name, name, slug
