"""The facts an exercise card shows, read from the graph through the API's own statements."""

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, replace

from graph_service.cards.media import MediaFact
from graph_service.guidance import CuratedAnswer, Guidance, read_curated_faq, read_guidance
from graph_service.model import DIFFICULTY_RANK, Difficulty
from graph_service.reads.alternatives import AlternativesQuestion, ranked_alternatives
from graph_service.reads.exercises import exercise_slugs, exercises_by_slugs
from graph_service.reads.guidance import exercise_guidance
from graph_service.reads.media import ordered
from graph_service.statistics import GraphStatistics
from graph_service.store import Row, Store

FAQ_ALTERNATIVES = 3
# Alternatives are ranked one exercise per statement; a few at a time keeps a whole-catalogue export short
# without taking every pooled connection.
RANKING_CONCURRENCY = 8


@dataclass(frozen=True)
class Named:
    slug: str
    name: str


@dataclass(frozen=True)
class Alternative:
    slug: str
    name: str
    difficulty: str


@dataclass(frozen=True)
class ExerciseFacts:
    """One exercise with its neighbours by name. Related lists are sorted by name, so a card is deterministic."""

    slug: str
    name: str
    difficulty: str
    category: str
    body_part: Named | None = None
    targets: tuple[Named, ...] = ()
    secondary: tuple[Named, ...] = ()
    equipment: tuple[Named, ...] = ()
    patterns: tuple[Named, ...] = ()
    force: str | None = None
    mechanic: str | None = None
    aliases: tuple[str, ...] = ()
    description: str = ""
    instructions: tuple[str, ...] = ()
    tips: tuple[str, ...] = ()
    mistakes: tuple[str, ...] = ()
    variation_of: Named | None = None
    alternatives: tuple[Alternative, ...] = ()
    media: tuple[MediaFact, ...] = ()  # in the exercise's order
    guidance: Guidance | None = None  # curated (seed/guidance.yaml), for bundled exercises only
    curated_faq: tuple[CuratedAnswer, ...] = ()

    @property
    def difficulty_rank(self) -> int | None:
        return DIFFICULTY_RANK[Difficulty(self.difficulty)] if self.difficulty in set(Difficulty) else None

    @classmethod
    def from_row(cls, exercise: Row, *, base: Named | None = None, alternatives: Sequence[Row] = ()) -> "ExerciseFacts":
        """Build from an EXERCISES_BY_SLUGS row (its fields and links) and ALTERNATIVES rows."""
        body_parts = _named(exercise.get("body_parts"))
        return cls(
            slug=exercise["slug"],
            name=exercise["name"],
            difficulty=exercise.get("difficulty") or "",
            category=exercise.get("category") or "",
            body_part=body_parts[0] if body_parts else None,
            targets=_named(exercise.get("targets")),
            secondary=_named(exercise.get("secondary")),
            equipment=_named(exercise.get("equipment")),
            patterns=_named(exercise.get("patterns")),
            force=exercise.get("force"),
            mechanic=exercise.get("mechanic"),
            aliases=tuple(exercise.get("aliases") or ()),
            description=exercise.get("description") or "",
            instructions=tuple(exercise.get("instructions") or ()),
            tips=tuple(exercise.get("tips") or ()),
            mistakes=tuple(exercise.get("mistakes") or ()),
            variation_of=base,
            alternatives=tuple(Alternative(r["slug"], r["name"], r.get("difficulty") or "") for r in alternatives),
            media=tuple(
                MediaFact(m["url"], m["kind"], m.get("source"), m.get("license"))
                for m in ordered(exercise.get("media") or [])
            ),
        )


def _named(rows: Sequence[Row] | None) -> tuple[Named, ...]:
    return tuple(sorted((Named(r["slug"], r["name"]) for r in rows or ()), key=lambda n: (n.name, n.slug)))


async def load_facts(
    store: Store,
    slugs: Sequence[str],
    *,
    statistics: GraphStatistics | None = None,
    alternatives: int = FAQ_ALTERNATIVES,
) -> list[ExerciseFacts]:
    """Facts for the exercises in `slugs` that exist, in that order: one batched read (its rows carry the links),
    one more for the names of base movements not among them, one for their curated guidance, and one ranking each.
    `statistics`: the graph statistics of the caller's store, if it keeps them (the API does); otherwise read for
    this call."""
    statistics = statistics or GraphStatistics(store)
    exercises: dict[str, Row] = {r["slug"]: dict(r) for r in await exercises_by_slugs(store, slugs=list(slugs))}
    base_slugs = sorted({b for r in exercises.values() for b in r.get("base") or []} - set(exercises))
    names = {s: r["name"] for s, r in exercises.items()}
    if base_slugs:
        names |= {r["slug"]: r["name"] for r in await exercises_by_slugs(store, slugs=base_slugs)}
    present = [s for s in slugs if s in exercises]
    gate = asyncio.Semaphore(RANKING_CONCURRENCY)

    async def ranked(slug: str) -> list[Row]:
        async with gate:
            question = AlternativesQuestion(slug, alternatives, None, None)
            return [dict(r) for r in await ranked_alternatives(store, statistics, question)]

    rankings = await asyncio.gather(*(ranked(s) for s in present))
    curated = {r["slug"]: r for r in await exercise_guidance(store, slugs=present)}
    out = []
    for slug, ranking in zip(present, rankings, strict=True):
        exercise = exercises[slug]
        base = next((Named(b, names[b]) for b in sorted(exercise.get("base") or []) if b in names), None)
        facts = ExerciseFacts.from_row(exercise, base=base, alternatives=ranking)
        if row := curated.get(slug):
            facts = replace(facts, guidance=read_guidance(row), curated_faq=read_curated_faq(row))
        out.append(facts)
    return out


async def all_exercise_slugs(store: Store) -> list[str]:
    return await exercise_slugs(store)
