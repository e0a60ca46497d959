"""A real Uvicorn server, started as users start it (`graph-service serve`), queried with a GraphQL client."""

import gc
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from gql import Client, gql
from gql.transport.httpx import HTTPXAsyncTransport

from graph_service.app import GC_THRESHOLDS, tune_collector
from graph_service.config import Settings

pytestmark = pytest.mark.slow  # starts the service as a process

READY_TIMEOUT_S = 60


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(engine: str, settings: Settings, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "EMBEDDED_"))}
    if engine == "neo4j":
        request.getfixturevalue("kb_store")  # the server reads the knowledge base the tests loaded
        env |= {
            "NEO4J_URI": str(settings.neo4j_uri),
            "NEO4J_USER": settings.neo4j_user,
            "NEO4J_PASSWORD": settings.neo4j_password.get_secret_value(),
            # GraphiQL and introspection, off by default with Neo4j (test_exposure.py), as on the embedded engine
            "GRAPHIQL": "true",
            "INTROSPECTION": "true",
        }
    else:
        # A fresh data file: the embedded engine seeds the bundled knowledge base on first start.
        env |= {"EMBEDDED_DB_PATH": str(tmp_path / "served.db")}
    port = free_port()
    log = (tmp_path / "server.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "graph_service", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + READY_TIMEOUT_S
        while True:
            assert process.poll() is None, (tmp_path / "server.log").read_text()
            try:
                if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "server not ready in time:\n" + (tmp_path / "server.log").read_text()
            time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


async def test_graphql_client_against_a_running_server(server: str) -> None:
    transport = HTTPXAsyncTransport(url=f"{server}/graphql")
    async with Client(transport=transport, fetch_schema_from_transport=True) as session:
        result = await session.execute(
            gql("""{
          exercise(slug: "barbell-hip-thrust") {
            name targets { slug } equipment { slug }
            alternatives(first: 5) { score exercise { slug } }
          }
          facets { difficulties { value count } }
        }""")
        )
    x = result["exercise"]
    assert x["name"] == "Barbell Hip Thrust"
    assert x["targets"] == [{"slug": "glutes"}] and x["equipment"] == [{"slug": "barbell"}, {"slug": "bench"}]
    assert len(x["alternatives"]) == 5
    assert {d["value"] for d in result["facets"]["difficulties"]} == {"BEGINNER", "INTERMEDIATE", "ADVANCED"}


async def test_graphiql_and_health_endpoints(server: str) -> None:
    async with httpx.AsyncClient(base_url=server) as client:
        page = await client.get("/graphql", headers={"accept": "text/html"})
        assert page.status_code == 200 and "graphiql" in page.text.lower()
        assert (await client.get("/healthz")).json() == {"status": "ok"}


def test_a_serving_process_freezes_what_start_up_built_and_collects_less_often() -> None:
    before = gc.get_threshold()
    try:
        tune_collector()
        assert gc.get_threshold() == GC_THRESHOLDS
        assert GC_THRESHOLDS[0] > before[0]
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
