"""`graph-service bench`: the service measured beside the raw driver and the @neo4j/graphql peer, on one Neo4j.

For each graph size: start a Neo4j, seed it with the synthetic graph through the seeder's own path (timed, then
again to time the idempotent re-run), start the service, the raw-driver floor and the peer on 127.0.0.1, check
that the peer and the service agree on every request (the planning workloads, which the peer cannot answer, are
checked against the raw graph instead: benchmarks.plan_checks), then load each workload with wrk at each
concurrency. Then the same graph goes into the embedded engine (timed), which is served, checked against the
service's answers on Neo4j for the planning workloads, and loaded too. Cold start of the
embedded engine is timed from process start to /readyz answering 200. Results go to DIR as results.json,
results.md and latency.png.
"""

import asyncio
import datetime
import json
import os
import platform
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Annotated, Any

import typer

from benchmarks import peer_client, plan_checks, report
from benchmarks.loadgen import MissingTool, require_wrk, run_load
from benchmarks.process_cpu import CpuSplit, cpu_split, find_pid
from benchmarks.servers import (
    HOST,
    Server,
    answers,
    free_port,
    graph_service_command,
    post_json,
    service_env,
    serving,
    spawn,
    stop,
    wait_until,
)
from benchmarks.workloads import NAMES, PLANNING, Workload, load_workloads, write_bodies
from graph_service.config import PROJECT_ROOT, Settings
from graph_service.seeding import SeedBundle, write_seed
from graph_service.seeding.synthetic import synthetic_bundle
from graph_service.store import Store, open_store

SEED = 7
# Neo4j as a production server runs it: a fixed heap, the default 256 MiB transaction-log rotation, and the JVM
# options the server's shipped neo4j.conf sets (the official image included): G1, the heap committed up front,
# final fields trusted, explicit GC off, small cached NIO buffers.
NEO4J_SERVER_JVM = [
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+AlwaysPreTouch",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
]
NEO4J_JVM = ["-Xms3g", "-Xmx3g", *NEO4J_SERVER_JVM, "-Dneo4j.pagecache.mb=2048", "-Dneo4j.logrotation.mb=256"]
SERVICE = "service (Neo4j)"
DRIVER = "raw driver (Neo4j)"
PEER = "peer (Neo4j)"
EMBEDDED = "service (embedded)"
NO_PEER = "the peer has no document for it: it cannot run the service's planning (answers checked otherwise)"
Answers = dict[str, list[dict[str, Any]]]  # per workload, the answer to each of its request bodies


@dataclass(frozen=True)
class Plan:
    sizes: list[int]
    concurrencies: list[int]
    seconds: float
    warmup: float
    warm_each: float
    workers: int
    workloads: list[str]
    checked_only: tuple[str, ...] = ()  # answered and checked, but not loaded


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# ------------------------------------------------------------------------------------------------- seeding
async def _seed(
    settings: Settings, bundle: SeedBundle, pid: int | None
) -> tuple[float, dict[str, Any], dict[str, float], CpuSplit | None]:
    store = await open_store(settings)
    spent: defaultdict[str, float] = defaultdict(float)
    write = store.write

    async def timed_write(name: Any, params: Any = None) -> Any:
        started = time.perf_counter()
        try:
            return await write(name, params)
        finally:
            spent[str(name.value)] += time.perf_counter() - started

    store.write = timed_write  # type: ignore[method-assign]
    try:
        cpu_before = cpu_split(pid) if pid else None
        started = time.perf_counter()
        counts = await write_seed(store, bundle, batch_size=settings.write_batch_size)
        seconds = time.perf_counter() - started
        cpu = cpu_split(pid) - cpu_before if pid and cpu_before else None
        return seconds, {"nodes": counts.nodes, "edges": counts.edges}, spent, cpu
    finally:
        await store.close()


