"""Filtered, keyset-paginated exercise lists: validation, the page query and its total, counted only when asked for."""

import asyncio
import base64
import binascii
import json
from dataclasses import dataclass
from enum import Enum
from typing import Any

import strawberry
from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection

from graph_service.api import limits
from graph_service.api.types import Ctx, Exercise, ExerciseEdge, PageInfo, encode_cursor
from graph_service.errors import BadInput
from graph_service.hints import exercise_count_hint, source_sizes
from graph_service.model import Category, Difficulty, Force, Mechanic
from graph_service.queries import Q
from graph_service.store import Row, Store

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
    "available",
)
# The fields a filter's exercises are read from, the first one named (cypher/_matching_exercises.cypher).
SOURCE_FIELDS = ("targets", "muscles", "equipment", "body_parts")
# A name-index walk with no bound: a filter naming no muscle, equipment or body part has no smaller source to read.
# Below 2**32: the embedded engine keeps only the low 32 bits of a LIMIT (2**32 reads as 0).
UNBOUNDED_WALK = 2**31 - 1
# Filters whose single slug is counted by the edges into its node (cypher/exercises_count_one.cypher).
COUNTED_EDGES = {"targets": "TARGETS", "equipment": "USES", "body_parts": "TRAINS"}
TAXONOMY_KINDS = {
    "body_parts": "bodyPart",
    "targets": "muscle",
    "muscles": "muscle",
    "equipment": "equipment",
    "available": "equipment",
}


@strawberry.input(description="Lists inside one field mean OR; different fields mean AND.")
class ExerciseFilter:
    body_parts: list[str] | None = strawberry.field(default=None, description="Body part slugs.")
    targets: list[str] | None = strawberry.field(default=None, description="Target (primary) muscle slugs.")
    muscles: list[str] | None = strawberry.field(default=None, description="Muscle slugs, target or secondary.")
    equipment: list[str] | None = strawberry.field(default=None, description="Uses any of these equipment slugs.")
    available_equipment: list[str] | None = strawberry.field(
        default=None,
        description='Needs nothing outside this set; ["body-weight"] keeps exercises that need no equipment.',
    )
    difficulties: list[Difficulty] | None = None
    categories: list[Category] | None = None
    forces: list[Force] | None = None
    mechanics: list[Mechanic] | None = None
    text: str | None = strawberry.field(default=None, description="Words in the name or aliases.")


@strawberry.enum
class ExerciseSort(Enum):
    NAME = "NAME"
    DIFFICULTY = "DIFFICULTY"
    DIFFICULTY_DESC = "DIFFICULTY_DESC"


def check_slugs(field: str, values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    if len(values) > limits.MAX_LIST_ITEMS:
        raise BadInput(f"{field}: at most {limits.MAX_LIST_ITEMS} values")
    too_long = [v for v in values if len(v) > limits.MAX_SLUG]
    if too_long:
        raise BadInput(f"{field}: slugs are at most {limits.MAX_SLUG} characters")
    return list(dict.fromkeys(values))


def filter_params(f: ExerciseFilter | None) -> dict[str, Any]:
    f = f or ExerciseFilter()
    if f.text is not None and len(f.text) > limits.MAX_TEXT:
        raise BadInput(f"filter.text: at most {limits.MAX_TEXT} characters")
    text = f.text.strip().lower() if f.text and f.text.strip() else None
    return {
        "difficulties": [d.value for d in f.difficulties] if f.difficulties else None,
        "categories": [c.value for c in f.categories] if f.categories else None,
        "forces": [x.value for x in f.forces] if f.forces else None,
        "mechanics": [x.value for x in f.mechanics] if f.mechanics else None,
        "text": text,
        "body_parts": check_slugs("filter.bodyParts", f.body_parts),
        "targets": check_slugs("filter.targets", f.targets),
        "muscles": check_slugs("filter.muscles", f.muscles),
        "equipment": check_slugs("filter.equipment", f.equipment),
        "available": check_slugs("filter.availableEquipment", f.available_equipment),
    }


async def reject_unknown(info: Ctx, params: dict[str, Any]) -> None:
    """Unknown slugs are a client mistake worth naming, not a reason to answer with an empty list."""
    named = {k: v for k, v in params.items() if k in TAXONOMY_KINDS and v}
    if not named:
        return

    def problems(known: dict[str, frozenset[str]]) -> list[str]:
        return [
            f"unknown {TAXONOMY_KINDS[k]} {', '.join(repr(s) for s in v if s not in known[TAXONOMY_KINDS[k]])}"
            for k, v in named.items()
            if any(s not in known[TAXONOMY_KINDS[k]] for s in v)
        ]

    # The known slugs may be a minute old: a slug they lack is looked up again before it is called unknown.
    if problems(await info.context.taxonomy()) and (found := problems(await info.context.taxonomy(fresh=True))):
        raise BadInput("; ".join(found))


def decode_cursor(cursor: str) -> list[Any]:
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor.encode()))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise BadInput("after: not a cursor this API issued") from None
    if not (
        isinstance(key, list)
        and len(key) == 3
        and isinstance(key[0], int)
        and isinstance(key[1], str)
        and isinstance(key[2], str)
    ):
        raise BadInput("after: not a cursor this API issued")
    return key


