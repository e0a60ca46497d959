"""What a plan trains: sets per muscle (a secondary set counts half), per muscle group, per body part and per
movement pattern, what it leaves untrained, and its push/pull and upper/lower balance."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from graph_service.planning.facts import PatternInfo, PlanExercise, PlanTaxonomy
from graph_service.planning.vocabulary import MAIN_GROUPS, Direction, Region

# A set in which a muscle assists counts this much of a set in which it is a target.
SECONDARY_WEIGHT = 0.5


@dataclass(frozen=True)
class PlanItem:
    exercise: PlanExercise
    sets: int


@dataclass(frozen=True)
class MuscleSets:
    muscle: str
    target_sets: float
    secondary_sets: float

    @property
    def weighted_sets(self) -> float:
        return self.target_sets + SECONDARY_WEIGHT * self.secondary_sets


@dataclass(frozen=True)
class Coverage:
    muscles: list[MuscleSets]  # every muscle the plan works, most weighted sets first, then by slug
    untrained_muscles: list[str]  # by slug
    body_parts: list[tuple[str, float]]  # weighted sets per body part, most first
    patterns: list[tuple[str, float]]  # sets per movement pattern, most first
    untrained_patterns: list[str]  # main patterns (compound and core) the plan leaves out, by slug
    push_pull_ratio: float | None  # upper-body push sets over pull sets; None without pull sets
    upper_lower_ratio: float | None  # upper-body sets over lower-body sets; None without lower-body sets
    # per muscle group the plan works: its members' sets summed, most weighted sets first, then by slug
    groups: list[MuscleSets] = field(default_factory=list)

    def weighted(self, muscle: str) -> float:
        return next((m.weighted_sets for m in self.muscles if m.muscle == muscle), 0.0)


def plan_coverage(items: Sequence[PlanItem], taxonomy: PlanTaxonomy) -> Coverage:
    target: dict[str, float] = {}
    secondary: dict[str, float] = {}
    patterns: dict[str, float] = {}
    for item in items:
        x, sets = item.exercise, float(item.sets)
        for m in x.targets:
            target[m] = target.get(m, 0.0) + sets
        for m in x.secondary:
            secondary[m] = secondary.get(m, 0.0) + sets
        for p in x.patterns:
            patterns[p] = patterns.get(p, 0.0) + sets
    worked = sorted(
        (MuscleSets(m, target.get(m, 0.0), secondary.get(m, 0.0)) for m in {*target, *secondary}),
        key=lambda s: (-s.weighted_sets, s.muscle),
    )
    parts: dict[str, float] = {}
    for s in worked:
        info = taxonomy.muscles.get(s.muscle)
        if info and info.body_part:
            parts[info.body_part] = parts.get(info.body_part, 0.0) + s.weighted_sets

    def sets_where(keep: Callable[[PatternInfo], bool]) -> float:
        return sum(n for p, n in patterns.items() if p in taxonomy.patterns and keep(taxonomy.patterns[p]))

    push = sets_where(lambda p: p.region is Region.UPPER and p.direction is Direction.PUSH)
    pull = sets_where(lambda p: p.region is Region.UPPER and p.direction is Direction.PULL)
    upper = sets_where(lambda p: p.region is Region.UPPER)
    lower = sets_where(lambda p: p.region is Region.LOWER)
    return Coverage(
        groups=group_sets(worked, taxonomy),
        muscles=worked,
        untrained_muscles=sorted(set(taxonomy.muscles) - {*target, *secondary}),
        body_parts=sorted(parts.items(), key=lambda kv: (-kv[1], kv[0])),
        patterns=sorted(patterns.items(), key=lambda kv: (-kv[1], kv[0])),
        untrained_patterns=sorted(
            p.slug for p in taxonomy.patterns.values() if p.group in MAIN_GROUPS and p.slug not in patterns
        ),
        push_pull_ratio=round(push / pull, 4) if pull else None,
        upper_lower_ratio=round(upper / lower, 4) if lower else None,
    )


def group_sets(worked: Sequence[MuscleSets], taxonomy: PlanTaxonomy) -> list[MuscleSets]:
    """Each muscle group's sets as the sums of its muscles' (`muscle` holds the group's slug): a set of an exercise
    that works two members counts for each, as the muscles' own figures do."""
    target: dict[str, float] = {}
    secondary: dict[str, float] = {}
    for s in worked:
        info = taxonomy.muscles.get(s.muscle)
        if info and info.group:
            target[info.group] = target.get(info.group, 0.0) + s.target_sets
            secondary[info.group] = secondary.get(info.group, 0.0) + s.secondary_sets
    return sorted((MuscleSets(g, target[g], secondary[g]) for g in target), key=lambda s: (-s.weighted_sets, s.muscle))
