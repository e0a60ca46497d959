"""Picking exercises to order: a greedy weighted set cover with diminishing returns.

Each step takes the candidate with the largest gain, where a candidate's gain is, over the muscles asked for,
need(muscle) * weight(candidate, muscle) / (1 + weighted sets the muscle already has), weight being 1 for a target
and SECONDARY_WEIGHT for a secondary muscle, plus, over the patterns asked for, need(pattern) / (1 + picks already
following it). A muscle or pattern already served is worth less, so the picks spread over everything asked as
evenly as the candidates allow. No two picks share a movement family; a pick shares no pattern with the one before
it while any candidate with a gain does not; ties go to the candidate first in the order given (by name, or
shuffled by a seed).
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from graph_service.planning.coverage import SECONDARY_WEIGHT
from graph_service.planning.facts import PlanExercise

# Gains this close count as equal (sums of fractions in floating point).
TIE = 1e-9


@dataclass(frozen=True)
class Pick:
    exercise: PlanExercise
    muscles: tuple[str, ...]  # the muscles asked for that it serves, targets first
    patterns: tuple[str, ...]  # the patterns asked for that it follows
    gain: float


def muscle_weight(x: PlanExercise, muscle: str) -> float:
    if muscle in x.targets:
        return 1.0
    return SECONDARY_WEIGHT if muscle in x.muscles else 0.0


def greedy_cover(
    candidates: Sequence[PlanExercise],
    *,
    muscles: Mapping[str, float],
    patterns: Mapping[str, float],
    size: int,
    families: Iterable[str] = (),
    already: Mapping[str, float] | None = None,
) -> list[Pick]:
    """Up to `size` picks from `candidates` (in tie-break order) covering `muscles` and `patterns` (each with
    its need); `families` are used already, `already` the weighted sets each muscle has before the first pick."""
    have = dict(already or {})
    pattern_picks: dict[str, int] = {}
    used = set(families)
    picks: list[Pick] = []
    previous: frozenset[str] = frozenset()
    while len(picks) < size:
        best: tuple[float, PlanExercise] | None = None
        best_alternating: tuple[float, PlanExercise] | None = None
        for x in candidates:
            if x.family in used:
                continue
            gain = sum(need * muscle_weight(x, m) / (1 + have.get(m, 0.0)) for m, need in muscles.items())
            gain += sum(patterns[p] / (1 + pattern_picks.get(p, 0)) for p in x.patterns if p in patterns)
            if gain <= TIE:
                continue
            if best is None or gain > best[0] + TIE:
                best = (gain, x)
            if not previous.intersection(x.patterns) and (best_alternating is None or gain > best_alternating[0] + TIE):
                best_alternating = (gain, x)
        chosen = best_alternating or best
        if chosen is None:
            break
        gain, x = chosen
        served = sorted((m for m in muscles if muscle_weight(x, m)), key=lambda m: (-muscle_weight(x, m), m))
        picks.append(Pick(x, tuple(served), tuple(p for p in x.patterns if p in patterns), gain))
        used.add(x.family)
        for m in x.muscles:
            have[m] = have.get(m, 0.0) + muscle_weight(x, m)
        for p in x.patterns:
            pattern_picks[p] = pattern_picks.get(p, 0) + 1
        previous = frozenset(x.patterns)
    return picks
