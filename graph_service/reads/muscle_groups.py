"""Muscle groups in filters: a group's slug stands for the group and every one of its muscles.

The exercise filter reads sorted slug lists kept on each exercise (graph_service.keys); a muscle group is not in
them unless an import filed an exercise under the group itself. So a filter naming a group is widened here, at read
time, to the group's slug and its members' slugs, from the taxonomy the graph statistics already hold: the
statement then matches any exercise working any member, or the group itself, with no further round trip.
"""

from collections.abc import Mapping
from typing import Any

from graph_service.statistics import GraphStatistics

# The filter parameters that name muscles (cypher/_exercise_filter.cypher).
MUSCLE_PARAMS = ("targets", "muscles")


def widen(params: Mapping[str, Any], members: Mapping[str, tuple[str, ...]]) -> dict[str, Any]:
    """`params` with each group slug in a muscle field followed by its muscles' slugs, each slug once."""
    out = dict(params)
    for field in MUSCLE_PARAMS:
        values = out.get(field)
        if values and any(v in members for v in values):
            out[field] = list(dict.fromkeys(s for v in values for s in (v, *members.get(v, ()))))
    return out


async def with_group_members(statistics: GraphStatistics, params: Mapping[str, Any]) -> dict[str, Any]:
    """`params` widened (see `widen`); reads nothing when no muscle field is named."""
    if not any(params.get(field) for field in MUSCLE_PARAMS):
        return dict(params)
    return widen(params, await statistics.group_members())


async def group_pairs(statistics: GraphStatistics) -> list[list[Any]]:
    """Every group as [slug, [member slugs]]: the `$muscle_groups` parameter of cypher/facets.cypher."""
    return [[slug, list(members)] for slug, members in sorted((await statistics.group_members()).items())]
