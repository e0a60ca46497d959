"""Root query fields."""

import strawberry

from graph_service.api import limits
from graph_service.api.inputs import (
    ExerciseFilter,
    ExerciseSort,
    check_first,
    check_slug,
    filter_params,
    reject_unknown,
)
from graph_service.api.kits import filter_with_kit
from graph_service.api.nodes import NodeQueries
from graph_service.api.paging import window
from graph_service.api.plans import PlanQueries
from graph_service.api.read_ahead import load_exercise
from graph_service.api.search_fields import asks_for_texts
from graph_service.api.types import (
    Alternative,
    BodyPart,
    Ctx,
    Equipment,
    Exercise,
    ExerciseConnection,
    Facets,
    Muscle,
    MuscleGroup,
    SearchResult,
)
from graph_service.errors import BadInput
from graph_service.model import Difficulty, TaxonomyKind
from graph_service.reads.facets import facet_counts
from graph_service.reads.muscle_groups import group_pairs, with_group_members
from graph_service.reads.search import search
from graph_service.reads.taxonomy import taxonomy_nodes


@strawberry.type
class Query(PlanQueries, NodeQueries):  # training plans: graph_service.api.plans; node(id:): api.nodes
    @strawberry.field(description="One exercise by slug, or null when there is none.")
    async def exercise(self, info: Ctx, slug: str) -> Exercise | None:
        row = await load_exercise(info, check_slug(slug))
        return Exercise.from_row(row) if row else None

    @strawberry.field(
        description="Exercises matching a filter, a page at a time: `first` after `after`, or `last` before `before` "
        "(by default the first 20; at most 100 a page)."
    )
    async def exercises(
        self,
        info: Ctx,
        filter: ExerciseFilter | None = None,
        sort: ExerciseSort = ExerciseSort.NAME,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> ExerciseConnection:
        page = window(first=first, after=after, last=last, before=before)
        params = filter_params(filter)
        await reject_unknown(info.context.statistics, params)
        params = await filter_with_kit(info.context, filter.kit if filter else None, params)
        params = await with_group_members(info.context.statistics, params)
        return await ExerciseConnection.read(info, params, sort, page)

    @strawberry.field(description="Exercises that hit the same muscles as `slug`, best first.")
    async def alternatives(
        self,
        info: Ctx,
        slug: str,
        first: int = 10,
        available_equipment: list[str] | None = None,
        max_difficulty: Difficulty | None = None,
        kit: str | None = None,
    ) -> list[Alternative]:
        return await Alternative.find(info, check_slug(slug), first, available_equipment, max_difficulty, kit)

    @strawberry.field(
        description="Exercises, muscles, muscle groups and equipment by relevance; aliases and typos welcome."
    )
    async def search(self, info: Ctx, text: str, first: int = 10) -> list[SearchResult]:
        if len(text) > limits.MAX_TEXT:
            raise BadInput(f"text: at most {limits.MAX_TEXT} characters")
        check_first(first, limits.MAX_SEARCH)
        results: list[SearchResult] = []
        for h in await search(info.context.store, text=text, limit=first, texts=asks_for_texts(info)):
            node: Exercise | Muscle | MuscleGroup | Equipment
            if h.exercise is not None:
                # The hit carries the exercise's fields; its relations load only if the query asks for them.
                node = Exercise.from_row(h.exercise)
            elif h.kind == "Muscle":
                node = Muscle(slug=h.slug, name=h.name)
            elif h.kind == "MuscleGroup":
                node = MuscleGroup(slug=h.slug, name=h.name)
            else:
                node = Equipment(slug=h.slug, name=h.name)
            via = Muscle(slug=h.via[0], name=h.via[1]) if h.via and h.via_kind == "Muscle" else None
            results.append(SearchResult(score=h.score, node=node, via=via))
        return results

    @strawberry.field(description="Every muscle, by name.")
    async def muscles(self, info: Ctx) -> list[Muscle]:
        return [
            Muscle(slug=r["slug"], name=r["name"])
            for r in await taxonomy_nodes(info.context.store, TaxonomyKind.MUSCLE)
        ]

    @strawberry.field
    async def muscle(self, info: Ctx, slug: str) -> Muscle | None:
        return await Muscle.load(info, check_slug(slug))

    @strawberry.field(description="Every muscle group, by name: the level above the muscle.")
    async def muscle_groups(self, info: Ctx) -> list[MuscleGroup]:
        rows = await taxonomy_nodes(info.context.store, TaxonomyKind.MUSCLE_GROUP)
        return [MuscleGroup(slug=r["slug"], name=r["name"]) for r in rows]

    @strawberry.field
    async def muscle_group(self, info: Ctx, slug: str) -> MuscleGroup | None:
        return await MuscleGroup.load(info, check_slug(slug))

    @strawberry.field(description="Every kind of equipment, by name.")
    async def equipment(self, info: Ctx) -> list[Equipment]:
        rows = await taxonomy_nodes(info.context.store, TaxonomyKind.EQUIPMENT)
        return [Equipment(slug=r["slug"], name=r["name"]) for r in rows]

    @strawberry.field
    async def equipment_item(self, info: Ctx, slug: str) -> Equipment | None:
        return await Equipment.load(info, check_slug(slug))

    @strawberry.field(description="Every body part, by name.")
    async def body_parts(self, info: Ctx) -> list[BodyPart]:
        rows = await taxonomy_nodes(info.context.store, TaxonomyKind.BODY_PART)
        return [BodyPart(slug=r["slug"], name=r["name"]) for r in rows]

    @strawberry.field
    async def body_part(self, info: Ctx, slug: str) -> BodyPart | None:
        return await BodyPart.load(info, check_slug(slug))

    @strawberry.field(
        description="Counts per body part, muscle, muscle group, equipment, difficulty and category, for filter menus."
    )
    async def facets(self, info: Ctx, filter: ExerciseFilter | None = None) -> Facets:
        params = filter_params(filter)
        await reject_unknown(info.context.statistics, params)
        params = await filter_with_kit(info.context, filter.kit if filter else None, params)
        params = await with_group_members(info.context.statistics, params)
        groups = await group_pairs(info.context.statistics)
        return Facets.of(await facet_counts(info.context.store, filter=params, muscle_groups=groups))
