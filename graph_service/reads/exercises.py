"""Exercises: by slug with their relations, filtered keyset pages in name or difficulty order, and counts."""

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypedDict, cast

from graph_service.queries import Q
from graph_service.reads import plans
from graph_service.reads.media import MediaRow
from graph_service.statistics import GraphStatistics
from graph_service.store import Store


class NamedRow(TypedDict):
    slug: str
    name: str


class ExerciseRow(TypedDict):
    """An exercise's facts as cypher/_exercise_fields.cypher returns them."""

    slug: str
    name: str
    difficulty: str | None
    category: str | None
    force: str | None
    mechanic: str | None
    description: str | None
    instructions: list[str] | None
    tips: list[str] | None
    mistakes: list[str] | None
    aliases: list[str] | None
    sources: list[str] | None
    inferred: list[str] | None


class Links(TypedDict):
    """An exercise's relations as cypher/_exercise_links.cypher returns them, under its slug."""

    slug: str
    targets: list[NamedRow]
    secondary: list[NamedRow]
    equipment: list[NamedRow]
    body_parts: list[NamedRow]
    base: list[str]
    variants: list[str]
    media: list[MediaRow]


class LinksRow(Links):
    """A row of cypher/exercise_links.cypher: the relations and the category the derived keys need."""

    category: str | None


class ExerciseWithLinksRow(ExerciseRow, Links):
    """A row of cypher/exercises_by_slugs.cypher: the facts with the relations, so it answers for both."""


class PageRow(ExerciseRow):
    k: int  # the sort key before the name: 0 in name order, the difficulty rank in difficulty order


Sort = str  # "NAME", "DIFFICULTY" or "DIFFICULTY_DESC", as cypher/exercises_page_sorted.cypher spells them
# Sorts after every name (names are compared by code point): a backward walk with no cursor starts at the end.
NAME_CEILING = "\U0010ffff"
# The statements of a page read forward and read backward: a walk of the name index, the sorted read, the walk's
# check of where it stopped.
FORWARD = (Q.EXERCISES_PAGE, Q.EXERCISES_PAGE_SORTED, Q.NAME_WALK_CUT)
BACKWARD = (Q.EXERCISES_PAGE_BACKWARD, Q.EXERCISES_PAGE_SORTED_BACKWARD, Q.NAME_WALK_CUT_BACKWARD)


async def exercises_by_slugs(store: Store, *, slugs: list[str]) -> list[ExerciseWithLinksRow]:
    return cast(list[ExerciseWithLinksRow], await store.read(Q.EXERCISES_BY_SLUGS, {"slugs": slugs}))


async def exercise_links(store: Store, *, slugs: list[str]) -> list[LinksRow]:
    return cast(list[LinksRow], await store.read(Q.EXERCISE_LINKS, {"slugs": slugs}))


async def exercise_slugs(store: Store) -> list[str]:
    """Every exercise's slug."""
    return [row["slug"] for row in await store.read(Q.EXERCISE_INDEX)]


@dataclass(frozen=True)
class PageQuestion:
    """One page of a filtered list: the filter's parameters (plans.FILTER_PARAMS), order, size and cursor keys.
    Read forward, the page is the `first` rows after `after`; read `backward`, the `first` rows before `before`.
    Either way both cursors bound it."""

    filter: Mapping[str, Any]
    sort: Sort
    first: int
    after: list[Any] | None
    before: list[Any] | None = None
    backward: bool = False


async def exercises_page(store: Store, statistics: GraphStatistics, question: PageQuestion) -> list[PageRow]:
    """Up to `first + 1` exercises after the cursor (the extra one tells whether a next page exists); read
    backward, up to `first + 1` before it, the nearest first (the extra one tells whether a previous page exists)."""
    page_walk, sorted_page, walk_cut = BACKWARD if question.backward else FORWARD
    page_params = {
        **question.filter,
        "sort": question.sort,
        "after": question.after,
        "before": question.before,
        "limit": question.first + 1,
    }
    walk = await _walk(store, statistics, question)
    if walk is None:
        return _page(await store.read(sorted_page, page_params))
    walked = {**page_params, "walk": walk, "name_ceiling": NAME_CEILING}
    rows = await store.read(page_walk, walked)
    # A short page is complete if the walk reached the index's end (a last page); if it met its bound with entries
    # still after it, the source answers for certain.
    short = len(rows) < question.first + 1 and walk != plans.UNBOUNDED_WALK
    if short and (await store.read(walk_cut, walked))[0]["cut"]:
        rows = await store.read(sorted_page, page_params)
    return _page(rows)


async def exercises_page_and_count(
    store: Store, statistics: GraphStatistics, question: PageQuestion
) -> tuple[list[PageRow], int]:
    """A page and the filter's count, sent together: the count does not depend on the page."""
    rows, count = await asyncio.gather(
        exercises_page(store, statistics, question), count_exercises(store, question.filter)
    )
    return rows, count


async def count_exercises(store: Store, filter: Mapping[str, Any]) -> int:
    rows = await store.read(*plans.count_statement(filter))
    return int(rows[0]["total"]) if rows else 0


async def _walk(store: Store, statistics: GraphStatistics, question: PageQuestion) -> int | None:
    """The name-index walk of plans.page_walk, or None to sort: difficulty order, and an engine without
    index-ordered reads (the embedded one), always sort."""
    if question.sort != "NAME" or not store.ordered_index_reads:
        return None
    field = plans.source_field(question.filter)
    if field is None:
        return plans.UNBOUNDED_WALK
    # One after the other: both are nearly always known, and gathering them would start two tasks a request.
    sizes = await statistics.source_sizes()
    total = await statistics.exercise_count()
    source = sum(sizes.get((field, slug), 0) for slug in question.filter[field])
    return plans.page_walk(source=source, limit=question.first + 1, total=total)


def _page(rows: list[dict[str, Any]]) -> list[PageRow]:
    return cast(list[PageRow], rows)
