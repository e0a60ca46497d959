"""Root query fields."""

from typing import Annotated

import strawberry

from graph_service import search as search_engine
from graph_service.api import limits
from graph_service.api.alternatives import Alternative, find_alternatives
from graph_service.api.facets import Facets, facets_for
from graph_service.api.listing import ExerciseConnection, ExerciseFilter, ExerciseQuery, ExerciseSort
from graph_service.api.page import load_exercise
from graph_service.api.types import BodyPart, Ctx, Equipment, Exercise, Muscle
from graph_service.errors import BadInput
from graph_service.model import Difficulty
from graph_service.queries import Q

SearchNode = Annotated[Exercise | Muscle | Equipment, strawberry.union("SearchNode")]


@strawberry.type(description="One search hit.")
class SearchResult:
    score: float = strawberry.field(description="The engine's relevance score (comparable within one answer).")
    node: SearchNode


def _slug(slug: str) -> str:
    if len(slug) > limits.MAX_SLUG:
        raise BadInput(f"slug: at most {limits.MAX_SLUG} characters")
    return slug


@strawberry.type
class Query:
    @strawberry.field(description="One exercise by slug, or null when there is none.")
    async def exercise(self, info: Ctx, slug: str) -> Exercise | None:
        row = await load_exercise(info, _slug(slug))
        return Exercise.from_row(row) if row else None

    @strawberry.field(description="Exercises matching a filter, a page at a time (default 20, at most 100).")
    async def exercises(
        self,
        info: Ctx,
        filter: ExerciseFilter | None = None,
        sort: ExerciseSort = ExerciseSort.NAME,
        first: int = limits.DEFAULT_PAGE,
        after: str | None = None,
    ) -> ExerciseConnection:
        return await ExerciseQuery.build(filter, sort, first, after).run(info)

    @strawberry.field(description="Exercises that hit the same muscles as `slug`, best first.")
    async def alternatives(
        self,
        info: Ctx,
        slug: str,
        first: int = 10,
        available_equipment: list[str] | None = None,
        max_difficulty: Difficulty | None = None,
    ) -> list[Alternative]:
        return await find_alternatives(info, _slug(slug), first, available_equipment, max_difficulty)

    @strawberry.field(description="Exercises, muscles and equipment by relevance; aliases and typos welcome.")
    async def search(self, info: Ctx, text: str, first: int = 10) -> list[SearchResult]:
        if len(text) > limits.MAX_TEXT:
            raise BadInput(f"text: at most {limits.MAX_TEXT} characters")
        if not 0 <= first <= limits.MAX_SEARCH:
            raise BadInput(f"first: between 0 and {limits.MAX_SEARCH}")
        hits = await search_engine.search(info.context.store, text, first)
        results: list[SearchResult] = []
        for h in hits:
            node: Exercise | Muscle | Equipment
            if h.kind == "Exercise":
                # The hit carries the exercise's fields; its relations load only if the query asks for them.
                assert h.exercise is not None
                node = Exercise.from_row(h.exercise)
            elif h.kind == "Muscle":
                node = Muscle(slug=h.slug, name=h.name)
            else:
                node = Equipment(slug=h.slug, name=h.name)
            results.append(SearchResult(score=h.score, node=node))
        return results

    @strawberry.field(description="Every muscle, by name.")
    async def muscles(self, info: Ctx) -> list[Muscle]:
        rows = await info.context.store.read(Q.MUSCLES, {"slugs": None})
        return [Muscle(slug=r["slug"], name=r["name"]) for r in rows]

    @strawberry.field
    async def muscle(self, info: Ctx, slug: str) -> Muscle | None:
        return await Muscle.load(info, _slug(slug))

    @strawberry.field(description="Every kind of equipment, by name.")
    async def equipment(self, info: Ctx) -> list[Equipment]:
        rows = await info.context.store.read(Q.EQUIPMENT, {"slugs": None})
        return [Equipment(slug=r["slug"], name=r["name"]) for r in rows]

    @strawberry.field
    async def equipment_item(self, info: Ctx, slug: str) -> Equipment | None:
        return await Equipment.load(info, _slug(slug))

    @strawberry.field(description="Every body part, by name.")
    async def body_parts(self, info: Ctx) -> list[BodyPart]:
        rows = await info.context.store.read(Q.BODY_PARTS, {"slugs": None})
        return [BodyPart(slug=r["slug"], name=r["name"]) for r in rows]

    @strawberry.field
    async def body_part(self, info: Ctx, slug: str) -> BodyPart | None:
        return await BodyPart.load(info, _slug(slug))

    @strawberry.field(description="Counts per body part, muscle, equipment, difficulty and category, for filter menus.")
    async def facets(self, info: Ctx, filter: ExerciseFilter | None = None) -> Facets:
        return await facets_for(info, filter)
