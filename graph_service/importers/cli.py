"""`graph-service import free-exercise-db|exercisedb|cards`: validate a source, merge it into the graph, report."""

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from graph_service.config import Settings, get_settings
from graph_service.errors import GraphServiceError
from graph_service.importers.cards import prepare_card_import
from graph_service.importers.common import SourceExercise
from graph_service.importers.exercisedb import SOURCE as EXERCISEDB
from graph_service.importers.exercisedb import read_exercisedb
from graph_service.importers.free_exercise_db import SOURCE as FREE_EXERCISE_DB
from graph_service.importers.free_exercise_db import read_free_exercise_db
from graph_service.importers.merge import ImportPlan, ImportSummary, prepare_import, write_plan
from graph_service.importers.report import write_report
from graph_service.model import TaxonomyKind
from graph_service.store import Store
from graph_service.store.session import store_session
from graph_service.terminal import fail, progress_bar

import_app = typer.Typer(
    help="Bring exercises in from public datasets or Markdown cards.", no_args_is_help=True, add_completion=False
)
console = Console()

DryRun = Annotated[bool, typer.Option(help="Validate and report what would change; write nothing.")]
SourceFile = Annotated[Path, typer.Argument(help="The dataset's JSON file.", exists=True, dir_okay=False)]
ReportFile = Annotated[
    Path | None,
    typer.Option(
        "--report",
        help="Write every record's outcome and the likely duplicates to FILE.json and FILE.md.",
        dir_okay=False,
    ),
]
TOP_DUPLICATES = 10


@import_app.command("free-exercise-db")
def free_exercise_db(file: SourceFile, dry_run: DryRun = False, report: ReportFile = None) -> None:
    """Import the free-exercise-db JSON format; its relative image paths are joined to
    FREE_EXERCISE_DB_IMAGE_BASE_URL."""
    base_url = get_settings().free_exercise_db_image_base_url
    _import_records(FREE_EXERCISE_DB, partial(read_free_exercise_db, image_base_url=base_url), file, dry_run, report)


@import_app.command("exercisedb")
def exercisedb(file: SourceFile, dry_run: DryRun = False, report: ReportFile = None) -> None:
    """Import the ExerciseDB format (the original singular-field shape or the open-source plural one)."""
    _import_records(EXERCISEDB, read_exercisedb, file, dry_run, report)


@import_app.command("cards")
def cards(
    folder: Annotated[Path, typer.Argument(help="Folder of <slug>.md cards.", file_okay=False)],
    dry_run: DryRun = False,
) -> None:
    """Import Markdown exercise cards; each card's facts replace the exercise's."""
    settings = get_settings()
    _run(settings, lambda store: prepare_card_import(store, folder, seed_dir=settings.seed_dir, dry_run=dry_run))


def _import_records(
    source: str, read: Callable[[Path], Sequence[SourceExercise]], file: Path, dry_run: bool, report: Path | None
) -> None:
    settings = get_settings()
    try:
        records = read(file)
    except GraphServiceError as e:
        raise fail(e) from None
    console.print(f"{file}: {len(records)} {source} records, valid")
    _run(
        settings,
        lambda store: prepare_import(store, records, source=source, seed_dir=settings.seed_dir, dry_run=dry_run),
        report,
    )


def _run(settings: Settings, prepare: Callable[[Store], Awaitable[ImportPlan]], report: Path | None = None) -> None:
    async def run() -> ImportSummary:
        async with store_session(settings) as graph:
            started = time.perf_counter()
            plan = await prepare(graph.store)
            with progress_bar("importing", plan.total_rows, console, enabled=not plan.summary.dry_run) as advance:
                await write_plan(graph.store, plan, batch_size=settings.write_batch_size, progress=advance)
            plan.summary.seconds = time.perf_counter() - started
            return plan.summary

    try:
        summary = asyncio.run(run())
    except GraphServiceError as e:
        raise fail(e) from None
    print_summary(summary, engine=settings.engine)
    if report is not None:
        written = write_report(report, summary)
        console.print(f"report: {written[0]} and {written[1]}", highlight=False, markup=False, soft_wrap=True)


def print_summary(s: ImportSummary, *, engine: str) -> None:
    verb = "would be" if s.dry_run else "were"
    table = Table(title=f"{s.source} on {engine}: {s.records} records ({s.seconds:.2f} s)")
    table.add_column("outcome")
    table.add_column("count", justify="right")
    table.add_row(f"created (new exercises that {verb} added)", str(len(s.created)))
    table.add_row("merged into an existing exercise", str(len(s.merged)))
    table.add_row("unchanged (already imported)", str(s.unchanged))
    table.add_row("held for review (an exercise has the name, the facts disagree)", str(len(s.held)))
    table.add_row("skipped", str(len(s.skipped)))
    table.add_row(f"pictures and videos that {verb} added", str(s.media))
    console.print(table)
    if s.unmapped or s.by_design:
        terms = Table(title="terms that map to nothing in the taxonomy")
        for column in ("kind", "term", "records", "why"):
            terms.add_column(column, justify="right" if column == "records" else "left")
        for (kind, term), n in sorted(s.unmapped.items()):
            terms.add_row(TaxonomyKind(kind).label, Text(term), str(n), "not in the taxonomy: add an alias or a node")
        for (kind, term), n in sorted(s.by_design.items()):
            terms.add_row(TaxonomyKind(kind).label, Text(term), str(n), f"by design: {s.reasons[(kind, term)]}")
        console.print(terms)
    else:
        console.print("every muscle, equipment and body-part term mapped onto the taxonomy")
    for ref, reason in s.skipped:
        console.print(f"skipped {ref}: {reason}", highlight=False, markup=False)
    if s.held:
        held = Table(title="held for review: neither merged nor created (settle in the seed, then import again)")
        for column in ("record", "same name as", "why"):
            held.add_column(column)
        for o in s.held[:TOP_DUPLICATES]:
            held.add_row(Text(o.ref), Text(", ".join(o.candidates)), Text(str(o.review)))
        console.print(held)
        if len(s.held) > TOP_DUPLICATES:
            console.print(f"and {len(s.held) - TOP_DUPLICATES} more (see --report)")
    if s.near_duplicates:
        top = Table(title=f"the {TOP_DUPLICATES} most likely duplicates among the created exercises")
        for column in ("likelihood", "created", "looks like", "why"):
            top.add_column(column, justify="right" if column == "likelihood" else "left")
        for d in s.near_duplicates[:TOP_DUPLICATES]:
            top.add_row(f"{d.likelihood:.2f}", d.slug, d.candidate, d.why)
        console.print(top)
    for what, n in sorted(s.defaulted.items()):
        console.print(f"{n} record(s) gave no value: {what}", highlight=False, markup=False)
    if s.dry_run:
        console.print("dry run: nothing was written")
