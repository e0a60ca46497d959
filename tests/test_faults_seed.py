"""A `seed --reset` killed half way on the embedded engine: the next `serve` does not serve the partial graph as
ready, and a completed `seed` makes it ready again. Real processes, stopped by their ids; the graph is watched
through the engine's own socket while the seed writes."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from fault_harness import (
    READY_TIMEOUT_S,
    alive,
    ask,
    base_env,
    children,
    readiness,
    serving,
    start_cli,
    start_service,
    wait_for,
)
from redis import Redis
from redis.exceptions import RedisError

from graph_service.config import Settings
from graph_service.seeding import load_seed

pytestmark = pytest.mark.slow  # runs the commands as processes

GRAPH = "exercises"
LOADING = "the graph is being loaded"
# Small batches: the killed load writes its exercises in many transactions, so it is caught between two of them.
SLOW_BATCHES = 5


def count(engine: Redis, label: str) -> int | None:
    """How many nodes carry `label`, read from the seed's own engine; None while it does not answer."""
    try:
        # A read-only query of the test's own text; the label is one of the two constants the test passes.
        query = f"MATCH (n:{label}) RETURN count(n)"
        reply = engine.execute_command("GRAPH.RO_QUERY", GRAPH, query)  # type: ignore[no-untyped-call]
    except RedisError:
        return None
    return int(reply[1][0][0])


def engine_socket(engine_pid: int) -> Path | None:
    """The private unix socket the engine listens on, from its process title
    (`redis-server unixsocket:/tmp/graph-engine-…/redis.socket`); None until it has set that title."""
    title = Path(f"/proc/{engine_pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    for word in title.split():
        if word.startswith("unixsocket:"):
            return Path(word.removeprefix("unixsocket:"))
    return None


def run_seed(env: dict[str, str], *args: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "graph_service", "seed", *args], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_seed_reset_killed_half_way_is_not_served_as_ready(tmp_path: Path) -> None:
    env = base_env(embedded_db_path=tmp_path / "graph.db", seed_if_empty="false")
    total = len(load_seed(Settings().seed_dir).exercises)
    run_seed(env)
    seed = start_cli(env | {"WRITE_BATCH_SIZE": str(SLOW_BATCHES)}, tmp_path / "seed.log", "seed", "--reset")
    try:
        assert wait_for(lambda: len(children(seed.pid, "redis-server")) == 1, timeout=60) is not None
        (engine_pid,) = children(seed.pid, "redis-server")
        assert wait_for(lambda: (found := engine_socket(engine_pid)) is not None and found.exists(), timeout=30)
        socket = engine_socket(engine_pid)
        assert socket is not None
        with Redis(unix_socket_path=str(socket), socket_timeout=2) as engine:
            # Past the reset (which keeps the mark) and into the exercises, but not through them.
            caught = wait_for(
                lambda: count(engine, "GraphLoad") == 1 and 0 < (count(engine, "Exercise") or 0) < total // 2,
                timeout=120,
                poll=0.01,
            )
            assert caught is not None, (tmp_path / "seed.log").read_text()
            written = count(engine, "Exercise")
        os.kill(seed.pid, signal.SIGKILL)
        seed.wait()
    finally:
        if seed.poll() is None:
            seed.kill()
            seed.wait()
    # Its engine saves the data file and exits with it (PR_SET_PDEATHSIG), mark and all.
    assert wait_for(lambda: not alive(engine_pid), timeout=15) is not None
    service = start_service(env, tmp_path / "serve.log")
    try:
        answering = wait_for(lambda: readiness(service.base)[0] != 0, timeout=READY_TIMEOUT_S, poll=0.1)
        assert answering is not None, service.log_tail()
        assert readiness(service.base)[:2] == (503, LOADING), service.log_tail()
        refused = ask(service.base)
        assert (refused.status, refused.code) == (503, "SERVICE_UNAVAILABLE")
    finally:
        service.stop()
    run_seed(env)
    with serving(env, tmp_path / "again.log") as again:
        assert exercise_total(again.base) == total
    assert written is not None and 0 < written < total, (written, total)


def exercise_total(base: str) -> int:
    body = httpx.post(f"{base}/graphql", json={"query": "{ exercises(first: 1) { totalCount } }"}, timeout=30).json()
    return int(body["data"]["exercises"]["totalCount"])
