"""The related-link groups of an exercise: more exercises for its body part, its equipment, its target muscles."""

from itertools import groupby
from typing import Any, TypedDict, cast

from graph_service.queries import Q
from graph_service.reads import plans
from graph_service.reads.exercises import ExerciseRow
from graph_service.statistics import GraphStatistics
from graph_service.store import Store

# The relation each kind of group is reached by, in the order an exercise page lists them.
GROUP_ORDER = ("TRAINS", "USES", "TARGETS")
GROUP_KEYS = ("relation", "group_slug", "group_name", "total")


class RelatedGroupRow(TypedDict):
    relation: str  # TRAINS, USES or TARGETS
    group_slug: str
    group_name: str
    total: int  # how many other exercises share it
    exercises: list[ExerciseRow]  # the first few of them, by name


async def walk_limit(store: Store, statistics: GraphStatistics) -> int:
    """plans.related_walk_limit for this store and graph (an engine that always walks needs no count)."""
    total = await statistics.exercise_count() if store.ordered_index_reads else 0
    return plans.related_walk_limit(ordered_index_reads=store.ordered_index_reads, total=total)


async def related_groups(store: Store, statistics: GraphStatistics, *, slug: str, first: int) -> list[RelatedGroupRow]:
    params = {"slug": slug, "related_first": first, "walk_limit": await walk_limit(store, statistics)}
    rows = await store.read(Q.RELATED, params)
    groups = [
        RelatedGroupRow(
            relation=key["relation"],
            group_slug=key["group_slug"],
            group_name=key["group_name"],
            total=key["total"],
            exercises=[cast(ExerciseRow, r) for r in members if r["slug"] is not None],
        )
        for key, members in groupby(rows, key=lambda r: {k: r[k] for k in GROUP_KEYS})
    ]
    return ordered(groups)


def ordered(groups: list[RelatedGroupRow]) -> list[RelatedGroupRow]:
    """Body part first, then equipment, then target muscles, each by name."""
    return sorted(groups, key=lambda g: (GROUP_ORDER.index(g["relation"]), g["group_name"]))


def group_from_map(group: dict[str, Any]) -> RelatedGroupRow:
    """A group as the exercise page statement returns it (cypher/_page_rest.cypher), one map per group."""
    return cast(RelatedGroupRow, group)
