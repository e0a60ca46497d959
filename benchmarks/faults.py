"""Resilience figures, measured from outside on real processes: `python -m benchmarks.faults` prints a table.

- Neo4j killed (SIGKILL) and launched again on the same port and data folder: the service's first answer after
  Bolt is ready again, and the time to the first success; beside it, a fresh driver's first statement, which is
  Neo4j's own cold start.
- Neo4j frozen (SIGSTOP) under a steady stream of requests: time to the first error, the slowest answer, requests
  in flight (sampled from /metrics) and the codes.
- The embedded engine killed: time until /readyz is 200 again and a query is answered.
- The service killed (SIGKILL): time until its engine process is gone.
- A soak: a few minutes of the benchmark's mixed workloads (every workload's requests, interleaved) at 32
  connections against the bundled base on each engine, in segments: the resident memory (RSS) of the service and
  of its embedded engine over time, and each segment's requests/s, p99 and errors. Growth is measured from the end
  of the first minute (the warm-up) to the end.

Loopback only; every process is stopped by its own id.
"""

import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from contextlib import ExitStack
from functools import partial
from pathlib import Path
from typing import Any

import typer

from benchmarks.loadgen import require_wrk, run_load
from benchmarks.workloads import load_workloads, write_bodies
from graph_service.config import PROJECT_ROOT, Settings
from graph_service.seeding import load_seed

sys.path.insert(0, str(PROJECT_ROOT / "tests"))  # the test suite's launcher and fault harness

from fault_harness import (
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
    start_service,
    thaw,
    wait_for,
)
from neo4j_server import launch_neo4j

QUERY_TIMEOUT = 3.0
# A load's batches on a busy host may take longer than the default QUERY_TIMEOUT allows one statement.
LOAD_TIMEOUT = 120
MAX_IN_FLIGHT = 8
FROZEN_S = 8.0
RATE_PER_S = 10.0
STATEMENT = "MATCH (e:Exercise {slug: $slug}) RETURN e.name AS name"
SOAK_CONCURRENCY = 32
SOAK_SEGMENT_S = 15.0
# The first minute warms the caches, the allocator's arenas and (on Neo4j) the JIT; growth is measured after it.
SOAK_WARMUP_S = 60.0

Row = tuple[str, str, str]


def neo4j_restart(tmp: Path, rounds: int) -> list[Row]:
    rows: list[Row] = []
    server = launch_neo4j(tmp / "neo4j-restart", port=free_port())
    try:
        env = base_env(neo4j_uri=server.uri, neo4j_password="")
        seed_env = base_env(neo4j_uri=server.uri, neo4j_password="", query_timeout=LOAD_TIMEOUT)
        subprocess.run([sys.executable, "-m", "graph_service", "seed"], env=seed_env, check=True, capture_output=True)
        with serving(env, tmp / "restart-serve.log") as service, client() as shared:
            for _ in range(16):
                ask(service.base, via=shared)
            first: list[float] = []
            until_ok: list[float] = []
            codes: Counter[str] = Counter()
            fresh: list[float] = []
            for _ in range(rounds):
                server.process.kill()
                server.process.wait()
                down = ask(service.base, via=shared)
                codes[f"down:{down.code}"] += 1
                server.stop()  # the killed launcher's pipes
                server = launch_neo4j(server.data_dir, port=server.port)
                ready_at = time.monotonic()
                answer = ask(service.base, via=shared)
                first.append(answer.seconds)
                codes[f"first:{answer.code}"] += 1
                waited = wait_for(lambda: ask(service.base, via=shared).code == "OK", timeout=60, poll=0.05)
                until_ok.append(time.monotonic() - ready_at if waited is not None else float("nan"))
                fresh.append(_fresh_driver_seconds(server.uri))
            rows.append(("Neo4j restart: first answer after Bolt ready", _spread(first), _codes(codes)))
            rows.append(("Neo4j restart: Bolt ready to first success", _spread(until_ok), f"{rounds} restarts"))
            rows.append(("Neo4j restart: a fresh driver's first read", _spread(fresh), "after the service's"))
    finally:
        server.stop()
    return rows


