"""GraphQL types and root fields of training plans: kits, movement patterns, swaps, what a plan trains, a session
built to order and a whole plan swapped.

The answers come from graph_service.planning (pure functions) over facts graph_service.reads.training reads.
"""

import asyncio

import strawberry

from graph_service.api import limits
from graph_service.api.enums import Difficulty
from graph_service.api.inputs import check_first, check_slug, check_slugs, reject_unknown
from graph_service.api.kits import available_with_kit
from graph_service.api.nodes import SlugNode
from graph_service.api.patterns import MovementPattern
from graph_service.api.types import Alternative, BodyPart, Ctx, Equipment, Exercise, Muscle, MuscleGroup
from graph_service.errors import BadInput
from graph_service.model import DIFFICULTY_RANK, TaxonomyKind
from graph_service.model import Difficulty as DifficultyValue
from graph_service.planning.cover import Pick
from graph_service.planning.coverage import SECONDARY_WEIGHT, Coverage, PlanItem, plan_coverage
from graph_service.planning.facts import PlanExercise, PlanTaxonomy
from graph_service.planning.muscle_map import muscle_map_svg, plan_levels
from graph_service.planning.reasons import pick_reason, suggestion_reason, swap_reason
from graph_service.planning.swap import all_equipment_but, fits
from graph_service.reads import training
from graph_service.reads.kits import KitRow, kits
from graph_service.reads.taxonomy import taxonomy_nodes

MAX_SETS = 50
MAX_SESSION = 20
DEFAULT_SWAPS = 5


@strawberry.type(description="A named set of equipment (a place people train, such as a hotel gym).")
class Kit(SlugNode):
    slug: str
    name: str
    aliases: list[str]
    equipment: list[Equipment] = strawberry.field(description="What it includes, by name; always body weight.")

    @classmethod
    async def load(cls, info: Ctx, slug: str) -> "Kit | None":
        row = await info.context.kits.load(slug)
        return cls.from_row(row) if row else None

    @classmethod
    def from_row(cls, row: KitRow) -> "Kit":
        gear = sorted(row["equipment"], key=lambda q: (q["name"], q["slug"]))
        return cls(
            slug=row["slug"],
            name=row["name"],
            aliases=list(row["aliases"] or []),
            equipment=[Equipment(slug=q["slug"], name=q["name"]) for q in gear],
        )


@strawberry.input(description="One exercise of a plan and how many sets of it.")
class PlanItemInput:
    slug: str
    sets: int = 3


@strawberry.type(description="How much of a plan works one muscle.")
class MuscleCoverage:
    muscle: Muscle
    target_sets: float = strawberry.field(description="Sets of exercises that target it.")
    secondary_sets: float = strawberry.field(description="Sets of exercises in which it assists.")
    weighted_sets: float = strawberry.field(
        description=f"targetSets + {SECONDARY_WEIGHT} * secondarySets: a secondary set counts half a set."
    )


@strawberry.type(
    description="How much of a plan works one muscle group: its muscles' figures summed, so an exercise that works "
    "two of its muscles counts for each."
)
class MuscleGroupCoverage:
    group: MuscleGroup
    target_sets: float = strawberry.field(description="Target sets of its muscles, summed.")
    secondary_sets: float = strawberry.field(description="Secondary sets of its muscles, summed.")
    weighted_sets: float = strawberry.field(
        description=f"targetSets + {SECONDARY_WEIGHT} * secondarySets: a secondary set counts half a set."
    )


@strawberry.type(description="How many sets of a plan follow one movement pattern.")
class PatternCoverage:
    pattern: MovementPattern
    sets: float


@strawberry.type(description="Weighted sets (a secondary set counts half) of the muscles of one body part.")
class BodyPartCoverage:
    body_part: BodyPart
    weighted_sets: float


