"""The MovementPattern type: the shape of a movement, whatever the implement."""

from typing import Any

import strawberry
from strawberry import Info

from graph_service.api.context import Context
from graph_service.api.nodes import SlugNode
from graph_service.model import TaxonomyKind
from graph_service.planning.vocabulary import Direction, PatternGroup, Region
from graph_service.reads.taxonomy import TaxonomyRow

Ctx = Info[Context, None]


async def _node(info: Ctx, slug: str) -> TaxonomyRow | dict[str, Any]:
    return await info.context.taxonomy(TaxonomyKind.MOVEMENT_PATTERN).load(slug) or {}


@strawberry.type(description="A movement pattern (squat, hinge, horizontal pull...) that exercises follow.")
class MovementPattern(SlugNode):
    slug: str
    name: str

    @strawberry.field
    async def aliases(self, info: Ctx) -> list[str]:
        return list((await _node(info, self.slug)).get("aliases") or [])

    @strawberry.field(description="compound, core, isolation, conditioning or mobility.")
    async def group(self, info: Ctx) -> str:
        return str((await _node(info, self.slug)).get("group") or PatternGroup.COMPOUND.value)

    @strawberry.field(description="upper, lower, core or full (body).")
    async def region(self, info: Ctx) -> str:
        return str((await _node(info, self.slug)).get("region") or Region.FULL.value)

    @strawberry.field(description="push or pull, for the upper-body patterns the push/pull balance counts.")
    async def direction(self, info: Ctx) -> str | None:
        value = (await _node(info, self.slug)).get("direction")
        return Direction(value).value if value else None

    @strawberry.field(description="How many exercises follow it.")
    async def exercise_count(self, info: Ctx) -> int:
        return int((await _node(info, self.slug)).get("exercise_count") or 0)

    @classmethod
    async def load(cls, info: Ctx, slug: str) -> "MovementPattern | None":
        row = await info.context.taxonomy(TaxonomyKind.MOVEMENT_PATTERN).load(slug)
        return cls(slug=row["slug"], name=row["name"]) if row else None
