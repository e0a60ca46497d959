// Fragment (an expression): the head of the source `src`'s profile_key (graph_service.keys.profile_key), its kind of work and
// its target muscles, up to the bar that precedes its other muscles (not included).
toString(src.work_kind)
  + '|' + reduce(k = '', t IN coalesce(src.target_slugs, []) | k + ' ' + t)
