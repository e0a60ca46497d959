"""GraphQL object types and how each field resolves: through the request's DataLoaders, what was read ahead, or
a read of graph_service.reads. A page costs a constant number of store round trips however many exercises it holds.
"""

import asyncio
from enum import Enum
from typing import Annotated, Any

import strawberry
from strawberry import Info

from graph_service.api import limits
from graph_service.api.context import Context
from graph_service.api.enums import Category, Difficulty, Force, Mechanic
from graph_service.api.guidance import Guidance
from graph_service.api.inputs import (
    ExerciseSort,
    check_first,
    check_slugs,
    encode_cursor,
    filter_params,
    reject_unknown,
)
from graph_service.api.kits import available_with_kit
from graph_service.api.media import Media
from graph_service.api.nodes import SlugNode
from graph_service.api.paging import Window, page_of, window
from graph_service.api.patterns import MovementPattern
from graph_service.api.selections import selects
from graph_service.cards.faq import FaqSource, full_faq
from graph_service.cards.render import render_card
from graph_service.errors import NotFound
from graph_service.guidance import read_guidance
from graph_service.model import SCORE_WEIGHTS, TaxonomyKind
from graph_service.planning.body_highlighter import body_highlighter_names
from graph_service.planning.muscle_map import exercise_levels, muscle_map_svg
from graph_service.reads.alternatives import AlternativeRow, AlternativesQuestion, ranked_alternatives
from graph_service.reads.exercises import (
    ExerciseRow,
    NamedRow,
    PageQuestion,
    count_exercises,
    exercises_page,
    exercises_page_and_count,
)
from graph_service.reads.facets import FacetCounts, FacetValue
from graph_service.reads.related import RelatedGroupRow, related_groups
from graph_service.reads.taxonomy import TaxonomyRow

Ctx = Info[Context, None]


def _by_name(items: list[NamedRow]) -> list[NamedRow]:
    return sorted(items, key=lambda r: (r["name"], r["slug"]))


async def _node(info: Ctx, kind: TaxonomyKind, slug: str) -> TaxonomyRow | dict[str, Any]:
    return await info.context.taxonomy(kind).load(slug) or {}


@strawberry.type(description="A muscle, at the granularity people search by.")
class Muscle(SlugNode):
    slug: str
    name: str

    @strawberry.field
    async def aliases(self, info: Ctx) -> list[str]:
        return list((await _node(info, TaxonomyKind.MUSCLE, self.slug)).get("aliases") or [])

    @strawberry.field(description="The muscle group this muscle belongs to (deltoids for the side deltoids).")
    async def group(self, info: Ctx) -> "MuscleGroup | None":
        groups = (await _node(info, TaxonomyKind.MUSCLE, self.slug)).get("groups") or []
        return await MuscleGroup.load(info, sorted(groups)[0]) if groups else None

    @strawberry.field(description="The body part this muscle belongs to.")
    async def body_part(self, info: Ctx) -> "BodyPart | None":
        parts = (await _node(info, TaxonomyKind.MUSCLE, self.slug)).get("body_parts") or []
        return await BodyPart.load(info, parts[0]) if parts else None

    @strawberry.field(
        description="The names of the React component react-body-highlighter's muscles that draw this one; empty "
        "when it draws none."
    )
    def body_highlighter_names(self) -> list[str]:
        return body_highlighter_names(self.slug)

    @strawberry.field(description="How many exercises target this muscle as a primary mover.")
    async def target_count(self, info: Ctx) -> int:
        return int((await _node(info, TaxonomyKind.MUSCLE, self.slug)).get("target_count") or 0)

    @strawberry.field(description="How many exercises work this muscle, as target or secondary.")
    async def exercise_count(self, info: Ctx) -> int:
        return int((await _node(info, TaxonomyKind.MUSCLE, self.slug)).get("exercise_count") or 0)

    @strawberry.field(description="Exercises that work this muscle; `targetOnly` keeps primary movers only.")
    async def exercises(
        self,
        info: Ctx,
        first: int | None = None,
        after: str | None = None,
        target_only: bool = True,
        last: int | None = None,
        before: str | None = None,
    ) -> "ExerciseConnection":
        key = "targets" if target_only else "muscles"
        page = window(first=first, after=after, last=last, before=before)
        return await ExerciseConnection.of_node(info, key, self.slug, page)

    @classmethod
    async def load(cls, info: Ctx, slug: str) -> "Muscle | None":
        row = await info.context.taxonomy(TaxonomyKind.MUSCLE).load(slug)
        return cls(slug=row["slug"], name=row["name"]) if row else None


