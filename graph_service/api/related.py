"""The related-links groups of an exercise page."""

import math
from itertools import groupby
from typing import Any

from graph_service.api import limits
from graph_service.api.types import Ctx, Exercise, RelatedGroup, RelatedKind
from graph_service.errors import BadInput
from graph_service.hints import exercise_count_hint
from graph_service.queries import Q
from graph_service.store import Row, Store

GROUP_KEYS = ("relation", "group_slug", "group_name", "total")
ORDER = {RelatedKind.BODY_PART: 0, RelatedKind.EQUIPMENT: 1, RelatedKind.TARGET_MUSCLE: 2}

# An engine without index-ordered reads always walks a group's members.
ALWAYS_WALK = 2**62


async def walk_limit(store: Store) -> int:
    """Groups larger than this are read in name order from Neo4j's name index instead of walked and sorted.

    Walking costs about a group's size; reading in name order costs about the graph's size over the group's
    (how far down the index the first members are found). They cross near the square root of the graph's size:
    measured at 1k, 10k and 100k exercises, the cheapest limits were 30, 30-100 and 300.
    """
    if not store.ordered_index_reads:
        return ALWAYS_WALK
    return math.isqrt(await exercise_count_hint(store))


async def related_groups(info: Ctx, slug: str, first: int) -> list[RelatedGroup]:
    if not 0 <= first <= limits.MAX_ALTERNATIVES:
        raise BadInput(f"first: between 0 and {limits.MAX_ALTERNATIVES}")
    prefetched = info.context.prefetched.get(answer_key(slug, first))
    if prefetched is not None:  # read by the exercise page statement, one map per group
        groups = [_group(g, [Exercise.from_row(e) for e in g["exercises"]]) for g in prefetched]
    else:
        store = info.context.store
        params = {"slug": slug, "related_first": first, "walk_limit": await walk_limit(store)}
        rows = await store.read(Q.RELATED, params)
        groups = [
            _group(key, [Exercise.from_row(r) for r in members if r["slug"] is not None])
            for key, members in groupby(rows, key=lambda r: {k: r[k] for k in GROUP_KEYS})
        ]
    return sorted(groups, key=lambda g: (ORDER[g.kind], g.name))


def answer_key(slug: str, first: int) -> tuple[Any, ...]:
    """What a related answer is kept under in the request's `prefetched` answers."""
    return ("related", slug, first)


def _group(row: Row, members: list[Exercise]) -> RelatedGroup:
    return RelatedGroup(
        kind=RelatedKind(row["relation"]),
        slug=row["group_slug"],
        name=row["group_name"],
        total=row["total"],
        members=members,
    )
