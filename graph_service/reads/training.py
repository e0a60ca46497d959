"""Training plans read from the graph: the facts graph_service.planning computes plans from, a swap through the
alternatives ranking, a plan's suggestions and a session built to order. A request reads the taxonomy once and
each batch of exercises in one statement, never one statement per plan item."""

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from graph_service.model import WorkKind
from graph_service.planning.cover import Pick, greedy_cover
from graph_service.planning.coverage import Coverage, PlanItem
from graph_service.planning.facts import PlanExercise, PlanTaxonomy
from graph_service.planning.swap import order_swaps
from graph_service.planning.vocabulary import MAIN_GROUPS, PatternGroup
from graph_service.queries import Q
from graph_service.reads import plans
from graph_service.reads.alternatives import AlternativeRow, AlternativesQuestion, ranked_alternatives
from graph_service.statistics import GraphStatistics
from graph_service.store import Store

# How many ranked alternatives a swap reorders to keep the movement pattern (the ranking's own bound).
SWAP_POOL = 50
# How many candidates each muscle or pattern asked for contributes, by name, to a session.
PER_SOURCE = 60
# Suggestions pick a few exercises over many gaps (every untrained muscle and pattern): each gap contributes this
# many candidates per suggestion asked for, at least MIN_PER_GAP.
PER_GAP_PER_SUGGESTION = 5
MIN_PER_GAP = 15
# The sets each exercise of a built session counts for in its coverage.
SESSION_SETS = 3


async def plan_taxonomy(store: Store, statistics: GraphStatistics) -> PlanTaxonomy:
    """The muscles, groups and patterns plans are measured against, read once per graph version."""

    async def read() -> PlanTaxonomy:
        return PlanTaxonomy.from_rows(await store.read(Q.PLAN_TAXONOMY))

    return await statistics.per_version("plan taxonomy", read)


async def plan_exercises(store: Store, slugs: Sequence[str]) -> dict[str, PlanExercise]:
    """The exercises of `slugs` that exist, by slug, in one statement."""
    if not slugs:
        return {}
    rows = await store.read(Q.PLAN_EXERCISES, {"slugs": list(dict.fromkeys(slugs))})
    return {row["slug"]: PlanExercise.from_row(row) for row in rows}


async def candidates(
    store: Store,
    *,
    muscles: Iterable[str],
    patterns: Iterable[str],
    kinds: Iterable[WorkKind],
    available: Sequence[str] | None,
    max_rank: int | None,
    exclude: Iterable[str] = (),
    statistics: GraphStatistics | None = None,
    per_source: int = PER_SOURCE,
) -> list[PlanExercise]:
    """Exercises that work one of `muscles` or follow one of `patterns`, within the limits: for each, its first
    `per_source` by name. `statistics` lets a muscle or pattern that many exercises work walk the name index."""
    params = {
        "kinds": sorted(k.value for k in kinds),
        "available": None if available is None else list(available),
        "max_rank": max_rank,
        "exclude": sorted(exclude),
        "per_source": per_source,
    }
    found: dict[str, PlanExercise] = {}
    sources = (
        ("muscles", muscles, Q.PLAN_CANDIDATES_BY_MUSCLE, Q.PLAN_CANDIDATES_WALK_BY_MUSCLE),
        ("patterns", patterns, Q.PLAN_CANDIDATES_BY_PATTERN, Q.PLAN_CANDIDATES_WALK_BY_PATTERN),
    )
    for field, slugs, read, walk in sources:
        wanted = sorted(set(slugs))
        walked = await walk_sources(store, statistics, field, wanted, per_source)
        for statement, some in (
            (walk, [s for s in wanted if s in walked]),
            (read, [s for s in wanted if s not in walked]),
        ):
            if some:
                for row in await store.read(statement, {**params, "slugs": some}):
                    found.setdefault(row["slug"], PlanExercise.from_row(row))
    return sorted(found.values(), key=lambda x: (x.name, x.slug))


async def walk_sources(
    store: Store, statistics: GraphStatistics | None, field: str, wanted: list[str], per_source: int = PER_SOURCE
) -> set[str]:
    """The muscles or patterns (`field`) whose candidates cost less to find by walking the name index than by
    reading all of their exercises and sorting them: on an engine with index-ordered reads, those many exercises
    work (the page choice of graph_service.reads.plans, with a page of `per_source`)."""
    if statistics is None or not store.ordered_index_reads or not wanted:
        return set()
    total = await statistics.exercise_count()
    sizes = await statistics.source_sizes()
    return {s for s in wanted if plans.name_walk_pays(source=sizes.get((field, s), 0), limit=per_source, total=total)}


@dataclass(frozen=True)
class Swap:
    exercise: PlanExercise
    row: AlternativeRow


