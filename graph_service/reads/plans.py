"""The plan choices of the reads, as pure functions of what the graph statistics say.

Each picks between statements that give the same answer; the constants come from measurements on Neo4j 5.26 at
1k, 10k and 100k exercises (docs/read-planning.md).
"""

import math
from collections.abc import Mapping
from typing import Any

from graph_service.queries import Q

# Every parameter of the exercise filter fragment (cypher/_exercise_filter.cypher).
FILTER_PARAMS = (
    "difficulties",
    "categories",
    "forces",
    "mechanics",
    "text",
    "body_parts",
    "targets",
    "muscles",
    "equipment",
    "patterns",
    "available",
)
# The fields a filter's exercises are read from, the first one named (cypher/_matching_exercises.cypher).
SOURCE_FIELDS = ("targets", "muscles", "equipment", "body_parts")
# A name-index walk with no bound: a filter naming no muscle, equipment or body part has no smaller source to read.
# Below 2**32: the embedded engine keeps only the low 32 bits of a LIMIT (2**32 reads as 0).
UNBOUNDED_WALK = 2**31 - 1
# Filters whose single slug is counted by the edges into its node (cypher/exercises_count_one.cypher).
COUNTED_EDGES = {"targets": "TARGETS", "equipment": "USES", "body_parts": "TRAINS"}
# An engine without index-ordered reads always walks a related group's members.
ALWAYS_WALK = 2**62
# Below this many exercises, scoring every candidate alternative costs less than a lookup that may not prove its
# answer (graph_service.reads.alternatives).
SMALL_GRAPH = 5_000


def source_field(params: Mapping[str, Any]) -> str | None:
    """The filter field a page's exercises would be read from: the first muscle, equipment or body part field."""
    return next((name for name in SOURCE_FIELDS if params[name] is not None), None)


def name_walk_pays(*, source: int, limit: int, total: int) -> bool:
    """Whether walking the name index is expected to beat reading a filter's source of `source` exercises and
    sorting them, when every exercise of the source matches.

    The walk reads about limit * total / source index entries before the page is full; reading the source costs
    about its size. On Neo4j 5.26 at 100k exercises an entry read in name order cost about 0.4 of an exercise read
    from its source and sorted, so they cross where source² = 0.4 * limit * total.
    """
    return source * source * 5 > 2 * limit * total


def walk_bound(source: int) -> int:
    """The index entries a walk may read before the source is read instead: as many as cost what reading the
    source does (at 0.4 each), so a filter that matches few of its source (or none) pays a bounded multiple of
    the cheaper plan, where an unbounded walk would read the whole index."""
    return 5 * source // 2 + 1


def page_walk(*, source: int | None, limit: int, total: int) -> int | None:
    """How many entries of the name index a page in name order may read, checking each exercise against the
    filter, before it is read from the filter's source and sorted instead; None to read the source straight away.

    `source`: how many exercises the filter's source leads to, None for a filter that names no source (the walk
    is then unbounded). Only for an engine with index-ordered reads, and name order.
    """
    if source is None:
        return UNBOUNDED_WALK
    if not name_walk_pays(source=source, limit=limit, total=total):
        return None
    bound = walk_bound(source)
    # At its worst a bounded walk costs the walk, the check of where it stopped (as long again) and the source:
    # three times the source. Where that is no better than walking the whole index, the walk goes unbounded.
    return bound if 3 * bound < total else UNBOUNDED_WALK


def count_statement(params: Mapping[str, Any]) -> tuple[Q, dict[str, Any]]:
    """The statement counting the exercises a filter matches: with no filter, the label count the engines keep;
    with one target muscle, piece of equipment or body part alone, the edges into it; otherwise each match."""
    named = [name for name in FILTER_PARAMS if params[name] is not None]
    if not named:
        return Q.EXERCISE_TOTAL, {}
    if len(named) == 1 and named[0] in COUNTED_EDGES and len(params[named[0]]) == 1:
        return Q.EXERCISES_COUNT_ONE, {"relation": COUNTED_EDGES[named[0]], "slug": params[named[0]][0]}
    return Q.EXERCISES_COUNT, dict(params)


def related_walk_limit(*, ordered_index_reads: bool, total: int) -> int:
    """Related groups larger than this are read in name order from the name index instead of walked and sorted.

    Walking costs about a group's size; reading in name order costs about the graph's size over the group's
    (how far down the index the first members are found). They cross near the square root of the graph's size:
    measured at 1k, 10k and 100k exercises, the cheapest limits were 30, 30-100 and 300.
    """
    return math.isqrt(total) if ordered_index_reads else ALWAYS_WALK


def scores_every_candidate(*, total: int, small_graph: int | None = None) -> bool:
    """Whether a graph of `total` exercises is small enough (below `small_graph`, by default SMALL_GRAPH) that
    alternatives are ranked from every candidate at once; a `small_graph` of 0 never is."""
    limit = SMALL_GRAPH if small_graph is None else small_graph
    return bool(limit) and total < limit
