"""The one interface the rest of the package uses to reach a graph engine."""

import asyncio
import time
import uuid
from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, asynccontextmanager, contextmanager
from itertools import islice
from typing import Any, LiteralString, Protocol

from graph_service.errors import GraphServiceError, StoreError, StoreTimeout
from graph_service.queries import CypherLibrary, Q

Row = dict[str, Any]
Params = Mapping[str, Any]
# Building the indexes of a 100k-exercise graph takes seconds; a graph many times larger stays well inside this.
INDEX_WAIT_S = 600.0
INDEX_POLL_S = 0.1


class StoreObserver(Protocol):
    """What a store reports as it runs (graph_service.operations.metrics counts it)."""

    def statement(self, name: str, seconds: float, outcome: str) -> None: ...

    def engine_restarted(self) -> None: ...


class StatementTracer(Protocol):
    """Spans around statements (graph_service.operations.spans), named by the statement; never their values."""

    def statement(self, name: str, *, engine: str, write: bool) -> AbstractContextManager[object]: ...


class Store(ABC):
    """Runs named statements from the Cypher library and returns plain Python rows.

    `round_trips` counts statements sent to the engine; tests use it to prove that the API batches, and
    `recording()` lists them by name. `generation` counts the writes made through this store, so that what is
    derived from the graph's contents (graph_service.statistics) knows when to read it again.
    """

    engine: str
    # Whether the engine reads a range index in the index's order, so that ORDER BY ... LIMIT stops early.
    ordered_index_reads: bool
    # The service's own deadline for one read, on top of the engine's: a database that stops answering
    # (frozen, or a half-open connection) never triggers its own timeout. None: no deadline of the service's.
    statement_timeout: float | None = None
    observer: StoreObserver | None = None
    tracer: StatementTracer | None = None

    def __init__(self, queries: CypherLibrary, *, write_concurrency: int = 1) -> None:
        self.queries = queries
        self.round_trips = 0
        self.generation = 0
        self._logs: list[list[str]] = []
        # How many batch transactions a load keeps in flight (see write_each).
        self.write_concurrency = write_concurrency

    async def read(self, name: Q, params: Params | None = None) -> list[Row]:
        self._sent(name.value, write=False)
        return await self._timed(name.value, self.queries[name], dict(params or {}), write=False)

    async def write(self, name: Q, params: Params | None = None) -> list[Row]:
        self._sent(name.value, write=True)
        try:
            return await self._timed(name.value, self.queries[name], dict(params or {}), write=True)
        finally:
            self.generation += 1

    async def run_text(self, statement: LiteralString, params: Params | None = None, *, write: bool) -> list[Row]:
        """Run a statement that is not in the library: the Browser kit's queries, and checks of the graph made by
        tools and tests. Its text is the caller's own, never a request's; values go in `params`."""
        self._sent("(text)", write=write)
        try:
            return await self._timed("(text)", statement, dict(params or {}), write=write)
        finally:
            if write:
                self.generation += 1

    @contextmanager
    def recording(self) -> Iterator[list[str]]:
        """Yields the list of the names of the statements sent while the block runs, in the order sent."""
        log: list[str] = []
        self._logs.append(log)
        try:
            yield log
        finally:
            self._logs.remove(log)

    async def _timed(self, name: str, statement: str, params: dict[str, Any], *, write: bool) -> list[Row]:
        if self.tracer is None:
            return await self._observed(name, statement, params, write=write)
        with self.tracer.statement(name, engine=self.engine, write=write):
            return await self._observed(name, statement, params, write=write)

    async def _observed(self, name: str, statement: str, params: dict[str, Any], *, write: bool) -> list[Row]:
        """Run one statement under the service's deadline, reporting its time and outcome to the observer."""
        started = time.perf_counter()
        outcome = "OK"
        try:
            # Writes are loads' batches, bounded by the engine's own timeout; a busy engine may take long on them.
            async with asyncio.timeout(None if write else self.statement_timeout) as deadline:
                return await self._run(statement, params, write=write)
        except TimeoutError as e:
            if not deadline.expired():
                raise
            outcome = StoreTimeout.code
            raise StoreTimeout(f"the {self.engine} engine did not answer within {self.statement_timeout:.1f} s") from e
        except GraphServiceError as e:
            outcome = e.code
            raise
        except asyncio.CancelledError:
            outcome = "CANCELLED"
            raise
        except BaseException:
            outcome = "INTERNAL_SERVER_ERROR"
            raise
        finally:
            if self.observer is not None:
                self.observer.statement(name, time.perf_counter() - started, outcome)

    def _sent(self, name: str, *, write: bool) -> None:
        self.round_trips += 1
        for log in self._logs:
            log.append(name)

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
    ) -> list[Row]:
        """Send each batch as `$rows`, one atomic transaction per batch, up to `write_concurrency` at once.

        Batches are drawn from `batches` only when a transaction slot is free, so a generator builds each one
        just before it is sent. The statement must not depend on the order of batches. On the first failure no
        further batch is sent, the ones in flight finish or fail, and the failure is raised. Returns the rows
        every batch returned, in no particular order.
        """
        source = iter(batches)
        failed: list[BaseException] = []
        returned: list[Row] = []

        async def send_until_done(limit: int | None = None) -> None:
            for chunk in islice(source, limit):
                if failed:
                    return
                try:
                    returned.extend(await self.write(name, {**(params or {}), "rows": chunk}))
                except Exception as e:
                    failed.append(e)
                    return
                if progress:
                    progress(len(chunk))

        # The first batch goes alone: the engine plans the statement once, then the others share that plan.
        await send_until_done(1)
        await asyncio.gather(*(send_until_done() for _ in range(self.write_concurrency)))
        if failed:
            raise failed[0]
        return returned

    async def apply_schema(self) -> None:
        """Create the slug keys and the read indexes, then wait until every index serves reads; safe to run again."""
        await self.apply_keys()
        await self.apply_indexes()

    @asynccontextmanager
    async def loading(self) -> AsyncIterator[None]:
        """The one order of a load: the slug keys before the block's writes, the read indexes after them.

        A new graph then builds its indexes once from its nodes instead of updating them batch by batch. The
        indexes are applied only when the block succeeds; a failed load leaves them as they were.

        The graph is marked as loading (a `GraphLoad` node) before the first write and complete (the node
        removed) after the indexes: a load that fails or is killed leaves the mark, and the service answers
        `SERVICE_UNAVAILABLE` instead of serving part of a graph until a load completes.
        """
        await self.apply_keys()
        await self.write(Q.LOAD_BEGIN, {"started_at": time.time()})
        begun = self.generation
        yield
        await self.apply_indexes()
        if self.generation != begun:
            await self.mark_changed()
        await self.write(Q.LOAD_COMPLETE)
        await self.persist()

    async def mark_changed(self) -> None:
        """A new version of the graph, for what is derived from its answers (the ETags of cached GET answers):
        every load that wrote, and every repair, ends with it."""
        await self.write(Q.MARK_GRAPH_CHANGED, {"token": uuid.uuid4().hex, "changed_at": time.time()})

    async def load_in_progress(self) -> bool:
        """Whether the last load of the graph has not completed (it is running, failed or was killed).

        The service's probes ask this on their own schedule, so it is not counted among `round_trips`, which
        measure what requests send."""
        return bool(await self._timed(Q.LOAD_STATE.value, self.queries[Q.LOAD_STATE], {}, write=False))

    async def persist(self) -> None:
        """Make what was written survive a crash of the engine; engines that write through do nothing."""
        return None

    async def apply_keys(self) -> None:
        """The unique slug constraints, which every load and lookup by slug needs before anything is written."""
        await self._apply_statements(Q.SCHEMA)

    async def apply_indexes(self) -> None:
        """The read indexes, created where missing, then waited for. A load calls this after its writes, so a new
        graph builds them once from its nodes instead of updating them batch by batch."""
        await self._apply_statements(Q.INDEXES)
        await self.await_indexes()

    async def _apply_statements(self, name: Q) -> None:
        for statement in self.queries.schema_statements(name):
            self._sent(name.value, write=True)
            await self._run(statement, {}, write=True)

    async def await_indexes(self, *, within_s: float = INDEX_WAIT_S) -> None:
        """Return once no index is still being built; a failed index, or one still building after `within_s`
        seconds, is an error naming it."""
        deadline = time.monotonic() + within_s
        while pending := await self.read(Q.PENDING_INDEXES):
            states = ", ".join(f"{row['name']} ({row['state']})" for row in pending)
            if any(row["state"] == "FAILED" for row in pending):
                raise StoreError(f"{self.engine} failed to build an index: {states}")
            if time.monotonic() > deadline:
                raise StoreError(f"{self.engine} indexes still building after {within_s:.0f} s: {states}")
            await asyncio.sleep(INDEX_POLL_S)

    async def ping(self) -> None:
        await self.read(Q.PING)

    async def plan(self, name: Q, params: Params | None = None) -> list[str]:
        """The operators the engine plans for a library statement, without running it: one line each, the
        operator's name, then what it reads (for example `NodeByLabelScan | e:Exercise`)."""
        return await self._plan(self.queries[name], dict(params or {}))

    @abstractmethod
    async def _run(self, statement: str, params: dict[str, Any], *, write: bool) -> list[Row]: ...

    @abstractmethod
    async def _plan(self, statement: str, params: dict[str, Any]) -> list[str]: ...

    @abstractmethod
    async def close(self) -> None: ...
