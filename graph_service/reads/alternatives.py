"""Alternatives, ranked exactly by the score of cypher/alternatives.cypher, from as few exercises as can prove it.

Every candidate of a source scores by model.SCORE_WEIGHTS. Candidates whose profile key (graph_service.keys) is
near the source's are looked up by key; every other candidate's score has an upper bound that depends only on the
source's sizes. When the last answer kept scores above that bound, no candidate left out could have ranked, and
the answer is exact. Otherwise the exercises with exactly the source's targets are scored, all of them, against
the bound of exercises with other targets; failing that, every candidate is scored.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypedDict, cast

from graph_service.model import DIFFICULTY_RANK, SCORE_WEIGHTS, Difficulty
from graph_service.queries import Q
from graph_service.reads import plans
from graph_service.reads.exercises import ExerciseRow
from graph_service.statistics import GraphStatistics
from graph_service.store import Store

# How many other muscles the near lookup (cypher/alternatives_near.cypher) adds to or removes from the source's.
NEAR_DISTANCE = 1
# Scores this close to the bound are not trusted to separate from it (both engines compute in floating point).
BOUND_MARGIN = 1e-9


class AlternativeRow(ExerciseRow):
    """One ranked alternative: the exercise's fields, with how it matches the source."""

    score: float
    shared_targets: list[str]
    shared_secondary: list[str]
    same_family: bool
    source_targets: int
    source_muscles: int


@dataclass(frozen=True)
class AlternativesQuestion:
    """What an alternatives answer depends on; also the key a read-ahead answer is kept under."""

    slug: str
    first: int
    available: tuple[str, ...] | None
    max_difficulty: Difficulty | None

    def params(self) -> dict[str, Any]:
        return {
            "slug": self.slug,
            "first": self.first,
            "available": None if self.available is None else list(self.available),
            "max_rank": DIFFICULTY_RANK[self.max_difficulty] if self.max_difficulty else None,
            "weights": SCORE_WEIGHTS.params(),
        }


class _Sizes(TypedDict):
    score: float
    source_targets: int
    source_muscles: int


def unseen_score_bound(targets: int, muscles: int, distance: int) -> float:
    """The highest alternatives score, movement family aside, of any exercise whose profile key is not within
    `distance` of a source with `targets` target muscles and `muscles` muscles in all.

    Such an exercise either has other targets (target overlap at most t/(t+1), muscle overlap at most 1) or the
    same targets with at least distance+1 other muscles added or removed (muscle overlap at most m/(m+d+1)).
    """
    w = SCORE_WEIGHTS
    same_targets = w.targets + w.muscles * muscles / (muscles + distance + 1)
    return max(other_targets_bound(targets), same_targets)


def other_targets_bound(targets: int) -> float:
    """The highest alternatives score, movement family aside, of any exercise whose target muscles differ from
    those of a source with `targets` of them: target overlap at most t/(t+1), muscle overlap at most 1."""
    w = SCORE_WEIGHTS
    return w.targets * targets / (targets + 1) + w.muscles


def proven(rows: Sequence[_Sizes], first: int, bound: Callable[[int, int], float]) -> bool:
    """Whether `rows` are the first `first` alternatives: as many as asked, the last above `bound` (a function of
    the source's target and muscle counts) for every exercise the statement did not score."""
    if len(rows) < first:
        return False
    last = rows[-1]
    return bool(last["score"] > bound(last["source_targets"], last["source_muscles"]) + BOUND_MARGIN)


async def looks_near(statistics: GraphStatistics, *, small_graph: int | None = None) -> bool:
    """Whether alternatives are looked up near the source's profile (a large graph) rather than scored from
    every candidate."""
    total = await statistics.exercise_count()
    return not plans.scores_every_candidate(total=total, small_graph=small_graph)


async def ranked_alternatives(
    store: Store,
    statistics: GraphStatistics,
    question: AlternativesQuestion,
    *,
    near: list[AlternativeRow] | None = None,
    small_graph: int | None = None,
) -> list[AlternativeRow]:
    """The first alternatives of cypher/alternatives.cypher, looked up near the source's profile when that
    provably gives the same answer: the last one kept must score above every exercise not looked up.

    `near`: the rows of cypher/alternatives_near.cypher for this question when they have been read already
    (the exercise page statement reads them); only what they cannot prove is read again."""
    if not question.first:
        return []
    params = question.params()
    if near is None:
        if not await looks_near(statistics, small_graph=small_graph):
            return _rows(await store.read(Q.ALTERNATIVES, params))
        near = _rows(await store.read(Q.ALTERNATIVES_NEAR, params))
    if proven(near, question.first, lambda t, m: unseen_score_bound(t, m, NEAR_DISTANCE)):
        return near
    rows = _rows(await store.read(Q.ALTERNATIVES_SAME_TARGETS, params))
    if proven(rows, question.first, lambda t, m: other_targets_bound(t)):
        return rows
    return _rows(await store.read(Q.ALTERNATIVES, params))


def _rows(rows: list[dict[str, Any]]) -> list[AlternativeRow]:
    return cast(list[AlternativeRow], rows)