@strawberry.type(
    description="What a plan trains: per muscle, muscle group, body part and movement pattern, and its balance."
)
class PlanCoverage:
    taxonomy: strawberry.Private[PlanTaxonomy]
    items: strawberry.Private[list[PlanItem]]
    coverage: strawberry.Private[Coverage]

    @strawberry.field(
        description="Every muscle the plan works, most weighted sets first; a secondary set counts half a set."
    )
    def muscles(self) -> list[MuscleCoverage]:
        return [
            MuscleCoverage(
                muscle=self._muscle(s.muscle),
                target_sets=s.target_sets,
                secondary_sets=s.secondary_sets,
                weighted_sets=s.weighted_sets,
            )
            for s in self.coverage.muscles
        ]

    @strawberry.field(description="Every muscle group the plan works, most weighted sets first.")
    def groups(self) -> list[MuscleGroupCoverage]:
        return [
            MuscleGroupCoverage(
                group=MuscleGroup(slug=s.muscle, name=self.taxonomy.groups.get(s.muscle, s.muscle)),
                target_sets=s.target_sets,
                secondary_sets=s.secondary_sets,
                weighted_sets=s.weighted_sets,
            )
            for s in self.coverage.groups
        ]

    @strawberry.field(description="The muscles no exercise of the plan works, as target or secondary, by name.")
    def untrained_muscles(self) -> list[Muscle]:
        return sorted((self._muscle(m) for m in self.coverage.untrained_muscles), key=lambda m: m.name)

    @strawberry.field(description="Weighted sets per body part, most first.")
    def body_parts(self) -> list[BodyPartCoverage]:
        return [
            BodyPartCoverage(
                body_part=BodyPart(slug=slug, name=self.taxonomy.body_parts.get(slug, slug)), weighted_sets=n
            )
            for slug, n in self.coverage.body_parts
        ]

    @strawberry.field(description="Sets per movement pattern, most first.")
    def patterns(self) -> list[PatternCoverage]:
        return [PatternCoverage(pattern=self._pattern(p), sets=n) for p, n in self.coverage.patterns]

    @strawberry.field(description="The main movement patterns (compound and core) the plan leaves out, by name.")
    def untrained_patterns(self) -> list[MovementPattern]:
        return sorted((self._pattern(p) for p in self.coverage.untrained_patterns), key=lambda p: p.name)

    @strawberry.field(description="Sets of upper-body push patterns over upper-body pull patterns; null with no pull.")
    def push_pull_ratio(self) -> float | None:
        return self.coverage.push_pull_ratio

    @strawberry.field(description="Sets of upper-body patterns over lower-body patterns; null with no lower body.")
    def upper_lower_ratio(self) -> float | None:
        return self.coverage.upper_lower_ratio

    @strawberry.field(description="A front and back muscle map (SVG), each muscle shaded by its weighted sets.")
    def muscle_map(self) -> str:
        levels = plan_levels({s.muscle: s.weighted_sets for s in self.coverage.muscles})
        names = {slug: m.name for slug, m in self.taxonomy.muscles.items()}
        return muscle_map_svg(levels, title="Muscles a plan works, by weighted sets", names=names)

    @strawberry.field(
        description="Exercises that fill the plan's largest gaps (untrained muscles and main patterns first) with "
        "the equipment at hand; score is the share of those gaps an exercise fills."
    )
    async def suggestions(
        self,
        info: Ctx,
        kit: str | None = None,
        available_equipment: list[str] | None = None,
        first: int = 5,
    ) -> list[Alternative]:
        check_first(first, limits.MAX_ALTERNATIVES)
        available = await _available(info, available_equipment, kit)
        picks = await training.suggestions(
            info.context.store,
            self.taxonomy,
            self.items,
            self.coverage,
            available=available,
            first=first,
            statistics=info.context.statistics,
        )
        untrained = set(self.coverage.untrained_muscles)
        need = len(untrained) + len(self.coverage.untrained_patterns) or 1
        exercises = {x.slug: x for x in await Exercise.load_many(info, [p.exercise.slug for p in picks])}
        return [
            _alternative(
                exercises[p.exercise.slug],
                p,
                min(1.0, p.gain / need),
                suggestion_reason(p, self.taxonomy, untrained),
            )
            for p in picks
            if p.exercise.slug in exercises
        ]

    def _muscle(self, slug: str) -> Muscle:
        info = self.taxonomy.muscles.get(slug)
        return Muscle(slug=slug, name=info.name if info else slug)

    def _pattern(self, slug: str) -> MovementPattern:
        info = self.taxonomy.patterns.get(slug)
        return MovementPattern(slug=slug, name=info.name if info else slug)

    @classmethod
    def of(cls, taxonomy: PlanTaxonomy, items: list[PlanItem]) -> "PlanCoverage":
        return cls(taxonomy=taxonomy, items=items, coverage=plan_coverage(items, taxonomy))


@strawberry.type(description="One exercise of a built session or a swapped plan, with why it is there.")
class SessionItem:
    exercise: Exercise
    reason: str
    available: strawberry.Private[list[str] | None]
    max_difficulty: strawberry.Private[Difficulty | None]

    @strawberry.field(description="Stand-ins for it within the same equipment and difficulty, best first.")
    async def alternatives(self, info: Ctx, first: int = 3) -> list[Alternative]:
        return await Alternative.find(info, self.exercise.slug, first, self.available, self.max_difficulty)


