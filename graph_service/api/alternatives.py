"""Alternatives: exercises that hit the same muscles, ranked by the score in cypher/alternatives.cypher."""

import asyncio
from typing import Any, NamedTuple

import strawberry

from graph_service.api import limits
from graph_service.api.listing import check_slugs, reject_unknown
from graph_service.api.types import Ctx, Exercise, Muscle
from graph_service.errors import BadInput, NotFound
from graph_service.model import DIFFICULTY_RANK, Difficulty
from graph_service.ranking import ranked_alternatives
from graph_service.store import Row


@strawberry.type(description="An exercise that can stand in for another, with why.")
class Alternative:
    exercise: Exercise
    score: float = strawberry.field(description="0..1: 0.6 target overlap + 0.25 overall muscle overlap + 0.15 family.")
    same_family: bool = strawberry.field(description="Both belong to the same movement family.")
    shared_target_slugs: strawberry.Private[list[str]]
    shared_secondary_slugs: strawberry.Private[list[str]]

    @strawberry.field(description="Target muscles both exercises train as primary movers.")
    async def shared_targets(self, info: Ctx) -> list[Muscle]:
        return await _muscles(info, self.shared_target_slugs)

    @strawberry.field(description="Other muscles both exercises work.")
    async def shared_secondary(self, info: Ctx) -> list[Muscle]:
        return await _muscles(info, self.shared_secondary_slugs)

    @strawberry.field(description="A sentence explaining the match.")
    async def reason(self, info: Ctx) -> str:
        # Both lists in one go, so their muscles are read in one batch.
        shared = await asyncio.gather(self.shared_targets(info), self.shared_secondary(info))
        targets, others = ([m.name.lower() for m in muscles] for muscles in shared)
        parts = []
        if targets:
            parts.append(f"Targets the same {_join(targets)}")
        if others:
            parts.append(f"{'also works' if targets else 'Works'} {_join(others)}")
        sentence = ", ".join(parts) or "Works related muscles"
        if self.same_family:
            sentence += "; a variation of the same movement"
        return sentence + "."


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


async def _muscles(info: Ctx, slugs: list[str]) -> list[Muscle]:
    rows = await info.context.muscles.load_many(slugs)
    return sorted((Muscle(slug=r["slug"], name=r["name"]) for r in rows if r), key=lambda m: m.name)


def _alternative(row: Row) -> Alternative:
    return Alternative(
        exercise=Exercise.from_row(row),
        score=round(float(row["score"]), 4),
        same_family=bool(row["same_family"]),
        shared_target_slugs=list(row["shared_targets"]),
        shared_secondary_slugs=list(row["shared_secondary"]),
    )


async def alternative_params(
    info: Ctx, slug: str, first: int, available_equipment: list[str] | None, max_difficulty: Difficulty | None
) -> dict[str, Any]:
    """The statement parameters of an alternatives question, checked (BadInput names what is wrong)."""
    if not 0 <= first <= limits.MAX_ALTERNATIVES:
        raise BadInput(f"first: between 0 and {limits.MAX_ALTERNATIVES}")
    available = check_slugs("availableEquipment", available_equipment)
    await reject_unknown(info, {"available": available})
    return {
        "slug": slug,
        "first": first,
        "available": available,
        "max_rank": DIFFICULTY_RANK[max_difficulty] if max_difficulty else None,
    }


class ReadAhead(NamedTuple):
    """Alternatives read by the exercise page statement: `exact`, or near lookups the ranking must still prove."""

    rows: list[Row]
    exact: bool


def answer_key(params: dict[str, Any]) -> tuple[Any, ...]:
    """What an alternatives answer is kept under in the request's `prefetched` answers."""
    available = params["available"]
    return (
        "alternatives",
        params["slug"],
        params["first"],
        None if available is None else tuple(available),
        params["max_rank"],
    )


async def find_alternatives(
    info: Ctx,
    slug: str,
    first: int,
    available_equipment: list[str] | None,
    max_difficulty: Difficulty | None,
) -> list[Alternative]:
    params = await alternative_params(info, slug, first, available_equipment, max_difficulty)
    # The exercise page statement may have read them already: exact, or near lookups still to be proven.
    read: ReadAhead | None = info.context.prefetched.get(answer_key(params))
    if read is not None and read.exact:
        rows = read.rows
    else:
        rows = await ranked_alternatives(info.context.store, params, near=read.rows if read else None)
    if not rows and await info.context.exercises.load(slug) is None:
        raise NotFound(f"no exercise with slug {slug!r}")
    return [_alternative(r) for r in rows]
