"""GraphQL object types. Relations resolve through the request's DataLoaders, so a page costs a constant
number of store round trips however many exercises it holds."""

import base64
import json
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry import Info

from graph_service.api import limits
from graph_service.api.context import Context
from graph_service.cards.faq import faq as generate_faq
from graph_service.cards.render import render_card
from graph_service.model import Category, Difficulty, Force, Mechanic
from graph_service.store import Row

if TYPE_CHECKING:
    from graph_service.api.alternatives import Alternative
    from graph_service.api.listing import ExerciseConnection

# The graph model's enums, registered with GraphQL under their own names.
strawberry.enum(Difficulty, description="How much experience an exercise asks for.")
strawberry.enum(Category, description="The kind of training.")
strawberry.enum(Force, description="Whether the working muscles push, pull or hold.")
strawberry.enum(Mechanic, description="Compound (several joints) or isolation (one joint).")

Ctx = Info[Context, None]
Connection = Annotated["ExerciseConnection", strawberry.lazy("graph_service.api.listing")]


def _by_name(items: list[Row]) -> list[Row]:
    return sorted(items, key=lambda r: (r["name"], r["slug"]))


@strawberry.type(description="A muscle, at the granularity people search by.")
class Muscle:
    slug: str
    name: str

    async def _row(self, info: Ctx) -> Row:
        return await info.context.muscles.load(self.slug) or {}

    @strawberry.field
    async def aliases(self, info: Ctx) -> list[str]:
        return list((await self._row(info)).get("aliases") or [])

    @strawberry.field(description="The body part this muscle belongs to.")
    async def body_part(self, info: Ctx) -> "BodyPart | None":
        parts = (await self._row(info)).get("body_parts") or []
        return await BodyPart.load(info, parts[0]) if parts else None

    @strawberry.field(description="How many exercises target this muscle as a primary mover.")
    async def target_count(self, info: Ctx) -> int:
        return int((await self._row(info)).get("target_count") or 0)

    @strawberry.field(description="How many exercises work this muscle, as target or secondary.")
    async def exercise_count(self, info: Ctx) -> int:
        return int((await self._row(info)).get("exercise_count") or 0)

    @strawberry.field(description="Exercises that work this muscle; `targetOnly` keeps primary movers only.")
    async def exercises(
        self, info: Ctx, first: int = 20, after: str | None = None, target_only: bool = True
    ) -> Connection:
        from graph_service.api.listing import ExerciseQuery

        key = "targets" if target_only else "muscles"
        return await ExerciseQuery.from_raw(info, {key: [self.slug]}, first=first, after=after).run(info)

    @classmethod
    async def load(cls, info: Ctx, slug: str) -> "Muscle | None":
        row = await info.context.muscles.load(slug)
        return cls(slug=row["slug"], name=row["name"]) if row else None


@strawberry.type(description="A piece of equipment; body-weight means none.")
class Equipment:
    slug: str
    name: str

    async def _row(self, info: Ctx) -> Row:
        return await info.context.equipment.load(self.slug) or {}

    @strawberry.field
    async def aliases(self, info: Ctx) -> list[str]:
        return list((await self._row(info)).get("aliases") or [])

    @strawberry.field(description="How many exercises use it.")
    async def exercise_count(self, info: Ctx) -> int:
        return int((await self._row(info)).get("exercise_count") or 0)

    @strawberry.field(description="Exercises that use it.")
    async def exercises(self, info: Ctx, first: int = 20, after: str | None = None) -> Connection:
        from graph_service.api.listing import ExerciseQuery

        return await ExerciseQuery.from_raw(info, {"equipment": [self.slug]}, first=first, after=after).run(info)

    @classmethod
    async def load(cls, info: Ctx, slug: str) -> "Equipment | None":
        row = await info.context.equipment.load(slug)
        return cls(slug=row["slug"], name=row["name"]) if row else None


@strawberry.type(description="A region of the body that exercise pages are grouped by.")
class BodyPart:
    slug: str
    name: str

    async def _row(self, info: Ctx) -> Row:
        return await info.context.body_parts.load(self.slug) or {}

    @strawberry.field
    async def aliases(self, info: Ctx) -> list[str]:
        return list((await self._row(info)).get("aliases") or [])

    @strawberry.field(description="Muscles that belong to this body part.")
    async def muscles(self, info: Ctx) -> list[Muscle]:
        rows = await info.context.muscles.load_many((await self._row(info)).get("muscles") or [])
        return [Muscle(slug=r["slug"], name=r["name"]) for r in _by_name([r for r in rows if r])]

    @strawberry.field(description="How many exercises train it.")
    async def exercise_count(self, info: Ctx) -> int:
        return int((await self._row(info)).get("exercise_count") or 0)

    @strawberry.field(description="Exercises that train it.")
    async def exercises(self, info: Ctx, first: int = 20, after: str | None = None) -> Connection:
        from graph_service.api.listing import ExerciseQuery

        return await ExerciseQuery.from_raw(info, {"body_parts": [self.slug]}, first=first, after=after).run(info)

    @classmethod
    async def load(cls, info: Ctx, slug: str) -> "BodyPart | None":
        row = await info.context.body_parts.load(slug)
        return cls(slug=row["slug"], name=row["name"]) if row else None


