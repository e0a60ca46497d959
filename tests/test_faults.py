"""Faults from outside, as an operator meets them: the embedded engine killed, the service killed, Neo4j frozen
(SIGSTOP) and killed and restarted on the same port and data folder, a seed killed half way. Every process is a
real one, stopped by its id; Neo4j is an instance of these tests' own, never the session's shared one."""

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from fault_harness import (
    QUERY,
    alive,
    ask,
    base_env,
    children,
    client,
    free_port,
    freeze,
    metric,
    readiness,
    serving,
    start_cli,
    start_service,
    thaw,
    wait_for,
)
from neo4j_server import Neo4jProcess, launch_neo4j

pytestmark = pytest.mark.slow

QUERY_TIMEOUT = 3.0
MAX_IN_FLIGHT = 4
LOADING = "the graph is being loaded"
# A load's batches on a busy test host may take longer than the default QUERY_TIMEOUT allows one statement.
LOAD_TIMEOUT = 120


# The embedded engine


def embedded_env(tmp_path: Path) -> dict[str, str]:
    return base_env(embedded_db_path=tmp_path / "graph.db")


def test_a_killed_embedded_engine_is_restarted_and_serves_the_same_graph(tmp_path: Path) -> None:
    with serving(embedded_env(tmp_path), tmp_path / "serve.log") as service:
        assert ask(service.base).code == "OK"
        engine = service.engine_pid()
        os.kill(engine, signal.SIGKILL)
        back = wait_for(
            lambda: (
                children(service.process.pid, "redis-server") not in ([], [engine])
                and readiness(service.base)[0] == 200
            ),
            timeout=10,
        )
        assert back is not None, service.log_tail()
        assert not alive(engine)
        assert ask(service.base).code == "OK"
        assert metric(service.base, "graph_engine_restarts_total") == 1
        assert metric(service.base, "graph_requests_in_flight") == 0


def test_a_killed_service_leaves_no_engine_and_the_next_start_owns_the_file(tmp_path: Path) -> None:
    env = embedded_env(tmp_path)
    service = start_service(env, tmp_path / "serve.log")
    try:
        service.wait_ready()
        engine = service.engine_pid()
        service.process.kill()
        service.process.wait()
        assert wait_for(lambda: not alive(engine), timeout=5) is not None, f"engine {engine} outlived the service"
    finally:
        service.stop()
    with serving(env, tmp_path / "again.log") as again:
        assert ask(again.base).code == "OK"


def test_several_workers_on_the_embedded_engine_are_refused(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "graph_service", "serve", "--port", str(free_port()), "--workers", "2"],
        env=embedded_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "WORKERS=2 needs Neo4j" in result.stderr
    assert not (tmp_path / "graph.db").exists()


# Neo4j, an instance of these tests' own on a fixed port


@dataclass
class OwnNeo4j:
    server: Neo4jProcess

    def env(self, **settings: object) -> dict[str, str]:
        return base_env(neo4j_uri=self.server.uri, neo4j_password="", **settings)

    def relaunch(self) -> None:
        self.server.stop()  # the killed launcher's pipes
        self.server = launch_neo4j(self.server.data_dir, port=self.server.port)


@pytest.fixture(scope="module")
def own_neo4j(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OwnNeo4j]:
    own = OwnNeo4j(launch_neo4j(tmp_path_factory.mktemp("fault-neo4j"), port=free_port()))
    try:
        seeded = subprocess.run(
            [sys.executable, "-m", "graph_service", "seed"],
            env=own.env(query_timeout=LOAD_TIMEOUT),
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert seeded.returncode == 0, seeded.stdout + seeded.stderr
        yield own
    finally:
        thaw(own.server.process.pid)
        own.server.stop()


def test_a_frozen_neo4j_gets_timeouts_within_the_deadline_and_bounded_requests_in_flight(
    own_neo4j: OwnNeo4j, tmp_path: Path
) -> None:
    env = own_neo4j.env(query_timeout=QUERY_TIMEOUT, max_in_flight=MAX_IN_FLIGHT, readiness_timeout=0.5)
    with serving(env, tmp_path / "serve.log") as service:
        # Warm: the statement planned and cached by Neo4j, which a loaded machine may take longer than the deadline.
        assert wait_for(lambda: ask(service.base).code == "OK", timeout=60, poll=0.1) is not None
        freeze(own_neo4j.server.process.pid)
        try:
            with ThreadPoolExecutor(12) as pool, client() as shared:
                asked = [pool.submit(ask, service.base, QUERY, 15.0, via=shared) for _ in range(12)]
                time.sleep(0.5)
                in_flight = metric(service.base, "graph_requests_in_flight")
                ready = readiness(service.base)
                health_started = time.monotonic()
                health = httpx.get(f"{service.base}/healthz", timeout=10).status_code
                health_seconds = time.monotonic() - health_started
                answers = [a.result() for a in asked]
        finally:
            thaw(own_neo4j.server.process.pid)
        assert in_flight <= MAX_IN_FLIGHT
        assert {a.code for a in answers} <= {"TIMEOUT", "OVERLOADED"} and "TIMEOUT" in {a.code for a in answers}
        assert max(a.seconds for a in answers) <= QUERY_TIMEOUT + 1, answers
        assert sum(a.code == "OVERLOADED" for a in answers) >= 12 - MAX_IN_FLIGHT
        assert ready[0] == 503 and ready[2] <= 0.5 + 1, ready
        assert health == 200 and health_seconds < 2
        # Thawed, the next request is answered from Neo4j again.
        assert wait_for(lambda: ask(service.base).code == "OK", timeout=10) is not None, service.log_tail()


def test_after_neo4j_is_killed_and_restarted_the_first_request_succeeds(own_neo4j: OwnNeo4j, tmp_path: Path) -> None:
    with serving(own_neo4j.env(), tmp_path / "serve.log") as service:
        with ThreadPoolExecutor(8) as pool, client() as shared:  # several pooled connections, from before the outage
            assert {a.code for a in pool.map(lambda _: ask(service.base, via=shared), range(16))} == {"OK"}
        own_neo4j.server.process.kill()
        own_neo4j.server.process.wait()
        down = ask(service.base)
        assert down.code == "SERVICE_UNAVAILABLE" and down.seconds < QUERY_TIMEOUT + 10, down
        assert readiness(service.base)[0] == 503
        own_neo4j.relaunch()
        first = ask(service.base)
        assert first.code == "OK", (first, service.log_tail())
        assert readiness(service.base)[0] == 200


def test_a_seed_killed_half_way_is_not_served_until_a_seed_completes(own_neo4j: OwnNeo4j, tmp_path: Path) -> None:
    env = own_neo4j.env(query_timeout=LOAD_TIMEOUT)
    with serving(env, tmp_path / "serve.log") as service:
        seed = start_cli(env, tmp_path / "seed.log", "seed", "--reset")
        try:
            seen = wait_for(lambda: readiness(service.base)[1] == LOADING, timeout=120, poll=0.01)
        finally:
            seed.kill()
            seed.wait()
        assert seen is not None, (tmp_path / "seed.log").read_text()
        status, reason, _ = readiness(service.base)
        assert (status, reason) == (503, LOADING)
        refused = ask(service.base)
        assert (refused.status, refused.code) == (503, "SERVICE_UNAVAILABLE")
        completed = subprocess.run(
            [sys.executable, "-m", "graph_service", "seed"], env=env, capture_output=True, text=True, timeout=300
        )
        assert completed.returncode == 0, completed.stdout + completed.stderr
        assert readiness(service.base)[0] == 200
        assert ask(service.base).code == "OK"
