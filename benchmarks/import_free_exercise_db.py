"""Benchmark: import the public free-exercise-db dataset over the bundled knowledge base, then import it again.

    .venv/bin/python benchmarks/import_free_exercise_db.py [--repeat 3] [--engine neo4j|falkordb|both] [--copies 10]

`--copies N` imports N synthetic copies of each record (ids and names suffixed with the copy's number, so each copy
is a new exercise and is compared with every existing one for near-duplicates). `held` counts the records neither
merged nor created because an exercise has their name but their facts disagree; `review` counts every record
listed for review (held, or created after matching several exercises by movement); `key dups` counts created
exercises whose name key equals a bundled exercise's name, slug or alias.

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
from dataclasses import replace
from pathlib import Path

from rich.console import Console
from rich.table import Table

from graph_service.config import PROJECT_ROOT, Settings
from graph_service.importers import SourceExercise, import_records, read_free_exercise_db
from graph_service.importers.merge import ImportSummary
from graph_service.importers.names import name_key
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


def synthetic(records: list[SourceExercise], copies: int) -> list[SourceExercise]:
    return records + [
        replace(r, source_id=f"{r.source_id}_{k}", name=f"{r.name} {k}") for k in range(2, copies + 1) for r in records
    ]


async def measure(
    settings: Settings, repeat: int, copies: int
) -> tuple[list[float], list[float], ImportSummary, ImportSummary, int]:
    bundle = load_seed(settings.seed_dir)
    records = synthetic(read_free_exercise_db(DATASET), copies)
    bundled_keys = {name_key(t) for x in bundle.exercises for t in (x.slug, x.name, *x.aliases)}
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
    dups = sum(1 for o in summaries[0].outcomes if o.outcome == "created" and name_key(o.name) in bundled_keys)
    return first, second, summaries[0], summaries[1], dups


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--engine", choices=("neo4j", "falkordb", "both"), default="both")
    parser.add_argument("--copies", type=int, default=1, help="synthetic copies of each record")
    args = parser.parse_args()
    if not DATASET.is_file():
        sys.exit(f"{DATASET} not found")
    table = Table(title=f"free-exercise-db import ({args.repeat} runs each, median seconds)")
    columns = (
        "engine",
        "records",
        "created",
        "merged",
        "held",
        "review",
        "key dups",
        "skipped",
        "unmapped",
        "import s",
        "re-import s",
        "unchanged",
    )
    for column in columns:
        table.add_column(column, justify="left" if column == "engine" else "right")
    engines = ("neo4j", "falkordb") if args.engine == "both" else (args.engine,)
    with tempfile.TemporaryDirectory() as tmp:
        for engine in engines:
            if engine == "neo4j":
                with neo4j_uri(Path(tmp)) as uri:
                    password = os.environ.get("NEO4J_PASSWORD", "")
                    settings = Settings(neo4j_uri=uri, neo4j_password=password)  # type: ignore[arg-type]
                    result = asyncio.run(measure(settings, args.repeat, args.copies))
            else:
                settings = Settings(neo4j_uri=None, embedded_db_path=Path(tmp) / "bench.db")
                result = asyncio.run(measure(settings, args.repeat, args.copies))
            first, second, summary, again, dups = result
            table.add_row(
                engine,
                str(summary.records),
                str(len(summary.created)),
                str(len(summary.merged)),
                str(len(summary.held)),
                str(len(summary.review)),
                str(dups),
                str(len(summary.skipped)),
                ", ".join(f"{k}:{t}={n}" for (k, t), n in sorted((summary.unmapped + summary.by_design).items())),
                f"{statistics.median(first):.2f}",
                f"{statistics.median(second):.2f}",
                str(again.unchanged),
            )
    Console().print(table)


if __name__ == "__main__":
    main()
