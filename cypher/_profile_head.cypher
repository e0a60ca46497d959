// Fragment (an expression): the head of the source `src`'s profile_key (model.profile_key), its kind of work and
// its target muscles, up to the bar that precedes its other muscles (not included).
CASE WHEN src.category IN ['stretching', 'mobility'] THEN '1' WHEN src.category = 'cardio' THEN '2' ELSE '0' END
  + '|' + reduce(k = '', t IN coalesce(src.target_slugs, []) | k + ' ' + t)