def seed(
    results: dict[str, Any], settings: Settings, bundle: SeedBundle, engine: str, runs: int, pid: int | None = None
) -> None:
    """Load `bundle` `runs` times; with the engine's `pid`, also how much CPU the engine spent on each load, and
    how much of it went to its JIT compilers and garbage collector."""
    for run in range(runs):
        seconds, counts, spent, cpu = asyncio.run(_seed(settings, bundle, pid))
        slowest = ", ".join(f"{name} {s:.1f}" for name, s in sorted(spent.items(), key=lambda i: -i[1])[:3])
        row = {
            "engine": engine,
            "size": len(bundle.exercises),
            "run": "first" if run == 0 else "re-run",
            "seconds": round(seconds, 2),
            "exercises": counts["nodes"].get("Exercise", 0),
            "edges": sum(counts["edges"].values()),
            "slowest": slowest,
            "statements": {k: round(v, 2) for k, v in spent.items()},
            **(cpu.as_dict() if cpu else {}),
        }
        results["seeding"].append(row)
        spent_cpu = f"; {engine} CPU {cpu.total_s:.1f} s, JIT {cpu.jit_s:.1f} s, GC {cpu.gc_s:.1f} s" if cpu else ""
        log(f"seeded {engine} with {row['size']} exercises ({row['run']}): {seconds:.2f} s ({slowest}){spent_cpu}")


# ------------------------------------------------------------------------------------------------- checks
def check_peer(
    results: dict[str, Any],
    size: int,
    workloads: list[Workload],
    bodies: dict[str, list[dict[str, Any]]],
    service: Server,
    peer: Server,
) -> None:
    compare = peer_client.compare_module()
    for w in workloads:
        if not peer_client.has_document(w.name):
            continue
        agree, detail = True, ""
        for body in bodies[w.name]:
            ours = post_json(service.graphql_url, body)
            theirs = post_json(peer.graphql_url, peer_body(w.name, body))
            try:
                a, b = compare.normalise(w.name, ours, theirs)
            except (ValueError, KeyError, TypeError) as e:
                agree, detail = False, f"{body['variables']}: {e}"[:300]
                break
            if a != b:
                agree, detail = False, f"{body['variables']}: service {a!r} / peer {b!r}"[:300]
                break
        results["checks"].append(
            {"size": size, "workload": w.name, "bodies": len(bodies[w.name]), "agree": agree, "detail": detail,
             "against": "peer"}
        )  # fmt: skip
        log(f"check {w.name}: {'agree' if agree else 'DIFFER ' + detail}")


def check_plans(
    results: dict[str, Any],
    size: int,
    bodies: dict[str, list[dict[str, Any]]],
    service: Server,
    *,
    graph_uri: str | None = None,
    reference: Answers | None = None,
) -> Answers:
    """Check the planning workloads' answers against the raw graph in the Neo4j at `graph_uri`, or against the
    `reference` answers; return them."""
    answered: Answers = {}
    for name in (n for n in PLANNING if n in bodies):
        answered[name] = [post_json(service.graphql_url, body) for body in bodies[name]]
        if graph_uri is not None:
            against = "the raw graph (Neo4j)"
            detail = asyncio.run(_against_graph(graph_uri, name, bodies[name], answered[name]))
        elif reference is not None and name in reference:
            against, detail = SERVICE, plan_checks.against_reference(bodies[name], answered[name], reference[name])
        else:
            continue
        results["checks"].append(
            {"size": size, "workload": name, "bodies": len(bodies[name]), "agree": not detail, "detail": detail,
             "against": against, "engine": SERVICE if graph_uri is not None else EMBEDDED}
        )  # fmt: skip
        log(f"check {name} against {against}: {'agree' if not detail else 'DIFFER ' + detail}")
    return answered


def peer_body(workload: str, body: dict[str, Any]) -> dict[str, Any]:
    return {"query": peer_client.document(workload), "variables": peer_client.variables(workload, body["variables"])}


def serves(url: str, bodies: list[dict[str, Any]]) -> str:
    """Empty when every body gets an answer without errors (as many as 30 s allow), else the first problem."""
    deadline = time.perf_counter() + 30
    for body in bodies:
        if time.perf_counter() > deadline:
            break
        try:
            answer = post_json(url, body, timeout=15)
        except OSError as e:
            return f"{body['variables']}: {e}"
        if answer.get("errors"):
            return f"{body['variables']}: {json.dumps(answer['errors'])[:200]}"
    return ""


