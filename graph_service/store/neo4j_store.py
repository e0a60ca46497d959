"""Neo4j through the official async driver: one driver per process, reads routed to readers."""

import asyncio
from typing import Any

import neo4j
from neo4j import AsyncDriver, AsyncGraphDatabase, RoutingControl
from neo4j.exceptions import (
    ConnectionAcquisitionTimeoutError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
)
from neo4j.graph import Node, Path, Relationship

from graph_service.config import Settings
from graph_service.errors import StoreError, StoreTimeout, StoreUnavailable
from graph_service.queries import CypherLibrary
from graph_service.store.base import Row, Store

GRAPH_VALUES = (Node, Relationship, Path)
READ_ATTEMPTS = 3
READ_RETRY_DELAY_S = 0.2
# Neo.ClientError.Transaction.TransactionTimedOut and ...TimedOutClientConfiguration: the server's own deadline.
SERVER_TIMEOUT = "TransactionTimedOut"
# Two processes applying the same `CREATE ... IF NOT EXISTS` at once (several workers starting on one graph): the
# later one is told an equivalent rule exists, which is what it asked for.
SCHEMA_RULE_RACED = "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists"


class Neo4jStore(Store):
    engine = "neo4j"
    ordered_index_reads = True

    def __init__(
        self, driver: AsyncDriver, queries: CypherLibrary, *, database: str, timeout: float, write_concurrency: int = 1
    ) -> None:
        super().__init__(queries, write_concurrency=write_concurrency)
        self._driver = driver
        self._database = database
        self._timeout = timeout

    @classmethod
    async def connect(cls, settings: Settings, queries: CypherLibrary) -> "Neo4jStore":
        assert settings.neo4j_uri
        password = settings.neo4j_password.get_secret_value()
        auth = (settings.neo4j_user, password) if password else None
        driver = AsyncGraphDatabase.driver(
            settings.neo4j_uri,
            auth=auth,
            max_connection_pool_size=settings.neo4j_max_pool_size,
            connection_timeout=settings.neo4j_connection_timeout,
            connection_acquisition_timeout=settings.neo4j_acquisition_timeout,
            # A connection idle this long is checked before it is used: after Neo4j restarts, no statement is
            # sent on a connection from before the outage.
            liveness_check_timeout=settings.neo4j_liveness_check_timeout,
            # Optional properties (force, sources) are absent on many nodes by design; the server's
            # "property does not exist" notices would only flood the log.
            notifications_min_severity="OFF",
        )
        store = cls(
            driver,
            queries,
            database=settings.neo4j_database,
            timeout=settings.query_timeout,
            write_concurrency=settings.write_concurrency,
        )
        try:
            await driver.verify_connectivity()
        except (DriverError, Neo4jError, OSError) as e:
            await driver.close()
            raise StoreUnavailable(f"Neo4j at {settings.neo4j_uri} is not reachable: {e}") from e
        return store

    async def _run(self, statement: str, params: dict[str, Any], *, write: bool) -> list[Row]:
        # Statements come only from the Cypher library (see graph_service.queries), never from a request.
        query = neo4j.Query(statement, timeout=self._timeout)
        try:
            if not write:
                return await self._read(query, params)
            records, _, _ = await self._driver.execute_query(
                query, params, database_=self._database, routing_=RoutingControl.WRITE
            )
        except ConnectionAcquisitionTimeoutError as e:
            raise StoreTimeout(f"no connection to Neo4j came free in time: {e}") from e
        except (ServiceUnavailable, SessionExpired, OSError) as e:
            raise StoreUnavailable(f"Neo4j went away: {e}") from e
        except Neo4jError as e:
            if SERVER_TIMEOUT in (e.code or ""):
                raise StoreTimeout(f"Neo4j ran out of time: {e.message}") from e
            if e.code == SCHEMA_RULE_RACED:
                return []
            raise StoreError(f"Neo4j refused a statement: {e}") from e
        except DriverError as e:
            raise StoreError(f"Neo4j refused a statement: {e}") from e
        return [record.data() for record in records]

    async def _plan(self, statement: str, params: dict[str, Any]) -> list[str]:
        try:
            async with self._driver.session(database=self._database, default_access_mode=neo4j.READ_ACCESS) as s:
                summary = await (await s.run(neo4j.Query("EXPLAIN " + statement), params)).consume()
        except (ServiceUnavailable, SessionExpired, OSError) as e:
            raise StoreUnavailable(f"Neo4j went away: {e}") from e
        except (Neo4jError, DriverError) as e:
            raise StoreError(f"Neo4j refused a statement: {e}") from e

        def lines(operator: dict[str, Any]) -> list[str]:
            name = str(operator["operatorType"]).split("@")[0]
            details = operator.get("args", {}).get("Details", "")
            return [f"{name} | {details}", *(line for child in operator.get("children", []) for line in lines(child))]

        return lines(summary.plan) if summary.plan else []

    async def _read(self, query: neo4j.Query, params: dict[str, Any]) -> list[Row]:
        """A read as one auto-commit statement: one network round trip where a managed transaction takes two
        (BEGIN with RUN, then COMMIT). Reads change nothing, so one that fails retryably is simply sent again."""
        last: Exception | None = None
        for attempt in range(READ_ATTEMPTS):
            try:
                async with self._driver.session(
                    database=self._database, default_access_mode=neo4j.READ_ACCESS
                ) as session:
                    result = await session.run(query, params)
                    keys = result.keys()
                    records = [record async for record in result]
                    if records and any(isinstance(v, GRAPH_VALUES) for v in records[0]):
                        # Nodes, relationships or paths (the analysts' queries) become plain data.
                        return [record.data() for record in records]
                    # The library's statements return plain values, which need no conversion.
                    return [dict(zip(keys, record, strict=True)) for record in records]
            except (ServiceUnavailable, SessionExpired) as e:
                if attempt + 1 == READ_ATTEMPTS:
                    raise
                last = e
            except Neo4jError as e:
                if not e.is_retryable() or attempt + 1 == READ_ATTEMPTS:
                    raise
                last = e
            await asyncio.sleep(READ_RETRY_DELAY_S * (attempt + 1))
        raise StoreUnavailable(f"Neo4j went away: {last}")

    async def close(self) -> None:
        await self._driver.close()
