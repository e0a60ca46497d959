"""The floor: the Cypher statements the service runs for a request, sent straight through the official driver.

Recording: each request body goes once through the service's own schema in-process, with the store wrapped to
note every statement, its parameters and when it ran. Statements that overlapped in time form one wave (the
service ran them concurrently); a new wave starts once something of the previous one had returned.

Replaying: a bare ASGI app under Uvicorn, with as many workers as the service, looks the request body up in the
recorded plans and runs its waves with `AsyncDriver.execute_query`, routed as the service routes them, and
answers the raw records as JSON. The floor pays for HTTP, Uvicorn, the driver and Neo4j: everything except the
GraphQL layer (parsing, validation, resolvers, DataLoaders, shaping the answer).
"""

import asyncio
import json
import os
import time
from collections.abc import Awaitable, Callable, MutableMapping, Sequence
from pathlib import Path
from typing import Any, LiteralString, cast

import neo4j
from neo4j import AsyncDriver, AsyncGraphDatabase, RoutingControl

from graph_service.api.context import Context
from graph_service.api.schema import schema
from graph_service.config import Settings
from graph_service.statistics import GraphStatistics
from graph_service.store import Store

Statement = dict[str, Any]  # {"cypher": str, "params": dict, "write": bool}
Plan = list[list[Statement]]  # waves of statements run concurrently
Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]


def body_key(body: dict[str, Any]) -> str:
    """The canonical text of a request body: plans are keyed by it."""
    return json.dumps(body, separators=(",", ":"))


def _waves(calls: list[tuple[float, float, Statement]]) -> Plan:
    waves: Plan = []
    first_end = float("inf")
    for start, end, statement in sorted(calls, key=lambda c: c[0]):
        if not waves or start >= first_end:
            waves.append([])
            first_end = end
        waves[-1].append(statement)
        first_end = min(first_end, end)
    return waves


async def record_plans(store: Store, settings: Settings, bodies: Sequence[dict[str, Any]]) -> dict[str, Plan]:
    """Run each body through the service's schema on `store`; return its statement plan, keyed by `body_key`."""
    calls: list[tuple[float, float, Statement]] = []
    original = store._run

    async def noting(statement: str, params: dict[str, Any], *, write: bool) -> list[dict[str, Any]]:
        start = time.perf_counter()
        rows = await original(statement, params, write=write)
        calls.append((start, time.perf_counter(), {"cypher": statement, "params": params, "write": write}))
        return rows

    statistics = GraphStatistics(store)

    async def execute(body: dict[str, Any]) -> None:
        context = Context(store=store, statistics=statistics, settings=settings)
        result = await schema.execute(body["query"], variable_values=body.get("variables"), context_value=context)
        if result.errors:
            raise RuntimeError(f"the service failed a workload while recording: {result.errors[0]}")

    # Each body once unrecorded first: that reads the graph statistics (graph_service.statistics) a serving process
    # keeps warm, so no plan carries a hint read for the floor to replay on every request.
    for body in bodies:
        await execute(body)
    store._run = noting  # type: ignore[method-assign]
    plans: dict[str, Plan] = {}
    try:
        for body in bodies:
            calls.clear()
            await execute(body)
            plans[body_key(body)] = _waves(calls)
    finally:
        store._run = original  # type: ignore[method-assign]
    json.dumps(plans)  # every parameter must travel as JSON to the floor server
    return plans


class FloorApp:
    """POST /graphql replays a recorded plan; GET /readyz answers once the driver is connected."""

    def __init__(self, uri: str, database: str, plans: dict[str, Plan], timeout: float) -> None:
        self.uri, self.database, self.plans, self.timeout = uri, database, plans, timeout
        self.driver: AsyncDriver | None = None

    async def _run(self, statement: Statement) -> list[dict[str, Any]]:
        assert self.driver is not None
        records, _, _ = await self.driver.execute_query(
            neo4j.Query(cast(LiteralString, statement["cypher"]), timeout=self.timeout),
            statement["params"],
            database_=self.database,
            routing_=RoutingControl.WRITE if statement["write"] else RoutingControl.READ,
        )
        return [r.data() for r in records]

    async def answer(self, body: bytes) -> tuple[int, bytes]:
        try:
            plan = self.plans.get(body_key(json.loads(body)))  # parsing the body is work the service does too
        except ValueError:
            plan = None
        if plan is None:
            return 404, b'{"errors": [{"message": "no recorded plan for this body"}]}'
        out: list[list[list[dict[str, Any]]]] = []
        for wave in plan:
            out.append(list(await asyncio.gather(*(self._run(s) for s in wave))))
        return 200, json.dumps({"data": out}, default=str).encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    self.driver = AsyncGraphDatabase.driver(
                        self.uri, auth=None, max_connection_pool_size=50, notifications_min_severity="OFF"
                    )
                    await self.driver.verify_connectivity()
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    if self.driver:
                        await self.driver.close()
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        if scope["path"] == "/graphql" and scope["method"] == "POST":
            status, payload = await self.answer(body)
        else:
            status, payload = (200, b'{"status":"ready"}') if scope["path"] == "/readyz" else (404, b"{}")
        headers = [(b"content-type", b"application/json")]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": payload})


def create_app() -> FloorApp:
    """Uvicorn factory: NEO4J_URI, NEO4J_DATABASE and FLOOR_PLANS (the recorded plans as JSON) from the environment."""
    plans = json.loads(Path(os.environ["FLOOR_PLANS"]).read_text(encoding="utf-8"))
    return FloorApp(os.environ["NEO4J_URI"], os.environ.get("NEO4J_DATABASE", "neo4j"), plans, timeout=10.0)


def serve(port: int, workers: int) -> None:
    """Run the floor under Uvicorn as `graph-service serve` runs the service, with TCP_NODELAY on every connection.

    Uvicorn's multi-worker path binds its listener with protocol 0, so asyncio leaves Nagle's algorithm on for
    accepted connections (every keep-alive response then waits for a delayed ACK); binding the listener as TCP
    here keeps the floor the best this server stack can do.
    """
    import inspect
    import socket

    import uvicorn
    from uvicorn.supervisors import Multiprocess

    config = uvicorn.Config(
        "benchmarks.floor:create_app", factory=True, host="127.0.0.1", port=port, workers=workers,
        access_log=False, log_level="warning",
    )  # fmt: skip
    if workers == 1:
        uvicorn.Server(config).run()
        return
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    sock.set_inheritable(True)
    arguments: dict[str, Any] = {"sockets": [sock]}
    if "target" in inspect.signature(Multiprocess).parameters:  # older uvicorn takes the server's run method
        arguments["target"] = uvicorn.Server(config).run
    Multiprocess(config, **arguments).run()


if __name__ == "__main__":
    import sys

    serve(port=int(sys.argv[1]), workers=int(sys.argv[2]))