# ------------------------------------------------------------------------------------------------- load
@dataclass(frozen=True)
class Target:
    contender: str
    url: str
    workload: str
    bodies: list[dict[str, Any]]


def drain(settle: Callable[[], bool], timeout_s: float = 120.0) -> float:
    """Wait until `settle()` says the database is idle; return the seconds waited.

    When wrk stops, the requests it had in flight go on running in the database; the next point must not start
    while they do, or it measures their backlog.
    """
    started = time.perf_counter()
    while not settle() and time.perf_counter() - started < timeout_s:
        time.sleep(0.2)
    return time.perf_counter() - started


async def _against_graph(uri: str, workload: str, bodies: list[dict[str, Any]], answered: list[dict[str, Any]]) -> str:
    store = await open_store(Settings(neo4j_uri=uri))
    try:

        async def read(statement: str, params: dict[str, Any]) -> list[dict[str, Any]]:
            return await store._run(statement, params, write=False)

        return await plan_checks.against_graph(workload, await plan_checks.RawGraph.load(read), bodies, answered)
    finally:
        await store.close()


def neo4j_idle(uri: str) -> Callable[[], bool]:
    from neo4j import GraphDatabase

    def idle() -> bool:
        with GraphDatabase.driver(uri, auth=None) as driver:
            records, _, _ = driver.execute_query("SHOW TRANSACTIONS YIELD transactionId RETURN count(*) AS running")
            return int(records[0]["running"]) <= 1  # this statement's own transaction

    return idle


def answers_fast(url: str, limit_s: float = 0.05) -> Callable[[], bool]:
    """The embedded engine runs one statement at a time: its /readyz ping waits behind any backlog."""

    def idle() -> bool:
        started = time.perf_counter()
        return answers(url) and time.perf_counter() - started < limit_s

    return idle


def measure(
    results: dict[str, Any], plan: Plan, size: int, targets: list[Target], scratch: Path, idle: Callable[[], bool]
) -> None:
    """Check every target answers without errors, warm all of them up, then load each at each concurrency.

    The warm-up runs before any point is measured so that the database's caches and JIT are as warm for the
    first contender measured as for the last.
    """
    ready: list[tuple[Target, Path]] = []
    for t in targets:
        problem = serves(t.url, t.bodies)
        if problem:
            results["skipped"].append(
                {"size": size, "contender": t.contender, "workload": t.workload, "reason": problem}
            )
            log(f"{t.contender} does not serve {t.workload} at {size}: {problem}")
            continue
        name = f"{t.contender.split()[0]}-{t.workload}-{size}.jsonl"
        ready.append((t, write_bodies(scratch / name, t.bodies)))
    if plan.warm_each:
        log(f"warming up: {len(ready)} x {plan.warm_each:.0f} s at concurrency 8")
        for t, file in ready:
            run_load(t.url, file, concurrency=8, seconds=plan.warm_each, warmup=0)
    for t, file in ready:
        for c in plan.concurrencies:
            waited = drain(idle)
            if waited > 1:
                log(f"waited {waited:.1f} s for the database to finish earlier requests")
            r = run_load(t.url, file, concurrency=c, seconds=plan.seconds, warmup=plan.warmup)
            results["load"].append({"size": size, "contender": t.contender, "workload": t.workload} | r.as_dict())
            log(
                f"{size} {t.workload} {t.contender} c{c}: {r.rps} req/s, p50 {r.p50_ms} ms, p99 {r.p99_ms} ms, "
                f"{r.errors} errors"
            )


@contextmanager
def neo4j(data_dir: Path) -> Iterator[str]:
    sys.path.insert(0, str(PROJECT_ROOT / "tests"))  # the test suite's launcher: a real Neo4j without Docker
    from neo4j_server import running_neo4j

    with running_neo4j(data_dir, NEO4J_JVM) as uri:
        yield uri


async def _record(uri: str, bodies: list[dict[str, Any]]) -> dict[str, Any]:
    from benchmarks.floor import record_plans  # builds the GraphQL schema: only when a run needs it

    settings = Settings(neo4j_uri=uri)
    store: Store = await open_store(settings)
    try:
        return await record_plans(store, settings, bodies)
    finally:
        await store.close()


