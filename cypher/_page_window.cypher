// Fragment (a predicate on an exercise `e` and its sort key `k`): whether it lies strictly between the cursors
// $after and $before, each a row's [k, name, slug] or null, in the order of k, then name, then slug.
($after IS NULL
 OR k > $after[0]
 OR (k = $after[0] AND (e.name > $after[1] OR (e.name = $after[1] AND e.slug > $after[2]))))
AND ($before IS NULL
 OR k < $before[0]
 OR (k = $before[0] AND (e.name < $before[1] OR (e.name = $before[1] AND e.slug < $before[2]))))