@strawberry.type(
    description="A session built by a greedy weighted set cover: each pick adds the most coverage of what was "
    "asked, a muscle or pattern already covered counting less each time, so the coverage spreads evenly."
)
class Session:
    items: list[SessionItem]
    coverage: PlanCoverage = strawberry.field(description=f"The session at {training.SESSION_SETS} sets each.")
    explanation: str | None = strawberry.field(description="Why the session is empty or short of what was asked.")


@strawberry.type(description="A plan with each exercise swapped for its best stand-in under the equipment.")
class PlanSwap:
    items: list[SessionItem]
    unmatched: list[Exercise] = strawberry.field(description="Plan exercises nothing within the equipment replaces.")
    before: PlanCoverage
    after: PlanCoverage


@strawberry.type
class PlanQueries:
    @strawberry.field(description="Every movement pattern, by name.")
    async def movement_patterns(self, info: Ctx) -> list[MovementPattern]:
        rows = await taxonomy_nodes(info.context.store, TaxonomyKind.MOVEMENT_PATTERN)
        return [MovementPattern(slug=r["slug"], name=r["name"]) for r in rows]

    @strawberry.field(description="Every kit (a named set of equipment, such as a hotel gym), by name.")
    async def kits(self, info: Ctx) -> list[Kit]:
        return [Kit.from_row(r) for r in await kits(info.context.store)]

    @strawberry.field(
        description="Stand-ins for `slug` that need none of the `occupied` equipment (and nothing outside "
        "`availableEquipment` and `kit`, when given): the alternatives ranking, those sharing its movement pattern "
        "first, then by score, then those sharing less of its equipment; each reason says what changes."
    )
    async def swap(
        self,
        info: Ctx,
        slug: str,
        occupied: list[str] | None = None,
        available_equipment: list[str] | None = None,
        kit: str | None = None,
        first: int = DEFAULT_SWAPS,
    ) -> list[Alternative]:
        check_first(first, limits.MAX_ALTERNATIVES)
        taken = check_slugs("occupied", occupied) or []
        await reject_unknown(info.context.statistics, {"equipment": taken})
        available = await _available(info, available_equipment, kit)
        source, taxonomy = await _source(info, check_slug(slug))
        if taken:
            available = all_equipment_but(available if available is not None else taxonomy.equipment, taken)
        found = await training.swaps(
            info.context.store, info.context.statistics, source, available=available, first=first
        )
        return [_with_reason(Alternative.from_row(s.row), swap_reason(source, s.exercise, taxonomy)) for s in found]

    @strawberry.field(description="What a plan trains. A secondary set counts half a set in weighted sets.")
    async def plan_coverage(self, info: Ctx, plan: list[PlanItemInput]) -> PlanCoverage:
        taxonomy, items = await _plan(info, plan)
        return PlanCoverage.of(taxonomy, items)

    @strawberry.field(
        description="A session of `size` exercises covering the muscles, patterns and body parts asked for as evenly "
        "as it can (a greedy weighted set cover; see Session), within the equipment and difficulty, never two of "
        "one movement family, alternating patterns; the same `seed` gives the same session. Nothing asked: the "
        "main patterns. Nothing fits: an empty session with an explanation. A muscle group in `muscles` asks for "
        "each of its muscles."
    )
    async def build_session(
        self,
        info: Ctx,
        muscles: list[str] | None = None,
        patterns: list[str] | None = None,
        body_parts: list[str] | None = None,
        kit: str | None = None,
        available_equipment: list[str] | None = None,
        max_difficulty: Difficulty | None = None,
        size: int = 6,
        seed: int | None = None,
    ) -> Session:
        if not 1 <= size <= MAX_SESSION:
            raise BadInput(f"size: between 1 and {MAX_SESSION}")
        asked = {
            "muscles": check_slugs("muscles", muscles),
            "patterns": check_slugs("patterns", patterns),
            "body_parts": check_slugs("bodyParts", body_parts),
        }
        await reject_unknown(info.context.statistics, asked)
        # A muscle group asks for each of its muscles.
        groups = await info.context.statistics.group_members() if asked["muscles"] else {}
        asked["muscles"] = [m for g in asked["muscles"] or [] for m in groups.get(g, (g,))] or None
        available = await _available(info, available_equipment, kit)
        taxonomy = await training.plan_taxonomy(info.context.store, info.context.statistics)
        ask = training.SessionAsk(
            muscles=asked["muscles"] or [],
            patterns=asked["patterns"] or [],
            body_parts=asked["body_parts"] or [],
            available=available,
            max_rank=DIFFICULTY_RANK[DifficultyValue(max_difficulty.value)] if max_difficulty else None,
            size=size,
            seed=seed,
        )
        built = await training.build_session(info.context.store, taxonomy, ask, info.context.statistics)
        exercises = {x.slug: x for x in await Exercise.load_many(info, [p.exercise.slug for p in built.picks])}
        items = [
            SessionItem(
                exercise=exercises[p.exercise.slug],
                reason=pick_reason(p, taxonomy),
                available=available,
                max_difficulty=max_difficulty,
            )
            for p in built.picks
            if p.exercise.slug in exercises
        ]
        plan = [PlanItem(p.exercise, training.SESSION_SETS) for p in built.picks]
        return Session(items=items, coverage=PlanCoverage.of(taxonomy, plan), explanation=built.explanation)

    @strawberry.field(
        description="Each plan exercise's best stand-in within the equipment (itself when it fits; as `swap` ranks "
        "them), no exercise used twice, with the plan's coverage before and after."
    )
    async def swap_plan(
        self,
        info: Ctx,
        plan: list[PlanItemInput],
        kit: str | None = None,
        available_equipment: list[str] | None = None,
    ) -> PlanSwap:
        available = await _available(info, available_equipment, kit)
        taxonomy, items = await _plan(info, plan)
        plan_slugs = {i.exercise.slug for i in items}
        used: set[str] = set()
        after: list[PlanItem] = []
        reasons: list[str] = []
        unmatched: list[str] = []
        for item in items:
            if fits(item.exercise, available) and item.exercise.slug not in used:
                choice, reason = item.exercise, "Fits the equipment; kept."
            else:
                found = await training.swaps(
                    info.context.store,
                    info.context.statistics,
                    item.exercise,
                    available=available,
                    first=1,
                    exclude=used | plan_slugs,
                )
                if not found:
                    unmatched.append(item.exercise.slug)
                    continue
                choice = found[0].exercise
                reason = swap_reason(item.exercise, choice, taxonomy)
            used.add(choice.slug)
            after.append(PlanItem(choice, item.sets))
            reasons.append(reason)
        loaded = await Exercise.load_many(info, [i.exercise.slug for i in after] + unmatched)
        exercises = {x.slug: x for x in loaded}
        return PlanSwap(
            items=[
                SessionItem(exercise=exercises[i.exercise.slug], reason=r, available=available, max_difficulty=None)
                for i, r in zip(after, reasons, strict=True)
            ],
            unmatched=[exercises[s] for s in unmatched if s in exercises],
            before=PlanCoverage.of(taxonomy, items),
            after=PlanCoverage.of(taxonomy, after),
        )


