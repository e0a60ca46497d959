"""Benchmark: import the public free-exercise-db dataset over the bundled knowledge base, then import it again.

    .venv/bin/python benchmarks/import_free_exercise_db.py [--repeat 3] [--engine neo4j|falkordb|both]

Neo4j comes from NEO4J_URI when set, otherwise from the test launcher (tests/neo4j_launcher, built by
scripts/install). Each run starts from an empty graph. Prints one table row per engine, with median times.
"""

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.table import Table

from graph_service.config import PROJECT_ROOT, Settings
from graph_service.importers import import_records, read_free_exercise_db
from graph_service.importers.merge import ImportSummary
from graph_service.seeding import clear_graph, load_seed, write_seed
from graph_service.store import open_store

DATASET = PROJECT_ROOT.parent / "shared" / "datasets" / "free-exercise-db.json"


@contextmanager
def neo4j_uri(tmp: Path) -> Iterator[str]:
    if uri := os.environ.get("NEO4J_URI"):
        yield uri
        return
    sys.path.insert(0, str(PROJECT_ROOT / "tests"))
    from neo4j_server import build_launcher, running_neo4j

    build_launcher()
    with running_neo4j(tmp / "neo4j") as uri:
        yield uri


async def measure(settings: Settings, repeat: int) -> tuple[list[float], list[float], ImportSummary, ImportSummary]:
    bundle = load_seed(settings.seed_dir)
    records = read_free_exercise_db(DATASET)
    store = await open_store(settings)
    first: list[float] = []
    second: list[float] = []
    try:
        for _ in range(repeat):
            await store.apply_schema()
            await clear_graph(store)
            await write_seed(store, bundle, batch_size=settings.write_batch_size)
            times = []
            summaries = []
            for _pass in range(2):
                started = time.perf_counter()
                summaries.append(
                    await import_records(
                        store,
                        records,
                        source="free-exercise-db",
                        seed_dir=settings.seed_dir,
                        batch_size=settings.write_batch_size,
                    )
                )
                times.append(time.perf_counter() - started)
            first.append(times[0])
            second.append(times[1])
    finally:
        await store.close()
    return first, second, summaries[0], summaries[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--engine", choices=("neo4j", "falkordb", "both"), default="both")
    args = parser.parse_args()
    if not DATASET.is_file():
        sys.exit(f"{DATASET} not found")
    table = Table(title=f"free-exercise-db import ({args.repeat} runs each, median seconds)")
    columns = ("engine", "records", "created", "merged", "skipped", "unmapped", "import s", "re-import s", "unchanged")
    for column in columns:
        table.add_column(column, justify="left" if column == "engine" else "right")
    engines = ("neo4j", "falkordb") if args.engine == "both" else (args.engine,)
    with tempfile.TemporaryDirectory() as tmp:
        for engine in engines:
            if engine == "neo4j":
                with neo4j_uri(Path(tmp)) as uri:
                    password = os.environ.get("NEO4J_PASSWORD", "")
                    settings = Settings(neo4j_uri=uri, neo4j_password=password)  # type: ignore[arg-type]
                    result = asyncio.run(measure(settings, args.repeat))
            else:
                settings = Settings(neo4j_uri=None, embedded_db_path=Path(tmp) / "bench.db")
                result = asyncio.run(measure(settings, args.repeat))
            first, second, summary, again = result
            table.add_row(
                engine,
                str(summary.records),
                str(len(summary.created)),
                str(len(summary.merged)),
                str(len(summary.skipped)),
                ", ".join(f"{k}:{t}={n}" for (k, t), n in sorted((summary.unmapped + summary.by_design).items())),
                f"{statistics.median(first):.2f}",
                f"{statistics.median(second):.2f}",
                str(again.unchanged),
            )
    Console().print(table)


if __name__ == "__main__":
    main()
