"""Stand-ins when equipment is taken: the ranked alternatives reordered to keep the movement pattern."""

from collections.abc import Collection, Sequence

from graph_service.planning.facts import PlanExercise

# Scores this close count as tied (both engines compute them in floating point).
SCORE_DIGITS = 9


def fits(x: PlanExercise, available: Collection[str] | None) -> bool:
    """Whether `x` needs nothing outside `available` (None: anything); unknown equipment never fits."""
    return available is None or (bool(x.equipment) and x.equipment <= set(available))


def order_swaps(source: PlanExercise, ranked: Sequence[tuple[PlanExercise, float]]) -> list[tuple[PlanExercise, float]]:
    """`ranked` (alternatives with their scores) reordered: those sharing a movement pattern with `source` first,
    then by score; where scores tie, those sharing less equipment with `source`, then those closest to its
    difficulty, then a family's standard form before its variations, then by name."""
    return sorted(
        ranked,
        key=lambda pair: (
            not set(pair[0].patterns) & set(source.patterns),
            -round(pair[1], SCORE_DIGITS),
            len(pair[0].equipment & source.equipment),
            abs(pair[0].difficulty_rank - source.difficulty_rank),
            pair[0].family != pair[0].slug,
            pair[0].name,
            pair[0].slug,
        ),
    )


def all_equipment_but(every: Collection[str], occupied: Collection[str]) -> list[str]:
    """The equipment a swap may use when `occupied` is taken and nothing else limits it."""
    return sorted(set(every) - set(occupied))