def on_neo4j(results: dict[str, Any], plan: Plan, bundle: SeedBundle, workloads: list[Workload], tmp: Path) -> Answers:
    """Measure the contenders on Neo4j; return the service's answers to the planning workloads."""
    size = len(bundle.exercises)
    bodies = {w.name: w.bodies(bundle) for w in workloads}
    data_dir = (tmp / f"neo4j-{size}").resolve()
    with neo4j(data_dir) as uri, ExitStack() as stack:
        if not results["meta"].get("neo4j"):
            results["meta"]["neo4j"] = neo4j_version(uri)
        seed(results, Settings(neo4j_uri=uri), bundle, "neo4j", runs=2, pid=find_pid(str(data_dir)))
        loaded = [w for w in workloads if w.name not in plan.checked_only]
        plans = asyncio.run(_record(uri, [b for w in loaded for b in bodies[w.name]]))
        plans_file = tmp / f"floor-plans-{size}.json"
        plans_file.write_text(json.dumps(plans), encoding="utf-8")
        recorded = {w.name: [plans[json.dumps(b, separators=(",", ":"))] for b in bodies[w.name]] for w in loaded}
        results["round_trips"][str(size)] = {
            name: {"waves": max(len(p) for p in ps), "statements": max(sum(map(len, p)) for p in ps)}
            for name, ps in recorded.items()
        }
        port = free_port()
        service = stack.enter_context(
            serving(
                SERVICE,
                graph_service_command(),
                env=service_env(port=port, workers=plan.workers, neo4j_uri=uri),
                log=tmp / f"service-{size}.log",
                port=port,
            )
        )
        port = free_port()
        floor_env = {"NEO4J_URI": uri, "FLOOR_PLANS": str(plans_file)}
        floor = stack.enter_context(
            serving(
                DRIVER,
                [sys.executable, "-m", "benchmarks.floor", str(port), str(plan.workers)],
                env=floor_env,
                log=tmp / f"floor-{size}.log",
                port=port,
            )
        )
        peer: Server | None = None
        if results["peer"]["available"] and any(peer_client.has_document(w.name) for w in workloads):
            port = free_port()
            try:
                peer = stack.enter_context(
                    serving(
                        PEER,
                        peer_client.command(),
                        env={"NEO4J_URI": uri, "PORT": str(port)},
                        log=tmp / f"peer-{size}.log",
                        port=port,
                        ready_path="/graphql",
                        cwd=peer_client.PEER_DIR,
                    )
                )
            except RuntimeError as e:
                results["peer"] = {"available": False, "reason": f"did not start: {str(e).splitlines()[0]}"}
                log(f"peer not available: {e}")
        if peer:
            check_peer(results, size, workloads, bodies, service, peer)
        answered = check_plans(results, size, bodies, service, graph_uri=uri)
        targets = []
        for w in loaded:
            targets.append(Target(SERVICE, service.graphql_url, w.name, bodies[w.name]))
            targets.append(Target(DRIVER, floor.graphql_url, w.name, bodies[w.name]))
            if peer and peer_client.has_document(w.name):
                targets.append(Target(PEER, peer.graphql_url, w.name, [peer_body(w.name, b) for b in bodies[w.name]]))
            elif results["peer"]["available"]:
                results["skipped"].append({"size": size, "contender": PEER, "workload": w.name, "reason": NO_PEER})
        measure(results, plan, size, targets, tmp, neo4j_idle(uri))
    return answered


def on_embedded(
    results: dict[str, Any], plan: Plan, bundle: SeedBundle, workloads: list[Workload], tmp: Path, reference: Answers
) -> None:
    """Measure the service on the embedded engine, first checking its planning answers against `reference`."""
    size = len(bundle.exercises)
    db_path = tmp / f"embedded-{size}" / "graph.db"
    seed(results, Settings(neo4j_uri=None, embedded_db_path=db_path), bundle, "embedded", runs=2)
    port = free_port()
    # One worker: the embedded engine is a child process of the service, one per data file.
    env = service_env(port=port, workers=1, neo4j_uri=None, db_path=db_path)
    with serving(EMBEDDED, graph_service_command(), env=env, log=tmp / f"embedded-{size}.log", port=port) as service:
        bodies = {w.name: w.bodies(bundle) for w in workloads}
        check_plans(results, size, bodies, service, reference=reference)
        targets = [
            Target(EMBEDDED, service.graphql_url, w.name, bodies[w.name])
            for w in workloads
            if w.name not in plan.checked_only
        ]
        readyz = service.graphql_url.replace("/graphql", "/readyz")
        measure(results, plan, size, targets, tmp, answers_fast(readyz))


