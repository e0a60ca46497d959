"""Alternatives, ranked exactly by the score of cypher/alternatives.cypher, from as few exercises as can prove it.

Every candidate of a source scores 0.6 * target overlap + 0.25 * muscle overlap + 0.15 * same family. Candidates
whose profile key (model.profile_key) is near the source's are looked up by key; every other candidate's score
has an upper bound that depends only on the source's sizes. When the last answer kept scores above that bound,
no candidate left out could have ranked, and the answer is exact. Otherwise the exercises with exactly the source's
targets are scored, all of them, against the lower bound of exercises with other targets; failing that, every
candidate is scored.
"""

from collections.abc import Callable
from typing import Any

from graph_service.hints import exercise_count_hint
from graph_service.queries import Q
from graph_service.store import Row, Store

# Below this many exercises, scoring every candidate costs less than a lookup that may not prove its answer.
SMALL_GRAPH = 5_000

# How many other muscles the near lookup (cypher/alternatives_near.cypher) adds to or removes from the source's.
NEAR_DISTANCE = 1
# Scores this close to the bound are not trusted to separate from it (both engines compute in floating point).
BOUND_MARGIN = 1e-9


def unseen_score_bound(targets: int, muscles: int, distance: int) -> float:
    """The highest alternatives score, movement family aside, of any exercise whose profile key is not within
    `distance` of a source with `targets` target muscles and `muscles` muscles in all.

    Such an exercise either has other targets (target overlap at most t/(t+1), muscle overlap at most 1) or the
    same targets with at least distance+1 other muscles added or removed (muscle overlap at most m/(m+d+1)).
    """
    same_targets = 0.6 + 0.25 * muscles / (muscles + distance + 1)
    return max(other_targets_bound(targets), same_targets)


def other_targets_bound(targets: int) -> float:
    """The highest alternatives score, movement family aside, of any exercise whose target muscles differ from
    those of a source with `targets` of them: target overlap at most t/(t+1), muscle overlap at most 1."""
    return 0.6 * targets / (targets + 1) + 0.25


async def scores_every_candidate(store: Store, small_graph: int | None = None) -> bool:
    """Whether the graph is small enough (below `small_graph`, by default SMALL_GRAPH, exercises) that alternatives
    are ranked from every candidate at once."""
    limit = SMALL_GRAPH if small_graph is None else small_graph
    return bool(limit) and await exercise_count_hint(store) < limit


async def ranked_alternatives(
    store: Store, params: dict[str, Any], *, small_graph: int | None = None, near: list[Row] | None = None
) -> list[Row]:
    """The first alternatives of cypher/alternatives.cypher, looked up near the source's profile when that
    provably gives the same answer: the last one kept must score above every exercise not looked up.

    `near`: the rows of cypher/alternatives_near.cypher for these parameters when they have been read already
    (the exercise page statement reads them); only what they cannot prove is read again."""
    first = params["first"]
    if not first:
        return []
    if near is None:
        if await scores_every_candidate(store, small_graph):
            return await store.read(Q.ALTERNATIVES, params)
        near = await store.read(Q.ALTERNATIVES_NEAR, params)
    if _proven(near, first, lambda t, m: unseen_score_bound(t, m, NEAR_DISTANCE)):
        return near
    rows = await store.read(Q.ALTERNATIVES_SAME_TARGETS, params)
    if _proven(rows, first, lambda t, m: other_targets_bound(t)):
        return rows
    return await store.read(Q.ALTERNATIVES, params)


def _proven(rows: list[Row], first: int, bound: Callable[[int, int], float]) -> bool:
    """Whether `rows` are the first `first` alternatives: as many as asked, the last above `bound` (a function of
    the source's target and muscle counts) for every exercise the statement did not score."""
    if len(rows) < first:
        return False
    last = rows[-1]
    return bool(last["score"] > bound(last["source_targets"], last["source_muscles"]) + BOUND_MARGIN)
