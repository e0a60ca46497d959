"""The related-links groups of an exercise page."""

from graph_service.api import limits
from graph_service.api.types import Ctx, RelatedGroup, RelatedKind
from graph_service.errors import BadInput
from graph_service.queries import Q

ORDER = {RelatedKind.BODY_PART: 0, RelatedKind.EQUIPMENT: 1, RelatedKind.TARGET_MUSCLE: 2}


async def related_groups(info: Ctx, slug: str, first: int) -> list[RelatedGroup]:
    if not 0 <= first <= limits.MAX_ALTERNATIVES:
        raise BadInput(f"first: between 0 and {limits.MAX_ALTERNATIVES}")
    rows = await info.context.store.read(Q.RELATED, {"slug": slug, "first": first})
    groups = [
        RelatedGroup(
            kind=RelatedKind(r["relation"]), slug=r["slug"], name=r["name"], total=r["total"], sample=list(r["sample"])
        )
        for r in rows
    ]
    return sorted(groups, key=lambda g: (ORDER[g.kind], g.name))