@strawberry.type(
    description="A muscle group, the level above the muscle (the deltoids: front, side and rear). Filters, facets "
    "and search take a group for all of its muscles; an import files an exercise whose source names only a broad "
    "term (shoulders) under the group, not under one of its muscles."
)
class MuscleGroup(SlugNode):
    slug: str
    name: str

    @strawberry.field
    async def aliases(self, info: Ctx) -> list[str]:
        return list((await _node(info, TaxonomyKind.MUSCLE_GROUP, self.slug)).get("aliases") or [])

    @strawberry.field(description="Its muscles, by name.")
    async def muscles(self, info: Ctx) -> list[Muscle]:
        return await _muscles(info, await self._members(info))

    @strawberry.field(
        description="Exercises that work any of its muscles, or the group itself; `targetOnly` keeps those in which "
        "it is a primary mover."
    )
    async def exercises(
        self,
        info: Ctx,
        first: int | None = None,
        after: str | None = None,
        target_only: bool = True,
        last: int | None = None,
        before: str | None = None,
    ) -> "ExerciseConnection":
        field = "targets" if target_only else "muscles"
        page = window(first=first, after=after, last=last, before=before)
        params = {**filter_params(None), field: [self.slug, *await self._members(info)]}
        return await ExerciseConnection.read(info, params, ExerciseSort.NAME, page)

    async def _members(self, info: Ctx) -> list[str]:
        return sorted((await _node(info, TaxonomyKind.MUSCLE_GROUP, self.slug)).get("muscles") or [])

    @classmethod
    async def load(cls, info: Ctx, slug: str) -> "MuscleGroup | None":
        row = await info.context.taxonomy(TaxonomyKind.MUSCLE_GROUP).load(slug)
        return cls(slug=row["slug"], name=row["name"]) if row else None