async def swaps(
    store: Store,
    statistics: GraphStatistics,
    source: PlanExercise,
    *,
    available: Sequence[str] | None,
    first: int,
    exclude: Iterable[str] = (),
) -> list[Swap]:
    """The first `first` stand-ins for `source` within `available`: the alternatives ranking's best SWAP_POOL,
    those sharing its movement pattern first (graph_service.planning.swap.order_swaps)."""
    if not first:
        return []
    question = AlternativesQuestion(source.slug, SWAP_POOL, None if available is None else tuple(available), None)
    rows = {row["slug"]: row for row in await ranked_alternatives(store, statistics, question)}
    skip = set(exclude)
    facts = await plan_exercises(store, [slug for slug in rows if slug not in skip])
    ordered = order_swaps(source, [(x, float(rows[x.slug]["score"])) for x in facts.values()])
    return [Swap(x, rows[x.slug]) for x, _ in ordered[:first]]


def work_kinds(taxonomy: PlanTaxonomy, patterns: Iterable[str], body_parts: Iterable[str]) -> set[WorkKind]:
    """Training always; conditioning when a conditioning pattern or the cardio body part is asked for;
    flexibility when a mobility pattern is."""
    kinds = {WorkKind.TRAINING}
    groups = {taxonomy.patterns[p].group for p in patterns if p in taxonomy.patterns}
    if PatternGroup.CONDITIONING in groups or "cardio" in body_parts:
        kinds.add(WorkKind.CONDITIONING)
    if PatternGroup.MOBILITY in groups:
        kinds.add(WorkKind.FLEXIBILITY)
    return kinds


async def suggestions(
    store: Store,
    taxonomy: PlanTaxonomy,
    items: Sequence[PlanItem],
    coverage: Coverage,
    *,
    available: Sequence[str] | None,
    first: int,
    statistics: GraphStatistics | None = None,
) -> list[Pick]:
    """Exercises that fill the plan's largest gaps with what is at hand: untrained muscles and main patterns
    first; with none untrained, the muscles with fewest weighted sets."""
    if not first:
        return []
    need = {m: 1.0 for m in coverage.untrained_muscles}
    if not need and coverage.muscles:
        top = coverage.muscles[0].weighted_sets
        need = {s.muscle: 1 - s.weighted_sets / top for s in coverage.muscles if s.weighted_sets < top}
    patterns = {p: 1.0 for p in coverage.untrained_patterns}
    found = await candidates(
        store,
        muscles=need,
        patterns=patterns,
        kinds={WorkKind.TRAINING},
        available=available,
        max_rank=None,
        exclude=[i.exercise.slug for i in items],
        statistics=statistics,
        per_source=max(MIN_PER_GAP, PER_GAP_PER_SUGGESTION * first),
    )
    already = {s.muscle: s.weighted_sets for s in coverage.muscles}
    families = {i.exercise.family for i in items}
    return greedy_cover(found, muscles=need, patterns=patterns, size=first, families=families, already=already)


@dataclass(frozen=True)
class SessionAsk:
    muscles: list[str]
    patterns: list[str]
    body_parts: list[str]
    available: list[str] | None
    max_rank: int | None
    size: int
    seed: int | None


@dataclass(frozen=True)
class SessionPlan:
    picks: list[Pick]
    muscles: list[str]  # what the session was asked to cover
    patterns: list[str]
    explanation: str | None


async def build_session(
    store: Store, taxonomy: PlanTaxonomy, ask: SessionAsk, statistics: GraphStatistics | None = None
) -> SessionPlan:
    muscles = sorted({*ask.muscles, *(m.slug for m in taxonomy.muscles.values() if m.body_part in ask.body_parts)})
    patterns = sorted(set(ask.patterns))
    if not muscles and not patterns:
        # Nothing asked for: a whole-body session over the main patterns.
        patterns = sorted(p.slug for p in taxonomy.patterns.values() if p.group in MAIN_GROUPS)
    found = await candidates(
        store,
        muscles=muscles,
        patterns=patterns,
        kinds=work_kinds(taxonomy, patterns, ask.body_parts),
        available=ask.available,
        max_rank=ask.max_rank,
        statistics=statistics,
    )
    order = list(found)
    if ask.seed is not None:
        random.Random(ask.seed).shuffle(order)
    picks = greedy_cover(
        order, muscles=dict.fromkeys(muscles, 1.0), patterns=dict.fromkeys(patterns, 1.0), size=ask.size
    )
    return SessionPlan(picks, muscles, patterns, _explanation(picks, taxonomy, muscles, patterns, ask.size))


def _explanation(
    picks: Sequence[Pick], taxonomy: PlanTaxonomy, muscles: list[str], patterns: list[str], size: int
) -> str | None:
    asked = [f"the {taxonomy.muscle_name(m)}" for m in muscles]
    asked += [f"the {taxonomy.pattern_name(p)} pattern" for p in patterns]
    if not picks:
        return (
            f"No exercise within the equipment and difficulty given works {_or(asked)}; "
            "try a larger kit, more equipment or a higher difficulty."
        )
    missing = [f"the {taxonomy.muscle_name(m)}" for m in muscles if not any(m in p.exercise.muscles for p in picks)]
    missing += [
        f"the {taxonomy.pattern_name(p)} pattern" for p in patterns if not any(p in x.exercise.patterns for x in picks)
    ]
    notes = []
    if len(picks) < size:
        notes.append(f"only {len(picks)} exercises of different movement families fit the request")
    if missing:
        notes.append(f"nothing within the equipment and difficulty given covers {_or(missing)}")
    return "; ".join(notes).capitalize() + "." if notes else None


def _or(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]