def cold_start(results: dict[str, Any], tmp: Path, repeats: int) -> None:
    db_path = tmp / "cold-start" / "graph.db"
    for case in ("empty data file", "already seeded"):
        times = []
        for _ in range(1 if case == "empty data file" else repeats):
            port = free_port()
            env = service_env(port=port, workers=1, neo4j_uri=None, db_path=db_path) | {"SEED_IF_EMPTY": "true"}
            log_file = tmp / "cold-start.log"
            process = spawn(graph_service_command(), env=env, log=log_file)
            try:
                times.append(wait_until(process, f"http://{HOST}:{port}/readyz", body=None, log=log_file, poll_s=0.01))
            finally:
                stop(process)
        results["cold_start"].append(
            {"case": case, "seconds": round(min(times), 2), "runs": [round(t, 2) for t in times]}
        )
        log(f"cold start, {case}: {min(times):.2f} s")


# ------------------------------------------------------------------------------------------------- meta
def neo4j_version(uri: str) -> str:
    from neo4j import GraphDatabase

    with GraphDatabase.driver(uri, auth=None) as driver:
        records, _, _ = driver.execute_query(
            "CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS v, edition"
        )
        return " ".join(f"{r['name']} {r['v']} {r['edition']}" for r in records)


def commit() -> str:
    import subprocess

    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=PROJECT_ROOT, capture_output=True, text=True, check=False)
        return done.stdout.strip()

    head = git("rev-parse", "--short", "HEAD") or "unknown"
    return head + (" with uncommitted changes" if git("status", "--porcelain", "--untracked-files=no") else "")


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        mem_kb = next(
            int(x.split()[1]) for x in Path("/proc/meminfo").read_text().splitlines() if x.startswith("MemTotal")
        )
        memory = f"{mem_kb / 1024 / 1024:.0f} GiB"
    except (OSError, StopIteration, ValueError):
        memory = "? GiB"
    return f"{platform.system()} {platform.release()}, {model}, {os.cpu_count()} cores, {memory}"


def versions(results: dict[str, Any]) -> str:
    import subprocess

    node = subprocess.run(["node", "--version"], capture_output=True, text=True, check=False).stdout.strip()
    wrk = subprocess.run([require_wrk(), "--version"], capture_output=True, text=True, check=False)
    parts = [
        f"Python {platform.python_version()}",
        *(f"{p} {version(p)}" for p in ("neo4j", "strawberry-graphql", "uvicorn", "starlette", "falkordblite")),
        results["meta"].get("neo4j") or "Neo4j ?",
        f"Node {node or '?'}",
        f"@neo4j/graphql {peer_client.version('@neo4j/graphql')}",
        f"@apollo/server {peer_client.version('@apollo/server')}",
        (wrk.stdout or wrk.stderr).splitlines()[0].split(" Copyright")[0] if (wrk.stdout or wrk.stderr) else "wrk",
    ]
    return ", ".join(parts)