@strawberry.type(description="A piece of equipment; body-weight means none.")
class Equipment(SlugNode):
    slug: str
    name: str

    @strawberry.field
    async def aliases(self, info: Ctx) -> list[str]:
        return list((await _node(info, TaxonomyKind.EQUIPMENT, self.slug)).get("aliases") or [])

    @strawberry.field(description="How many exercises use it.")
    async def exercise_count(self, info: Ctx) -> int:
        return int((await _node(info, TaxonomyKind.EQUIPMENT, self.slug)).get("exercise_count") or 0)

    @strawberry.field(description="Exercises that use it.")
    async def exercises(
        self,
        info: Ctx,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> "ExerciseConnection":
        page = window(first=first, after=after, last=last, before=before)
        return await ExerciseConnection.of_node(info, "equipment", self.slug, page)

    @classmethod
    async def load(cls, info: Ctx, slug: str) -> "Equipment | None":
        row = await info.context.taxonomy(TaxonomyKind.EQUIPMENT).load(slug)
        return cls(slug=row["slug"], name=row["name"]) if row else None


@strawberry.type(description="A region of the body that exercise pages are grouped by.")
class BodyPart(SlugNode):
    slug: str
    name: str

    @strawberry.field
    async def aliases(self, info: Ctx) -> list[str]:
        return list((await _node(info, TaxonomyKind.BODY_PART, self.slug)).get("aliases") or [])

    @strawberry.field(description="Muscles that belong to this body part.")
    async def muscles(self, info: Ctx) -> list[Muscle]:
        slugs = (await _node(info, TaxonomyKind.BODY_PART, self.slug)).get("muscles") or []
        rows = await info.context.taxonomy(TaxonomyKind.MUSCLE).load_many(slugs)
        named = _by_name([NamedRow(slug=r["slug"], name=r["name"]) for r in rows if r])
        return [Muscle(slug=r["slug"], name=r["name"]) for r in named]

    @strawberry.field(description="How many exercises train it.")
    async def exercise_count(self, info: Ctx) -> int:
        return int((await _node(info, TaxonomyKind.BODY_PART, self.slug)).get("exercise_count") or 0)

    @strawberry.field(description="Exercises that train it.")
    async def exercises(
        self,
        info: Ctx,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> "ExerciseConnection":
        page = window(first=first, after=after, last=last, before=before)
        return await ExerciseConnection.of_node(info, "body_parts", self.slug, page)

    @classmethod
    async def load(cls, info: Ctx, slug: str) -> "BodyPart | None":
        row = await info.context.taxonomy(TaxonomyKind.BODY_PART).load(slug)
        return cls(slug=row["slug"], name=row["name"]) if row else None


@strawberry.type(description="One question and answer about an exercise: a curator's, or generated from its facts.")
class FaqEntry:
    question: str
    answer: str
    source: FaqSource


@strawberry.enum(description="How a related link group relates to the exercise.")
class RelatedKind(Enum):
    BODY_PART = "TRAINS"
    EQUIPMENT = "USES"
    TARGET_MUSCLE = "TARGETS"


@strawberry.type(description="More exercises sharing one of this exercise's body part, equipment or target muscles.")
class RelatedGroup:
    kind: RelatedKind
    slug: str
    name: str
    total: int = strawberry.field(description="How many other exercises share it.")
    members: strawberry.Private[list["Exercise"]]

    @strawberry.field(description="The first few of them, by name.")
    def exercises(self) -> list["Exercise"]:
        return self.members

    @classmethod
    def from_row(cls, row: RelatedGroupRow) -> "RelatedGroup":
        return cls(
            kind=RelatedKind(row["relation"]),
            slug=row["group_slug"],
            name=row["group_name"],
            total=row["total"],
            members=[Exercise.from_row(e) for e in row["exercises"]],
        )


@strawberry.type(description="An exercise and the facts an exercise page shows.")
class Exercise(SlugNode):
    slug: str
    name: str
    difficulty: Difficulty | None = strawberry.field(
        description="How hard it is; null when unknown (an imported exercise whose source gives none). "
        "Difficulty filters and maxDifficulty never match an unknown difficulty."
    )
    category: Category | None = strawberry.field(
        description="The kind of training; null when unknown. An exercise of unknown category has no alternatives "
        "and is no alternative to others, since alternatives stay within one kind of work."
    )
    force: Force | None
    mechanic: Mechanic | None
    description: str
    instructions: list[str] = strawberry.field(description="Ordered steps.")
    tips: list[str]
    mistakes: list[str]
    aliases: list[str]
    sources: list[str] = strawberry.field(description="Datasets this exercise was imported from, as source:id.")
    inferred: list[str] = strawberry.field(
        description="Facts an import inferred by a documented rule rather than read from its source, e.g. "
        "`category` (stretching when the name says stretch); empty for curated exercises."
    )

    @classmethod
    def from_row(cls, row: ExerciseRow) -> "Exercise":
        return cls(
            slug=row["slug"],
            name=row["name"],
            difficulty=Difficulty(difficulty) if (difficulty := row.get("difficulty")) else None,
            category=Category(category) if (category := row.get("category")) else None,
            force=Force(force) if (force := row.get("force")) else None,
            mechanic=Mechanic(mechanic) if (mechanic := row.get("mechanic")) else None,
            description=row.get("description") or "",
            instructions=list(row.get("instructions") or []),
            tips=list(row.get("tips") or []),
            mistakes=list(row.get("mistakes") or []),
            aliases=list(row.get("aliases") or []),
            sources=list(row.get("sources") or []),
            inferred=list(row.get("inferred") or []),
        )

    @classmethod
    async def load(cls, info: Ctx, slug: str) -> "Exercise | None":
        row = await info.context.exercises.load(slug)
        return cls.from_row(row) if row else None

    @classmethod
    async def load_many(cls, info: Ctx, slugs: list[str]) -> list["Exercise"]:
        rows = await info.context.exercises.load_many(slugs)
        return [cls.from_row(r) for r in rows if r]

    async def _links(self, info: Ctx) -> dict[str, Any]:
        return dict(await info.context.links.load(self.slug) or {})

    @strawberry.field(description="Primary muscles.")
    async def targets(self, info: Ctx) -> list[Muscle]:
        return [Muscle(slug=r["slug"], name=r["name"]) for r in _by_name((await self._links(info)).get("targets", []))]

    @strawberry.field(
        description="Muscle groups it targets as a whole: an import whose source named only a broad term "
        "(shoulders), never split onto one muscle; empty for the bundled exercises, which name muscles."
    )
    async def target_groups(self, info: Ctx) -> list[MuscleGroup]:
        rows = _by_name((await self._links(info)).get("target_groups", []))
        return [MuscleGroup(slug=r["slug"], name=r["name"]) for r in rows]

    @strawberry.field(description="Muscle groups that assist as a whole, named only broadly by an import's source.")
    async def secondary_groups(self, info: Ctx) -> list[MuscleGroup]:
        rows = _by_name((await self._links(info)).get("secondary_groups", []))
        return [MuscleGroup(slug=r["slug"], name=r["name"]) for r in rows]

    @strawberry.field(description="Muscles that assist.")
    async def secondary_muscles(self, info: Ctx) -> list[Muscle]:
        rows = _by_name((await self._links(info)).get("secondary", []))
        return [Muscle(slug=r["slug"], name=r["name"]) for r in rows]

    @strawberry.field(description="Everything the exercise needs; Body Weight when it needs nothing.")
    async def equipment(self, info: Ctx) -> list[Equipment]:
        rows = _by_name((await self._links(info)).get("equipment", []))
        return [Equipment(slug=r["slug"], name=r["name"]) for r in rows]

    @strawberry.field(
        description="Pictures and animations of it, in order, from the datasets it was imported from; empty when it "
        "has none (the bundled exercises have none of their own yet)."
    )
    async def media(self, info: Ctx) -> list[Media]:
        return Media.from_rows((await self._links(info)).get("media") or [])

    @strawberry.field(description="The movement patterns it follows; empty for an imported exercise not yet placed.")
    async def patterns(self, info: Ctx) -> list[MovementPattern]:
        rows = _by_name((await self._links(info)).get("patterns", []))
        return [MovementPattern(slug=r["slug"], name=r["name"]) for r in rows]

    @strawberry.field
    async def body_part(self, info: Ctx) -> BodyPart | None:
        rows = _by_name((await self._links(info)).get("body_parts", []))
        return BodyPart(slug=rows[0]["slug"], name=rows[0]["name"]) if rows else None

    @strawberry.field(description="The base movement this exercise varies, if any.")
    async def variation_of(self, info: Ctx) -> "Exercise | None":
        base = (await self._links(info)).get("base") or []
        found = await Exercise.load_many(info, base[:1])
        return found[0] if found else None

    @strawberry.field(description="The other members of this exercise's movement family.")
    async def variations(self, info: Ctx) -> list["Exercise"]:
        links = await self._links(info)
        family = set(links.get("variants") or [])
        for base in links.get("base") or []:
            family.add(base)
            base_links = await info.context.links.load(base)
            family.update(base_links["variants"] if base_links else [])
        family.discard(self.slug)
        return sorted(await Exercise.load_many(info, sorted(family)), key=lambda x: (x.name, x.slug))

    @strawberry.field(description="Exercises that hit the same muscles, ranked and explained.")
    async def alternatives(
        self,
        info: Ctx,
        first: int = limits.DEFAULT_ALTERNATIVES,
        available_equipment: list[str] | None = None,
        max_difficulty: Difficulty | None = None,
        kit: str | None = None,
    ) -> list["Alternative"]:
        return await Alternative.find(info, self.slug, first, available_equipment, max_difficulty, kit)

    @strawberry.field(description="A front and back muscle map (SVG): targets strong, secondary muscles light.")
    async def muscle_map(self, info: Ctx) -> str:
        links = await self._links(info)
        targets, secondary = links.get("targets", []), links.get("secondary", [])
        names = {r["slug"]: r["name"] for r in [*targets, *secondary]}
        levels = exercise_levels([r["slug"] for r in targets], [r["slug"] for r in secondary])
        return muscle_map_svg(levels, title=f"Muscles worked by {self.name}", names=names)

    @strawberry.field(
        description="Questions and answers: a curator's first (source CURATED), then those generated from the "
        "graph's facts (GENERATED) that no curated answer already covers."
    )
    async def faq(self, info: Ctx) -> list[FaqEntry]:
        facts = await info.context.facts.load(self.slug)
        items = full_faq(facts) if facts else []
        return [FaqEntry(question=i.question, answer=i.answer, source=i.source) for i in items]

    @strawberry.field(
        description="Typical sets and reps by goal and a starting load, curated for well-established bundled "
        "exercises; null for the others and for imported exercises."
    )
    async def guidance(self, info: Ctx) -> Guidance | None:
        row = await info.context.guidance.load(self.slug)
        found = read_guidance(row) if row else None
        return Guidance.of(found) if found else None

    @strawberry.field(description="The exercise page as Markdown, links under CARD_BASE_URL.")
    async def card(self, info: Ctx) -> str | None:
        facts = await info.context.facts.load(self.slug)
        return render_card(facts, base_url=info.context.settings.card_base_url) if facts else None

    @strawberry.field(description="Link groups: more exercises for its body part, its equipment, its target muscles.")
    async def related(self, info: Ctx, first: int = limits.DEFAULT_RELATED) -> list[RelatedGroup]:
        check_first(first, limits.MAX_ALTERNATIVES)
        rows = info.context.read_ahead.related.get((self.slug, first))
        if rows is None:
            context = info.context
            rows = await related_groups(context.store, context.statistics, slug=self.slug, first=first)
        return [RelatedGroup.from_row(r) for r in rows]


@strawberry.type(description="An exercise that can stand in for another, with why.")
class Alternative:
    exercise: Exercise
    score: float = strawberry.field(description=f"0..1: {SCORE_WEIGHTS.describe()}.")
    same_family: bool = strawberry.field(description="Both belong to the same movement family.")
    shared_target_slugs: strawberry.Private[list[str]]
    shared_secondary_slugs: strawberry.Private[list[str]]
    # The reason when the match is explained otherwise (a swap, a plan's suggestion).
    explanation: strawberry.Private[str | None] = None

    @strawberry.field(description="Target muscles both exercises train as primary movers.")
    async def shared_targets(self, info: Ctx) -> list[Muscle]:
        return await _muscles(info, self.shared_target_slugs)

    @strawberry.field(description="Other muscles both exercises work.")
    async def shared_secondary(self, info: Ctx) -> list[Muscle]:
        return await _muscles(info, self.shared_secondary_slugs)

    @strawberry.field(description="A sentence explaining the match.")
    async def reason(self, info: Ctx) -> str:
        if self.explanation:
            return self.explanation
        # Both lists in one go, so their muscles are read in one batch.
        shared = await asyncio.gather(self.shared_targets(info), self.shared_secondary(info))
        targets, others = ([m.name.lower() for m in muscles] for muscles in shared)
        parts = []
        if targets:
            parts.append(f"Targets the same {_join(targets)}")
        if others:
            parts.append(f"{'also works' if targets else 'Works'} {_join(others)}")
        sentence = ", ".join(parts) or "Works related muscles"
        if self.same_family:
            sentence += "; a variation of the same movement"
        return sentence + "."

    @classmethod
    def from_row(cls, row: AlternativeRow) -> "Alternative":
        return cls(
            exercise=Exercise.from_row(row),
            score=round(float(row["score"]), 4),
            same_family=bool(row["same_family"]),
            shared_target_slugs=list(row["shared_targets"]),
            shared_secondary_slugs=list(row["shared_secondary"]),
        )

    @classmethod
    async def find(
        cls,
        info: Ctx,
        slug: str,
        first: int,
        available_equipment: list[str] | None,
        max_difficulty: Difficulty | None,
        kit: str | None = None,
    ) -> list["Alternative"]:
        context = info.context
        question = await alternatives_question(context, slug, first, available_equipment, max_difficulty, kit)
        # The exercise page statement may have read them already: exact, or near lookups still to be proven.
        read = context.read_ahead.alternatives.get(question)
        if read is not None and read.exact:
            rows = read.rows
        else:
            rows = await ranked_alternatives(
                context.store, context.statistics, question, near=read.rows if read else None
            )
        if not rows and await context.exercises.load(slug) is None:
            raise NotFound(f"no exercise with slug {slug!r}")
        return [cls.from_row(r) for r in rows]


async def alternatives_question(
    context: Context,
    slug: str,
    first: int,
    available_equipment: list[str] | None,
    max_difficulty: Difficulty | None,
    kit: str | None = None,
) -> AlternativesQuestion:
    """An alternatives question, checked (BadInput names what is wrong): the resolver's and the read-ahead's key."""
    check_first(first, limits.MAX_ALTERNATIVES)
    available = check_slugs("availableEquipment", available_equipment)
    await reject_unknown(context.statistics, {"available": available})
    available = await available_with_kit(context, kit, available)
    return AlternativesQuestion(slug, first, None if available is None else tuple(available), max_difficulty)


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


async def _muscles(info: Ctx, slugs: list[str]) -> list[Muscle]:
    rows = await info.context.taxonomy(TaxonomyKind.MUSCLE).load_many(slugs)
    return sorted((Muscle(slug=r["slug"], name=r["name"]) for r in rows if r), key=lambda m: m.name)


@strawberry.type(
    description="Where a page lies in its connection: hasNextPage is exact when `first` is given, hasPreviousPage "
    "when `last` is; otherwise each is false, as the Relay spec allows."
)
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class ExerciseEdge:
    cursor: str
    node: Exercise


@strawberry.type(description="A page of exercises (Relay connection).")
class ExerciseConnection:
    edges: list[ExerciseEdge]
    page_info: PageInfo
    params: strawberry.Private[dict[str, Any]]
    # Read beside the page when the document asks for totalCount.
    counted: strawberry.Private[int | None] = None

    @strawberry.field(description="How many exercises match the filter; counted only when asked for.")
    async def total_count(self, info: Ctx) -> int:
        if self.counted is not None:
            return self.counted
        return await count_exercises(info.context.store, self.params)

    @classmethod
    async def of_node(cls, info: Ctx, field: str, slug: str, page: Window) -> "ExerciseConnection":
        """The exercises of one taxonomy node, reached by the filter field `field` (its slug is known to exist)."""
        params = {**filter_params(None), field: [slug]}
        return await cls.read(info, params, ExerciseSort.NAME, page)

    @classmethod
    async def read(cls, info: Ctx, params: dict[str, Any], sort: ExerciseSort, page: Window) -> "ExerciseConnection":
        question = PageQuestion(
            filter=params,
            sort=sort.value,
            first=page.size,
            after=page.after,
            before=page.before,
            backward=page.backward,
        )
        context = info.context
        counted = None
        if selects(info.selected_fields, "totalCount"):
            rows, counted = await exercises_page_and_count(context.store, context.statistics, question)
        else:
            rows = await exercises_page(context.store, context.statistics, question)
        found = page_of(rows, page)
        edges = [
            ExerciseEdge(cursor=encode_cursor([r["k"], r["name"], r["slug"]]), node=Exercise.from_row(r))
            for r in found.items
        ]
        info_ = PageInfo(
            has_next_page=found.has_next_page,
            has_previous_page=found.has_previous_page,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        )
        return cls(edges=edges, page_info=info_, params=params, counted=counted)


@strawberry.type(description="How many matching exercises carry one value.")
class FacetCount:
    value: str = strawberry.field(description="A slug, or the enum value for difficulty and category.")
    name: str
    count: int

    @classmethod
    def of(cls, values: list[FacetValue]) -> list["FacetCount"]:
        return [cls(value=v.value, name=v.name, count=v.count) for v in values]


@strawberry.type
class Facets:
    body_parts: list[FacetCount]
    muscles: list[FacetCount] = strawberry.field(description="Counted by target muscle.")
    muscle_groups: list[FacetCount] = strawberry.field(
        description="Counted by target muscle group: an exercise counts once for a group when it targets any of its "
        "muscles or the group itself."
    )
    equipment: list[FacetCount]
    patterns: list[FacetCount] = strawberry.field(description="Counted by movement pattern.")
    difficulties: list[FacetCount]
    categories: list[FacetCount]

    @classmethod
    def of(cls, counts: FacetCounts) -> "Facets":
        return cls(
            body_parts=FacetCount.of(counts.taxonomy[TaxonomyKind.BODY_PART]),
            muscles=FacetCount.of(counts.taxonomy[TaxonomyKind.MUSCLE]),
            muscle_groups=FacetCount.of(counts.taxonomy[TaxonomyKind.MUSCLE_GROUP]),
            equipment=FacetCount.of(counts.taxonomy[TaxonomyKind.EQUIPMENT]),
            patterns=FacetCount.of(counts.taxonomy[TaxonomyKind.MOVEMENT_PATTERN]),
            difficulties=FacetCount.of(counts.difficulties),
            categories=FacetCount.of(counts.categories),
        )


SearchNode = Annotated[Exercise | Muscle | MuscleGroup | Equipment, strawberry.union("SearchNode")]


@strawberry.type(description="One search hit.")
class SearchResult:
    score: float = strawberry.field(
        description="The ranking's score, highest first: 3 when the text is the name or an alias, 1 when each word"
        " is a word of one, plus the engine's relevance scaled to 0..1 (docs/api.md#search)."
    )
    node: SearchNode
    via: Muscle | None = strawberry.field(
        default=None, description="For an exercise found through a muscle it targets (the text named the muscle)."
    )
