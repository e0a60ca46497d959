// Fragment: the scalar facts of an exercise `e`, as returned to the API.
e.slug AS slug, e.name AS name, e.difficulty AS difficulty, e.category AS category, e.force AS force,
e.mechanic AS mechanic, e.description AS description, e.instructions AS instructions, e.tips AS tips,
e.mistakes AS mistakes, e.aliases AS aliases, e.sources AS sources, e.inferred AS inferred