@strawberry.type(description="A page of exercises (Relay connection).")
class ExerciseConnection:
    edges: list[ExerciseEdge]
    page_info: PageInfo
    params: strawberry.Private[dict[str, Any]]

    # Read beside the page when the document asks for totalCount (see ExerciseQuery.run).
    counted: strawberry.Private[list[Row] | None] = None

    @strawberry.field(description="How many exercises match the filter; counted only when asked for.")
    async def total_count(self, info: Ctx) -> int:
        rows = self.counted
        if rows is None:
            rows = await info.context.store.read(*count_statement(self.params))
        return int(rows[0]["total"]) if rows else 0


@dataclass(frozen=True)
class ExerciseQuery:
    params: dict[str, Any]
    sort: ExerciseSort
    first: int
    after: list[Any] | None
    trusted: bool = False

    @classmethod
    def build(cls, f: ExerciseFilter | None, sort: ExerciseSort, first: int, after: str | None) -> "ExerciseQuery":
        if not 0 <= first <= limits.MAX_PAGE:
            raise BadInput(f"first: between 0 and {limits.MAX_PAGE}")
        return cls(filter_params(f), sort, first, decode_cursor(after) if after else None)

    @classmethod
    def from_raw(cls, info: Ctx, slugs: dict[str, list[str]], *, first: int, after: str | None) -> "ExerciseQuery":
        query = cls.build(None, ExerciseSort.NAME, first, after)
        return cls({**query.params, **slugs}, query.sort, query.first, query.after, trusted=True)

    async def run(self, info: Ctx) -> ExerciseConnection:
        if not self.trusted:
            await reject_unknown(info, self.params)
        store = info.context.store
        page_params = {**self.params, "sort": self.sort.value, "after": self.after, "limit": self.first + 1}
        walk = await self._walk(store)

        async def read_page() -> list[Row]:
            if walk is None:
                return await store.read(Q.EXERCISES_PAGE_SORTED, page_params)
            walked = {**page_params, "walk": walk}
            rows = await store.read(Q.EXERCISES_PAGE, walked)
            # A short page is complete if the walk reached the index's end (a last page); if it met its bound with
            # entries still after it, the source answers for certain.
            short = len(rows) < self.first + 1 and walk != UNBOUNDED_WALK
            if short and (await store.read(Q.NAME_WALK_CUT, walked))[0]["cut"]:
                rows = await store.read(Q.EXERCISES_PAGE_SORTED, page_params)
            return rows

        counted = None
        if _selects(info.selected_fields, "totalCount"):
            # The count does not depend on the page: both go out together.
            rows, counted = await asyncio.gather(read_page(), store.read(*count_statement(self.params)))
        else:
            rows = await read_page()
        edges = [
            ExerciseEdge(cursor=encode_cursor([r["k"], r["name"], r["slug"]]), node=Exercise.from_row(r))
            for r in rows[: self.first]
        ]
        page = PageInfo(has_next_page=len(rows) > self.first, end_cursor=edges[-1].cursor if edges else None)
        return ExerciseConnection(edges=edges, page_info=page, params=self.params, counted=counted)

    async def _walk(self, store: Store) -> int | None:
        """How many entries of Neo4j's name index the page may read in order, checking each exercise against the
        filter, before it is read from the filter's source (its first muscle, equipment or body part field) and
        sorted instead; None to read it from the source straight away. Difficulty order, and the embedded engine
        (no index-ordered reads), always sort."""
        if self.sort is not ExerciseSort.NAME or not store.ordered_index_reads:
            return None
        field = next((name for name in SOURCE_FIELDS if self.params[name] is not None), None)
        if field is None:
            return UNBOUNDED_WALK
        # One after the other: both are nearly always cached, and gathering them would start two tasks a request.
        sizes = await source_sizes(store)
        total = await exercise_count_hint(store)
        source = sum(sizes.get((field, slug), 0) for slug in self.params[field])
        if not name_walk_pays(source=source, limit=self.first + 1, total=total):
            return None
        bound = walk_bound(source)
        # At its worst a bounded walk costs the walk, the check of where it stopped (as long again) and the source:
        # three times the source. Where that is no better than walking the whole index, the walk goes unbounded.
        return bound if 3 * bound < total else UNBOUNDED_WALK


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


def count_statement(params: dict[str, Any]) -> tuple[Q, dict[str, Any]]:
    """The statement counting the exercises a filter matches: with no filter, the label count the engines keep;
    with one target muscle, piece of equipment or body part alone, the edges into it; otherwise each match."""
    named = [name for name in FILTER_PARAMS if params[name] is not None]
    if not named:
        return Q.EXERCISE_TOTAL, {}
    if len(named) == 1 and named[0] in COUNTED_EDGES and len(params[named[0]]) == 1:
        return Q.EXERCISES_COUNT_ONE, {"relation": COUNTED_EDGES[named[0]], "slug": params[named[0]][0]}
    return Q.EXERCISES_COUNT, params


def _selects(fields: list[Selection], name: str) -> bool:
    """Whether the fields being resolved select `name` directly (through fragments too)."""
    for field in fields:
        for child in field.selections:
            if isinstance(child, SelectedField) and child.name == name:
                return True
            if isinstance(child, FragmentSpread | InlineFragment) and _selects([child], name):
                return True
    return False