# ------------------------------------------------------------------------------------------------- run
def run(plan: Plan, out: Path) -> dict[str, Any]:
    require_wrk()
    out.mkdir(parents=True, exist_ok=True)
    workloads = load_workloads(plan.workloads)
    status = peer_client.prepare(plan.workloads)
    if not status.available:
        log(f"peer not available: {status.reason}")
    results: dict[str, Any] = {
        "meta": {"date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"), "machine": machine()},
        "config": {
            "sizes": plan.sizes,
            "concurrencies": plan.concurrencies,
            "seconds": plan.seconds,
            "warmup": plan.warmup,
            "warm_each": plan.warm_each,
            "workers": plan.workers,
            "seed": SEED,
            "workloads": plan.workloads,
            "checked_only": list(plan.checked_only),
        },
        "peer": {"available": status.available, "reason": status.reason},
        "checks": [],
        "load": [],
        "skipped": [],
        "seeding": [],
        "cold_start": [],
        "round_trips": {},
    }
    results["meta"]["commit"] = commit()
    results["meta"]["load_average_before"] = round(os.getloadavg()[0], 2)
    if os.getloadavg()[0] > 1.0:
        log(f"the machine is busy (load average {os.getloadavg()[0]:.1f}): figures will be lower than on a quiet one")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="graph-bench-") as scratch:
        tmp = Path(scratch)
        cold_start(results, tmp, repeats=3)
        for size in plan.sizes:
            bundle = synthetic_bundle(size, SEED)
            answered = on_neo4j(results, plan, bundle, workloads, tmp)
            on_embedded(results, plan, bundle, workloads, tmp, answered)
    results["meta"]["versions"] = versions(results)
    results["meta"]["seconds"] = round(time.perf_counter() - started)
    results["meta"]["load_average_after"] = round(os.getloadavg()[0], 2)
    report.write_json(results, out / "results.json")
    text = report.markdown(results)
    (out / "results.md").write_text(text + "\n", encoding="utf-8")
    drawn = report.plot(results, out / "latency.png")
    print(text)
    log(
        f"done in {results['meta']['seconds']} s: {out / 'results.json'}, {out / 'results.md'}"
        + (f", {out / 'latency.png'}" if drawn else " (no PNG: matplotlib is not installed)")
    )
    return results


def bench(
    quick: Annotated[
        bool,
        typer.Option(
            help="1k exercises, concurrency 1 and 8, ~3 s a point: a few minutes. The planning workloads are checked, "
            "not loaded, unless named with --workload."
        ),
    ] = False,
    sizes: Annotated[list[int] | None, typer.Option(help="Graph sizes in exercises (repeat the option).")] = None,
    concurrency: Annotated[list[int] | None, typer.Option(help="Concurrent connections (repeat the option).")] = None,
    seconds: Annotated[float | None, typer.Option(help="Seconds measured per point, after the warm-up.")] = None,
    workers: Annotated[int | None, typer.Option(help="Uvicorn workers of the service and the floor.")] = None,
    out: Annotated[Path, typer.Option(help="Folder for results.json, results.md and latency.png.")] = Path("bench-out"),
    workload: Annotated[
        list[str] | None, typer.Option(help=f"Only these workloads (repeat the option): {', '.join(NAMES)}.")
    ] = None,
    faults: Annotated[
        bool,
        typer.Option(
            help="Instead, the resilience benchmark (benchmarks/faults.py): Neo4j killed and frozen, the embedded "
            "engine and the service killed, and a soak of each engine reporting RSS over time: about 20 minutes."
        ),
    ] = False,
) -> None:
    """Benchmark the service beside the raw Neo4j driver and @neo4j/graphql, and the embedded engine (needs wrk)."""
    if faults:
        from benchmarks.faults import run_faults  # it reaches the test suite's process harness

        run_faults()
        return
    plan = Plan(
        sizes=sizes or ([1_000] if quick else [1_000, 10_000, 100_000]),
        concurrencies=concurrency or ([1, 8] if quick else [1, 8, 32]),
        seconds=seconds or (3.0 if quick else 8.0),
        warmup=1.0 if quick else 2.0,
        warm_each=1.0 if quick else 3.0,
        workers=workers or max(1, min(2, os.cpu_count() or 1)),
        workloads=[w for w in NAMES if w in workload] if workload else list(NAMES),
        # A quick run checks the planning workloads' answers but loads them only when they are named: their load
        # points would double its time.
        checked_only=PLANNING if quick and not workload else (),
    )
    if workload and set(workload) - set(NAMES):
        typer.echo(f"error: unknown workload {sorted(set(workload) - set(NAMES))}; known: {', '.join(NAMES)}", err=True)
        raise typer.Exit(code=2)
    try:
        run(plan, out)
    except MissingTool as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(code=2) from None
