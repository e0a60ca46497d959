"""The level above the muscle (seed/muscles.yaml `muscle_groups`): each group lists its muscles, every muscle
belongs to exactly one group, and no term names both a muscle and a group, so an importer maps a source term to
exactly one of them."""

from collections.abc import Sequence

from pydantic import Field

from graph_service.seeding.models import Entry, MuscleEntry, Slug


class MuscleGroupEntry(Entry):
    muscles: list[Slug] = Field(min_length=1, max_length=20)


def group_problems(groups: Sequence[MuscleGroupEntry], muscles: Sequence[MuscleEntry]) -> list[str]:
    problems: list[str] = []
    known = {m.slug for m in muscles}
    owner: dict[str, list[str]] = {}
    for g in groups:
        problems += [f"muscle group {g.slug!r}: unknown muscle {s!r}" for s in g.muscles if s not in known]
        for s in dict.fromkeys(g.muscles):
            owner.setdefault(s, []).append(g.slug)
    if groups:
        problems += [
            f"muscle {m.slug!r}: in no muscle group (every muscle belongs to exactly one)"
            for m in muscles
            if m.slug not in owner
        ]
    problems += [
        f"muscle {slug!r}: in more than one muscle group: {', '.join(sorted(gs))}"
        for slug, gs in sorted(owner.items())
        if len(gs) > 1
    ]
    muscle_terms: dict[str, str] = {}
    for m in muscles:
        for term in {m.slug, m.name.lower(), *m.aliases}:
            muscle_terms.setdefault(term, m.slug)
    seen: dict[str, str] = {}
    for g in groups:
        for term in sorted({g.slug, g.name.lower(), *g.aliases}):
            if term in muscle_terms:
                problems.append(
                    f"muscle group {g.slug!r}: term {term!r} also names the muscle {muscle_terms[term]!r} "
                    "(a broad term names the group, a muscle term the muscle)"
                )
            elif seen.setdefault(term, g.slug) != g.slug:
                problems.append(f"muscle group term {term!r} belongs to more than one group: {seen[term]}, {g.slug}")
    return problems
