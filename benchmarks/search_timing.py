"""Where a workload's time goes, in process: the whole request through the schema against its statements alone,
over the benchmark's own workload and variables (by default search).

    python -m benchmarks.search_timing [--workload search] [--exercises 1000] [--rounds 40] [--profile]

The engine is the configured one (NEO4J_URI for Neo4j, otherwise the embedded engine in a temporary folder);
the graph is the synthetic one the benchmark uses (or the bundled base with --exercises 0), written first.
`--profile` prints cProfile's top functions by cumulative time for the whole requests.
"""

import argparse
import asyncio
import cProfile
import json
import pstats
import tempfile
import time
from pathlib import Path
from statistics import median
from typing import Any

from benchmarks.workloads import NAMES, load_workloads
from graph_service.api.context import Context
from graph_service.api.schema import schema
from graph_service.config import PROJECT_ROOT, Settings
from graph_service.seeding import load_seed, write_seed
from graph_service.seeding.synthetic import synthetic_bundle
from graph_service.statistics import GraphStatistics
from graph_service.store import Store, open_store


async def measure(store: Store, settings: Settings, bodies: list[dict[str, Any]], rounds: int) -> dict[str, float]:
    statistics = GraphStatistics(store)
    statement_s = 0.0
    received = 0
    original = store._run

    async def timed(statement: str, params: dict[str, Any], *, write: bool) -> list[dict[str, Any]]:
        nonlocal statement_s, received
        started = time.perf_counter()
        try:
            rows = await original(statement, params, write=write)
        finally:
            statement_s += time.perf_counter() - started
        received += len(json.dumps(rows, default=str))
        return rows

    async def execute(body: dict[str, Any]) -> None:
        context = Context(store=store, statistics=statistics, settings=settings)
        result = await schema.execute(body["query"], variable_values=body["variables"], context_value=context)
        assert not result.errors, result.errors

    for body in bodies:  # warm the engine's caches and the statement library
        await execute(body)
    store._run = timed  # type: ignore[method-assign]
    per_request: list[float] = []
    try:
        for _ in range(rounds):
            for body in bodies:
                started = time.perf_counter()
                await execute(body)
                per_request.append(time.perf_counter() - started)
    finally:
        store._run = original  # type: ignore[method-assign]
    total = sum(per_request)
    return {
        "requests": len(per_request),
        "p50_ms": median(per_request) * 1000,
        "mean_ms": total / len(per_request) * 1000,
        "statement_ms": statement_s / len(per_request) * 1000,
        "python_ms": (total - statement_s) / len(per_request) * 1000,
        "rows_kb": received / len(per_request) / 1000,
    }


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--exercises", type=int, default=1000, help="synthetic exercises; 0 for the bundled base")
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--workload", default="search", choices=NAMES)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(embedded_db_path=Path(tmp) / "graph.db")
        store = await open_store(settings)
        try:
            await store.apply_schema()
            bundle = synthetic_bundle(args.exercises) if args.exercises else load_seed(PROJECT_ROOT / "seed")
            await write_seed(store, bundle, batch_size=500, reset=True)
            (workload,) = load_workloads([args.workload])
            bodies = [{"query": b["query"], "variables": b["variables"]} for b in workload.bodies(bundle)]
            profiler = cProfile.Profile() if args.profile else None
            if profiler:
                profiler.enable()
            figures = await measure(store, settings, bodies, args.rounds)
            if profiler:
                profiler.disable()
        finally:
            await store.close()
    print(
        f"{args.workload} on engine {settings.engine}, {args.exercises or 'bundled'} exercises, "
        f"{figures['requests']:.0f} requests"
    )
    print("| p50 ms | mean ms | in statements ms | in Python ms | rows from the store, KB as JSON |")
    print("| --- | --- | --- | --- | --- |")
    print(
        f"| {figures['p50_ms']:.2f} | {figures['mean_ms']:.2f} | {figures['statement_ms']:.2f} "
        f"| {figures['python_ms']:.2f} | {figures['rows_kb']:.1f} |"
    )
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    asyncio.run(main())