def _fresh_driver_seconds(uri: str) -> float:
    from neo4j import GraphDatabase

    with GraphDatabase.driver(uri, auth=None) as driver:
        started = time.monotonic()
        driver.execute_query(STATEMENT, {"slug": "push-up"})
        return time.monotonic() - started


def neo4j_frozen(tmp: Path) -> list[Row]:
    server = launch_neo4j(tmp / "neo4j-frozen", port=free_port())
    try:
        env = base_env(
            neo4j_uri=server.uri,
            neo4j_password="",
            query_timeout=QUERY_TIMEOUT,
            max_in_flight=MAX_IN_FLIGHT,
            readiness_timeout=0.5,
        )
        # The load under the default QUERY_TIMEOUT: its batches take longer than the short one served with.
        seed_env = base_env(neo4j_uri=server.uri, neo4j_password="", query_timeout=LOAD_TIMEOUT)
        subprocess.run([sys.executable, "-m", "graph_service", "seed"], env=seed_env, check=True, capture_output=True)
        with serving(env, tmp / "frozen-serve.log") as service, client() as shared:
            wait_for(lambda: ask(service.base, via=shared).code == "OK", timeout=60, poll=0.1)
            answers: list[tuple[float, Any]] = []
            in_flight: list[float] = []
            lock = threading.Lock()

            def one(sent: float) -> None:
                answer = ask(service.base, timeout=60, via=shared)
                with lock:
                    answers.append((sent, answer))

            frozen_at = time.monotonic()
            freeze(server.process.pid)
            threads = []
            try:
                while (now := time.monotonic()) - frozen_at < FROZEN_S:
                    thread = threading.Thread(target=one, args=(now - frozen_at,))
                    thread.start()
                    threads.append(thread)
                    if len(threads) % 3 == 0:
                        in_flight.append(metric(service.base, "graph_requests_in_flight"))
                    time.sleep(1 / RATE_PER_S)
                ready = readiness(service.base)
                for thread in threads:
                    thread.join()
            finally:
                thaw(server.process.pid)
            errors = [sent + a.seconds for sent, a in answers if a.code != "OK"]
            slowest = max(a.seconds for _, a in answers)
            codes = Counter(a.code for _, a in answers)
            return [
                ("Neo4j frozen: time to the first error", f"{min(errors):.2f} s" if errors else "none", ""),
                (
                    "Neo4j frozen: slowest answer",
                    f"{slowest:.2f} s",
                    f"QUERY_TIMEOUT {QUERY_TIMEOUT:.0f} s + 1 s = {QUERY_TIMEOUT + 1:.0f} s",
                ),
                (
                    "Neo4j frozen: requests in flight (max sampled)",
                    f"{max(in_flight):.0f}",
                    f"MAX_IN_FLIGHT {MAX_IN_FLIGHT}; {len(answers)} sent at {RATE_PER_S:.0f}/s",
                ),
                ("Neo4j frozen: codes", _codes(codes), ""),
                ("Neo4j frozen: /readyz", f"{ready[2]:.2f} s", f"{ready[0]} ({ready[1]})"),
            ]
    finally:
        thaw(server.process.pid)
        server.stop()


def embedded_restart(tmp: Path, rounds: int) -> list[Row]:
    env = base_env(embedded_db_path=tmp / "restart.db")
    back: list[float] = []
    answered: list[float] = []
    with serving(env, tmp / "embedded-serve.log") as service, client() as shared:
        for _ in range(rounds):
            engine = service.engine_pid()
            killed_at = time.monotonic()
            os.kill(engine, signal.SIGKILL)
            wait_for(partial(_back, service.process.pid, engine, service.base), 30)
            back.append(time.monotonic() - killed_at)
            wait_for(lambda: ask(service.base, via=shared).code == "OK", 30)
            answered.append(time.monotonic() - killed_at)
        restarts = metric(service.base, "graph_engine_restarts_total")
    return [
        ("Embedded engine killed: /readyz 200 again", _spread(back), f"{rounds} kills, {restarts:.0f} restarts"),
        ("Embedded engine killed: a query answered", _spread(answered), ""),
    ]


