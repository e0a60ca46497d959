"""Graph statistics: facts about the graph's contents that steer plan choices and input checks.

An owned object, one per store, made by whoever opens the store (the app's lifespan, graph_service.store.session)
and handed to each request. A value is kept for `ttl` seconds of the injected clock, and forgotten as soon as the
store has written anything since it was read: a load or an import in this process is seen at once, one made by
another process within `ttl`. Each use tolerates that delay: the exercise count and the source sizes only choose
between plans that give the same answer, and the known slugs are read again before a slug is called unknown.
"""

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from graph_service.model import TaxonomyKind
from graph_service.queries import Q
from graph_service.store import Store

TTL_S = 60.0
# The graph version is one node read by label and key; the ETags built on it should follow a load soon.
VERSION_TTL_S = 5.0
Clock = Callable[[], float]


@dataclass(frozen=True)
class _Value:
    value: Any
    started: float  # on the clock, when the read that produced it started
    order: int  # reads are numbered as they start
    generation: int  # the store's write count then


@dataclass(frozen=True)
class _Reading:
    future: "asyncio.Future[Any]"
    started: float
    order: int
    generation: int


class GraphStatistics:
    def __init__(self, store: Store, *, ttl: float = TTL_S, clock: Clock = time.monotonic) -> None:
        self.store = store
        self.ttl = ttl
        self.clock = clock
        self._values: dict[str, _Value] = {}
        self._reading: dict[str, _Reading] = {}
        self._reads = 0

    def invalidate(self) -> None:
        """Forget every value (reads under way still answer their own callers)."""
        self._values.clear()

    async def exercise_count(self) -> int:
        async def read() -> int:
            return int((await self.store.read(Q.EXERCISE_TOTAL))[0]["total"])

        return await self._get("exercises", read)

    async def source_sizes(self) -> dict[tuple[str, str], int]:
        """How many exercises each taxonomy node leads to, by (filter field, slug): see cypher/source_sizes.cypher."""

        async def read() -> dict[tuple[str, str], int]:
            rows = await self.store.read(Q.SOURCE_SIZES)
            return {(row["field"], row["slug"]): int(row["size"]) for row in rows}

        return await self._get("source sizes", read)

    async def graph_version(self) -> str:
        """The version token the last load wrote ("none" before any), kept for `VERSION_TTL_S`: a load made by
        another process (the CLI) changes the ETags of cached answers within that time."""

        async def read() -> str:
            rows = await self.store.read(Q.GRAPH_VERSION)
            return str(rows[0]["token"]) if rows else "none"

        return await self._get("version", read, ttl=min(self.ttl, VERSION_TTL_S))

    async def per_version[T](self, name: str, read: Callable[[], Awaitable[T]]) -> T:
        """A value that answers depend on (the taxonomy a plan is measured against): read again as soon as a load
        has renewed the graph version (seen within `VERSION_TTL_S`), and at the latest after `ttl` for edits made
        around the loads (in Neo4j Browser)."""
        version = await self.graph_version()
        key = f"{name}@{version}"
        for stale in [k for k in self._values if k.startswith(f"{name}@") and k != key]:
            del self._values[stale]
        return await self._get(key, read)

    async def known_slugs(self, *, fresh: bool = False) -> dict[TaxonomyKind, frozenset[str]]:
        """The slugs of every muscle, muscle group, piece of equipment, body part and movement pattern; `fresh`
        reads them again now."""
        terms = await self.known_terms(fresh=fresh)
        return {kind: frozenset(slugs) for kind, slugs in terms.items()}

    async def known_terms(self, *, fresh: bool = False) -> dict[TaxonomyKind, dict[str, tuple[str, ...]]]:
        """Each known slug by kind with the words that name its node (the slug, the name, the aliases): the same
        read as `known_slugs`, for suggesting the closest slugs to an unknown one."""
        return (await self._taxonomy(fresh=fresh))[0]

    async def group_members(self, *, fresh: bool = False) -> dict[str, tuple[str, ...]]:
        """Each muscle group's slug with its muscles' slugs: the same read as `known_slugs`."""
        return (await self._taxonomy(fresh=fresh))[1]

    async def _taxonomy(
        self, *, fresh: bool
    ) -> tuple[dict[TaxonomyKind, dict[str, tuple[str, ...]]], dict[str, tuple[str, ...]]]:
        async def read() -> tuple[dict[TaxonomyKind, dict[str, tuple[str, ...]]], dict[str, tuple[str, ...]]]:
            known: dict[TaxonomyKind, dict[str, tuple[str, ...]]] = {kind: {} for kind in TaxonomyKind}
            members: dict[str, tuple[str, ...]] = {}
            for row in await self.store.read(Q.TAXONOMY_SLUGS):
                names = [row["slug"], row.get("name"), *(row.get("aliases") or [])]
                known[TaxonomyKind(row["kind"])][row["slug"]] = tuple(str(n) for n in names if n)
                if row["kind"] == TaxonomyKind.MUSCLE_GROUP:
                    members[row["slug"]] = tuple(sorted(row.get("members") or []))
            return known, members

        return await self._get("taxonomy", read, fresh=fresh)

    def _current(self, value: _Value, ttl: float) -> bool:
        return value.generation == self.store.generation and self.clock() - value.started <= ttl

    async def _get[T](
        self, name: str, read: Callable[[], Awaitable[T]], *, fresh: bool = False, ttl: float | None = None
    ) -> T:
        known = self._values.get(name)
        if not fresh and known is not None and self._current(known, self.ttl if ttl is None else ttl):
            return known.value  # type: ignore[no-any-return]
        under_way = self._reading.get(name)
        # A fresh caller, or one that saw a write since the read under way started, wants a read that starts now.
        if fresh or under_way is None or under_way.generation != self.store.generation:
            self._reads += 1
            under_way = _Reading(asyncio.ensure_future(read()), self.clock(), self._reads, self.store.generation)
            self._reading[name] = under_way

            def forget(done: "asyncio.Future[Any]", name: str = name) -> None:
                reading = self._reading.get(name)
                if reading is not None and reading.future is done:  # unless a newer read has taken its place
                    del self._reading[name]

            under_way.future.add_done_callback(forget)
        # Shielded: one caller going away does not cancel the read the others wait for.
        value: T = await asyncio.shield(under_way.future)
        # A read that started earlier and finished later does not replace a newer value.
        known = self._values.get(name)
        if known is None or known.order <= under_way.order:
            self._values[name] = _Value(value, under_way.started, under_way.order, under_way.generation)
        return value