async def _available(info: Ctx, available_equipment: list[str] | None, kit: str | None) -> list[str] | None:
    available = check_slugs("availableEquipment", available_equipment)
    await reject_unknown(info.context.statistics, {"available": available})
    return await available_with_kit(info.context, kit, available)


async def _plan(info: Ctx, plan: list[PlanItemInput]) -> tuple[PlanTaxonomy, list[PlanItem]]:
    """The plan's exercises and the taxonomy, read together; BadInput names every unknown slug."""
    if len(plan) > limits.MAX_LIST_ITEMS:
        raise BadInput(f"plan: at most {limits.MAX_LIST_ITEMS} items")
    for item in plan:
        check_slug(item.slug)
        if not 1 <= item.sets <= MAX_SETS:
            raise BadInput(f"plan: sets between 1 and {MAX_SETS} ({item.slug!r} has {item.sets})")
    store = info.context.store
    taxonomy, found = await asyncio.gather(
        training.plan_taxonomy(store, info.context.statistics), training.plan_exercises(store, [i.slug for i in plan])
    )
    unknown = list(dict.fromkeys(i.slug for i in plan if i.slug not in found))
    if unknown:
        raise BadInput(f"unknown exercise {', '.join(map(repr, unknown))}")
    return taxonomy, [PlanItem(found[i.slug], i.sets) for i in plan]


async def _source(info: Ctx, slug: str) -> tuple[PlanExercise, PlanTaxonomy]:
    store = info.context.store
    taxonomy, found = await asyncio.gather(
        training.plan_taxonomy(store, info.context.statistics), training.plan_exercises(store, [slug])
    )
    if slug not in found:
        raise BadInput(f"unknown exercise {slug!r}")
    return found[slug], taxonomy


def _with_reason(alternative: Alternative, reason: str) -> Alternative:
    alternative.explanation = reason
    return alternative


def _alternative(exercise: Exercise, pick: Pick, score: float, reason: str) -> Alternative:
    x = pick.exercise
    return Alternative(
        exercise=exercise,
        score=round(score, 4),
        same_family=False,
        shared_target_slugs=[m for m in pick.muscles if m in x.targets],
        shared_secondary_slugs=[m for m in pick.muscles if m not in x.targets],
        explanation=reason,
    )