def _back(service_pid: int, old: int, base: str) -> bool:
    """A new engine serves, and the service says it is ready."""
    return children(service_pid, "redis-server") not in ([], [old]) and readiness(base)[0] == 200


def _gone(pid: int) -> bool:
    return not alive(pid)


def service_killed(tmp: Path, rounds: int) -> list[Row]:
    env = base_env(embedded_db_path=tmp / "orphan.db")
    gone: list[float] = []
    left = 0
    for round_ in range(rounds):
        service = start_service(env, tmp / f"orphan-{round_}.log")
        try:
            service.wait_ready()
            engine = service.engine_pid()
            killed_at = time.monotonic()
            service.process.kill()
            service.process.wait()
            waited = wait_for(partial(_gone, engine), timeout=5)
            if waited is None:
                left += 1
            gone.append(time.monotonic() - killed_at)
        finally:
            service.stop()
    return [("Service SIGKILLed: its engine gone", _spread(gone), f"{left} of {rounds} left after 5 s")]


def soak(tmp: Path, *, seconds: float, engine: str) -> list[Row]:
    """`seconds` of mixed workloads at SOAK_CONCURRENCY connections on `engine` ("embedded" or "neo4j")."""
    require_wrk()
    bundle = load_seed(Settings(neo4j_uri=None).seed_dir)
    per_workload = [w.bodies(bundle) for w in load_workloads()]
    mixed = [
        b
        for group in zip(*(_cycle(bodies, max(map(len, per_workload))) for bodies in per_workload), strict=True)
        for b in group
    ]
    bodies = write_bodies(tmp / f"soak-{engine}.jsonl", mixed)
    with ExitStack() as stack:
        if engine == "neo4j":
            server = launch_neo4j(tmp / "neo4j-soak", port=free_port())
            stack.callback(server.stop)
            env = base_env(neo4j_uri=server.uri, neo4j_password="")
            seed_env = base_env(neo4j_uri=server.uri, neo4j_password="", query_timeout=LOAD_TIMEOUT)
            subprocess.run(
                [sys.executable, "-m", "graph_service", "seed"], env=seed_env, check=True, capture_output=True
            )
        else:
            env = base_env(embedded_db_path=tmp / "soak.db")
        service = stack.enter_context(serving(env, tmp / f"soak-{engine}.log"))
        samples: list[tuple[float, float, float]] = []  # seconds since the start, service MB, engine MB
        done = threading.Event()
        started = time.monotonic()

        def sample() -> None:
            while not done.is_set():
                engines = children(service.process.pid, "redis-server")
                samples.append((time.monotonic() - started, _rss_mb(service.process.pid), sum(map(_rss_mb, engines))))
                done.wait(1.0)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        segments = []
        marks: list[float] = []
        try:
            for _ in range(max(2, round(seconds / SOAK_SEGMENT_S))):
                segments.append(
                    run_load(
                        f"{service.base}/graphql",
                        bodies,
                        concurrency=SOAK_CONCURRENCY,
                        seconds=SOAK_SEGMENT_S,
                        warmup=0,
                    )
                )
                marks.append(time.monotonic() - started)
        finally:
            done.set()
            sampler.join()

    def at(moment: float) -> tuple[float, float]:
        last = [x for x in samples if x[0] <= moment] or samples[:1]
        return last[-1][1], last[-1][2]

    warm_until = next((m for m in marks if m >= SOAK_WARMUP_S), marks[0])
    warm, end = at(warm_until), at(marks[-1])
    total = warm[0] + warm[1], end[0] + end[1]
    growth = (total[1] - total[0]) / total[0] * 100
    label = f"Soak ({engine}, c{SOAK_CONCURRENCY}, {marks[-1]:.0f} s, {len(mixed)} mixed requests)"
    what = "service + engine" if engine == "embedded" else "service"
    rows = [
        (
            f"{label}: RSS growth after warm-up",
            f"{growth:+.1f}%",
            f"{what}: {total[0]:.0f} -> {total[1]:.0f} MB; target <= 10%",
        ),
        (
            f"{label}: service RSS MB per {SOAK_SEGMENT_S:.0f} s",
            ", ".join(f"{at(m)[0]:.0f}" for m in marks),
            f"{(end[0] - warm[0]) / warm[0] * 100:+.1f}% after warm-up",
        ),
    ]
    if engine == "embedded":
        rows.append(
            (
                f"{label}: engine RSS MB per {SOAK_SEGMENT_S:.0f} s",
                ", ".join(f"{at(m)[1]:.0f}" for m in marks),
                f"{(end[1] - warm[1]) / warm[1] * 100:+.1f}% after warm-up",
            )
        )
    return [
        *rows,
        (
            f"{label}: requests/s per segment",
            f"{min(x.rps for x in segments):.0f}-{max(x.rps for x in segments):.0f}",
            f"{sum(x.requests for x in segments)} requests",
        ),
        (
            f"{label}: p99 per segment",
            f"{min(x.p99_ms for x in segments):.0f}-{max(x.p99_ms for x in segments):.0f} ms",
            f"p50 {min(x.p50_ms for x in segments):.0f}-{max(x.p50_ms for x in segments):.0f} ms",
        ),
        (f"{label}: errors", str(sum(x.errors for x in segments)), "non-200 answers, answers with errors, timeouts"),
    ]


