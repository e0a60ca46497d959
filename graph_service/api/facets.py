"""Facet counts for filter menus."""

import strawberry

from graph_service.api.listing import ExerciseFilter, filter_params, reject_unknown
from graph_service.api.types import Ctx
from graph_service.model import Category, Difficulty
from graph_service.queries import Q


@strawberry.type(description="How many matching exercises carry one value.")
class FacetCount:
    value: str = strawberry.field(description="A slug, or the enum value for difficulty and category.")
    name: str
    count: int


@strawberry.type
class Facets:
    body_parts: list[FacetCount]
    muscles: list[FacetCount] = strawberry.field(description="Counted by target muscle.")
    equipment: list[FacetCount]
    difficulties: list[FacetCount]
    categories: list[FacetCount]


async def facets_for(info: Ctx, f: ExerciseFilter | None) -> Facets:
    params = filter_params(f)
    await reject_unknown(info, params)
    rows = await info.context.store.read(Q.FACETS, params)
    groups: dict[str, dict[str, int]] = {}
    named: dict[str, list[FacetCount]] = {"bodyPart": [], "muscle": [], "equipment": []}
    for r in rows:
        groups.setdefault(r["facet"], {})[r["value"]] = int(r["count"])
        # A taxonomy value without a node (removed since the exercise was written) has no name and is left out.
        if r["facet"] in named and r["name"] is not None:
            named[r["facet"]].append(FacetCount(value=r["value"], name=r["name"], count=int(r["count"])))

    def enum_counts(facet: str, enum: type[Difficulty] | type[Category]) -> list[FacetCount]:
        counts = groups.get(facet, {})
        return [FacetCount(value=e.name, name=e.value, count=counts[e.value]) for e in enum if e.value in counts]

    def order(items: list[FacetCount]) -> list[FacetCount]:
        return sorted(items, key=lambda c: (-c.count, c.name))

    return Facets(
        body_parts=order(named["bodyPart"]),
        muscles=order(named["muscle"]),
        equipment=order(named["equipment"]),
        difficulties=enum_counts("difficulty", Difficulty),
        categories=order(enum_counts("category", Category)),
    )
