"""Facts about the graph that change only when it is loaded, cached per store for a minute.

A hint may be up to a minute old. Each use tolerates that: the exercise count and the source sizes only steer a
choice between plans that give the same answer, and known taxonomy slugs are read again before a slug is called
unknown.
"""

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any
from weakref import WeakKeyDictionary

from graph_service.queries import Q
from graph_service.store import Store

HINT_TTL_S = 60.0
# Per store and hint: the value and when its read started; and the read under way, which concurrent callers share.
_values: "WeakKeyDictionary[Store, dict[str, tuple[float, Any]]]" = WeakKeyDictionary()
_reading: "WeakKeyDictionary[Store, dict[str, tuple[float, asyncio.Future[Any]]]]" = WeakKeyDictionary()


async def _hint[T](store: Store, name: str, read: Callable[[], Awaitable[T]], *, fresh: bool = False) -> T:
    values, reading = _values.setdefault(store, {}), _reading.setdefault(store, {})
    if not fresh and name in values and time.monotonic() - values[name][0] <= HINT_TTL_S:
        return values[name][1]  # type: ignore[no-any-return]
    # A fresh caller wants a read that starts now, not one already under way.
    if fresh or name not in reading:
        task = asyncio.ensure_future(read())
        reading[name] = (time.monotonic(), task)

        def forget(done: "asyncio.Future[Any]") -> None:
            if reading.get(name, (0.0, None))[1] is done:  # unless a fresh read has taken its place since
                del reading[name]

        task.add_done_callback(forget)
    started, under_way = reading[name]
    # Shielded: one caller going away does not cancel the read the others wait for.
    value: T = await asyncio.shield(under_way)
    # A read that started earlier and finished later does not replace a newer value.
    if name not in values or values[name][0] <= started:
        values[name] = (started, value)
    return value


async def exercise_count_hint(store: Store) -> int:
    async def read() -> int:
        return int((await store.read(Q.EXERCISE_TOTAL))[0]["total"])

    return await _hint(store, "exercises", read)


async def known_slugs(store: Store, *, fresh: bool = False) -> dict[str, frozenset[str]]:
    """The slugs of every muscle, piece of equipment and body part, by kind (muscle, equipment, bodyPart)."""

    async def read() -> dict[str, frozenset[str]]:
        known: dict[str, set[str]] = {"muscle": set(), "equipment": set(), "bodyPart": set()}
        for row in await store.read(Q.TAXONOMY_SLUGS):
            known[row["kind"]].add(row["slug"])
        return {kind: frozenset(slugs) for kind, slugs in known.items()}

    return await _hint(store, "taxonomy", read, fresh=fresh)


async def source_sizes(store: Store) -> dict[tuple[str, str], int]:
    """How many exercises each taxonomy node leads to, by (filter field, slug): see cypher/source_sizes.cypher."""

    async def read() -> dict[tuple[str, str], int]:
        return {(row["field"], row["slug"]): int(row["size"]) for row in await store.read(Q.SOURCE_SIZES)}

    return await _hint(store, "source sizes", read)