def _cycle(bodies: list[dict[str, Any]], n: int) -> list[dict[str, Any]]:
    return [bodies[i % len(bodies)] for i in range(n)]


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _spread(values: list[float]) -> str:
    if not values:
        return "-"
    if len(values) == 1:
        return f"{values[0]:.2f} s"
    return f"median {statistics.median(values):.2f} s, max {max(values):.2f} s"


def _codes(codes: Counter[str]) -> str:
    return ", ".join(f"{code} {n}" for code, n in sorted(codes.items()))


def run_faults(*, rounds: int = 3, skip_neo4j: bool = False, soak_seconds: float = 300.0) -> None:
    """Every scenario, printing each row as it is measured."""
    scenarios: list[Callable[[Path], list[Row]]] = [
        partial(embedded_restart, rounds=rounds),
        partial(service_killed, rounds=rounds),
    ]
    if not skip_neo4j:
        scenarios += [neo4j_frozen, partial(neo4j_restart, rounds=rounds)]
    if soak_seconds > 0:
        scenarios.append(partial(soak, seconds=soak_seconds, engine="embedded"))
        if not skip_neo4j:
            scenarios.append(partial(soak, seconds=soak_seconds, engine="neo4j"))
    print(f"{'scenario':<48}  {'measured':<30}  notes", flush=True)
    with tempfile.TemporaryDirectory(prefix="faults-") as folder:
        for scenario in scenarios:
            # Each scenario's rows as soon as they are measured: a later one failing keeps the earlier figures.
            for name, value, note in scenario(Path(folder)):
                print(f"{name:<48}  {value:<30}  {note}", flush=True)


def main(
    rounds: int = typer.Option(3, help="Kills per scenario."),
    skip_neo4j: bool = typer.Option(False, help="Only the embedded engine's scenarios."),
    soak_seconds: float = typer.Option(300.0, help="Seconds of each engine's soak (0: none)."),
) -> None:
    run_faults(rounds=rounds, skip_neo4j=skip_neo4j, soak_seconds=soak_seconds)


if __name__ == "__main__":
    typer.run(main)
