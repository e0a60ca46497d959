// Fragment (an expression): the scalar facts of an exercise `e` as a map, keyed as `exercise_fields` names them.
{slug: e.slug, name: e.name, difficulty: e.difficulty, category: e.category, force: e.force, mechanic: e.mechanic,
 description: e.description, instructions: e.instructions, tips: e.tips, mistakes: e.mistakes, aliases: e.aliases,
 sources: e.sources, inferred: e.inferred}
