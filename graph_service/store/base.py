"""The one interface the rest of the package uses to reach a graph engine."""

import asyncio
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from graph_service.queries import CypherLibrary, Q

Row = dict[str, Any]
Params = Mapping[str, Any]


class Store(ABC):
    """Runs named statements from the Cypher library and returns plain Python rows.

    `round_trips` counts statements sent to the engine; tests use it to prove that the API batches.
    """

    engine: str
    # Whether the engine reads a range index in the index's order, so that ORDER BY ... LIMIT stops early.
    ordered_index_reads: bool

    def __init__(self, queries: CypherLibrary, *, write_concurrency: int = 1) -> None:
        self.queries = queries
        self.round_trips = 0
        # How many batch transactions a load keeps in flight (see write_each).
        self.write_concurrency = write_concurrency

    async def read(self, name: Q, params: Params | None = None) -> list[Row]:
        self.round_trips += 1
        return await self._run(self.queries[name], dict(params or {}), write=False)

    async def write(self, name: Q, params: Params | None = None) -> list[Row]:
        self.round_trips += 1
        return await self._run(self.queries[name], dict(params or {}), write=True)

    async def write_batches(
        self,
        name: Q,
        rows: Sequence[Mapping[str, Any]],
        *,
        batch_size: int,
        params: Params | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> None:
        """Send `rows` as `$rows` in slices of `batch_size`; each slice is one atomic transaction."""
        slices = ([dict(r) for r in rows[start : start + batch_size]] for start in range(0, len(rows), batch_size))
        await self.write_each(name, slices, params=params, progress=progress)

    async def write_each(
        self,
        name: Q,
        batches: Iterable[list[Row]],
        *,
        params: Params | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> None:
        """Send each batch as `$rows`, one atomic transaction per batch, up to `write_concurrency` at once.

        Batches are drawn from `batches` only when a transaction slot is free, so a generator builds each one
        just before it is sent. The statement must not depend on the order of batches. On the first failure no
        further batch is sent, the ones in flight finish or fail, and the failure is raised.
        """
        source = iter(batches)
        failed: list[BaseException] = []

        async def send_until_done() -> None:
            for chunk in source:
                if failed:
                    return
                try:
                    await self.write(name, {**(params or {}), "rows": chunk})
                except Exception as e:
                    failed.append(e)
                    return
                if progress:
                    progress(len(chunk))

        await asyncio.gather(*(send_until_done() for _ in range(self.write_concurrency)))
        if failed:
            raise failed[0]

    async def apply_schema(self) -> None:
        """Create constraints and indexes; safe to run again."""
        for statement in self.queries.schema_statements():
            self.round_trips += 1
            await self._run(statement, {}, write=True)

    async def ping(self) -> None:
        await self.read(Q.PING)

    @abstractmethod
    async def _run(self, statement: str, params: dict[str, Any], *, write: bool) -> list[Row]: ...

    @abstractmethod
    async def close(self) -> None: ...