@strawberry.type(description="One question and answer about an exercise, generated from the graph's facts.")
class FaqEntry:
    question: str
    answer: str


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


@strawberry.type(description="An exercise and the facts an exercise page shows.")
class Exercise:
    slug: str
    name: str
    difficulty: Difficulty
    category: Category
    force: Force | None
    mechanic: Mechanic | None
    description: str
    instructions: list[str] = strawberry.field(description="Ordered steps.")
    tips: list[str]
    mistakes: list[str]
    aliases: list[str]
    sources: list[str] = strawberry.field(description="Datasets this exercise was imported from, as source:id.")

    @classmethod
    def from_row(cls, row: Row) -> "Exercise":
        return cls(
            slug=row["slug"],
            name=row["name"],
            difficulty=Difficulty(row["difficulty"]),
            category=Category(row["category"]),
            force=Force(row["force"]) if row.get("force") else None,
            mechanic=Mechanic(row["mechanic"]) if row.get("mechanic") else None,
            description=row.get("description") or "",
            instructions=list(row.get("instructions") or []),
            tips=list(row.get("tips") or []),
            mistakes=list(row.get("mistakes") or []),
            aliases=list(row.get("aliases") or []),
            sources=list(row.get("sources") or []),
        )

    @classmethod
    async def load_many(cls, info: Ctx, slugs: list[str]) -> list["Exercise"]:
        rows = await info.context.exercises.load_many(slugs)
        return [cls.from_row(r) for r in rows if r]

    async def _links(self, info: Ctx) -> Row:
        return await info.context.links.load(self.slug) or {}

    @strawberry.field(description="Primary muscles.")
    async def targets(self, info: Ctx) -> list[Muscle]:
        return [Muscle(slug=r["slug"], name=r["name"]) for r in _by_name((await self._links(info)).get("targets", []))]

    @strawberry.field(description="Muscles that assist.")
    async def secondary_muscles(self, info: Ctx) -> list[Muscle]:
        rows = _by_name((await self._links(info)).get("secondary", []))
        return [Muscle(slug=r["slug"], name=r["name"]) for r in rows]

    @strawberry.field(description="Everything the exercise needs; Body Weight when it needs nothing.")
    async def equipment(self, info: Ctx) -> list[Equipment]:
        rows = _by_name((await self._links(info)).get("equipment", []))
        return [Equipment(slug=r["slug"], name=r["name"]) for r in rows]

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
            family.update((await info.context.links.load(base) or {}).get("variants") or [])
        family.discard(self.slug)
        return sorted(await Exercise.load_many(info, sorted(family)), key=lambda x: (x.name, x.slug))

    @strawberry.field(description="Exercises that hit the same muscles, ranked and explained.")
    async def alternatives(
        self,
        info: Ctx,
        first: int = limits.DEFAULT_ALTERNATIVES,
        available_equipment: list[str] | None = None,
        max_difficulty: Difficulty | None = None,
    ) -> list[Annotated["Alternative", strawberry.lazy("graph_service.api.alternatives")]]:
        from graph_service.api.alternatives import find_alternatives

        return await find_alternatives(info, self.slug, first, available_equipment, max_difficulty)

    @strawberry.field(description="Questions and answers generated from the graph's facts.")
    async def faq(self, info: Ctx) -> list[FaqEntry]:
        facts = await info.context.facts.load(self.slug)
        return [FaqEntry(question=q, answer=a) for q, a in generate_faq(facts)] if facts else []

    @strawberry.field(description="The exercise page as Markdown, links under CARD_BASE_URL.")
    async def card(self, info: Ctx) -> str | None:
        facts = await info.context.facts.load(self.slug)
        return render_card(facts, base_url=info.context.settings.card_base_url) if facts else None

    @strawberry.field(description="Link groups: more exercises for its body part, its equipment, its target muscles.")
    async def related(self, info: Ctx, first: int = limits.DEFAULT_RELATED) -> list[RelatedGroup]:
        from graph_service.api.related import related_groups

        return await related_groups(info, self.slug, first)


@strawberry.type
class PageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type
class ExerciseEdge:
    cursor: str
    node: Exercise


def encode_cursor(key: list[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(key, separators=(",", ":")).encode()).decode()
