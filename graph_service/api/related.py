"""The related-links groups of an exercise page."""

from itertools import groupby

from graph_service.api import limits
from graph_service.api.types import Ctx, Exercise, RelatedGroup, RelatedKind
from graph_service.errors import BadInput
from graph_service.queries import Q

ORDER = {RelatedKind.BODY_PART: 0, RelatedKind.EQUIPMENT: 1, RelatedKind.TARGET_MUSCLE: 2}

# Groups larger than this are read in name order from Neo4j's name index instead of walked and sorted.
# The embedded engine has no index-ordered reads, so it always walks.
WALK_LIMIT = {"neo4j": 1000}
ALWAYS_WALK = 2**62


async def related_groups(info: Ctx, slug: str, first: int) -> list[RelatedGroup]:
    if not 0 <= first <= limits.MAX_ALTERNATIVES:
        raise BadInput(f"first: between 0 and {limits.MAX_ALTERNATIVES}")
    store = info.context.store
    rows = await store.read(
        Q.RELATED, {"slug": slug, "first": first, "walk_limit": WALK_LIMIT.get(store.engine, ALWAYS_WALK)}
    )
    groups = []
    for (relation, group_slug, name, total), members in groupby(
        rows, key=lambda r: (r["relation"], r["group_slug"], r["group_name"], r["total"])
    ):
        exercises = [Exercise.from_row(r) for r in members if r["slug"] is not None]
        groups.append(
            RelatedGroup(kind=RelatedKind(relation), slug=group_slug, name=name, total=total, members=exercises)
        )
    return sorted(groups, key=lambda g: (ORDER[g.kind], g.name))
