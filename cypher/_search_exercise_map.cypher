// Fragment (an expression): an exercise `e` as a search hit carries it, its short facts always and its texts
// (description, instructions, tips, mistakes, sources: most of its bytes) only when `$texts`.
CASE WHEN $texts THEN {{exercise_map}}
     ELSE {slug: e.slug, name: e.name, difficulty: e.difficulty, category: e.category, force: e.force,
           mechanic: e.mechanic, aliases: e.aliases} END
