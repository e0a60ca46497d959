"""The `graph-service` command."""

import asyncio
import os
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from graph_service.cards.cli import card, cards
from graph_service.config import get_settings
from graph_service.errors import GraphServiceError, SeedValidationError
from graph_service.importers.cli import import_app
from graph_service.integrity_cli import check
from graph_service.seeding import GraphCounts, load_seed, total_rows, write_seed
from graph_service.store.session import store_session
from graph_service.terminal import fail, progress_bar

app = typer.Typer(help="Exercise knowledge-graph service.", no_args_is_help=True, add_completion=False)
console = Console()
app.add_typer(import_app, name="import")
app.command()(card)
app.command()(cards)
app.command()(check)


@app.command()
def seed(
    reset: Annotated[bool, typer.Option(help="Delete the whole graph before loading.")] = False,
    check: Annotated[bool, typer.Option(help="Validate the seed files only; write nothing.")] = False,
    seed_dir: Annotated[Path | None, typer.Option(help="Seed folder (default: the bundled one).")] = None,
) -> None:
    """Validate the seed folder, then load it into the configured engine (idempotent)."""
    settings = get_settings()
    folder = seed_dir or settings.seed_dir
    try:
        bundle = load_seed(folder)
    except SeedValidationError as e:
        raise fail(e) from None
    console.print(
        f"{folder}: {len(bundle.exercises)} exercises, {len(bundle.muscles)} muscles, "
        f"{len(bundle.equipment)} equipment, {len(bundle.body_parts)} body parts: valid"
    )
    if check:
        return

    async def run() -> tuple[GraphCounts, float]:
        async with store_session(settings) as graph:
            with progress_bar("seeding", total_rows(bundle), console) as advance:
                started = time.perf_counter()
                counts = await write_seed(
                    graph.store,
                    bundle,
                    batch_size=settings.write_batch_size,
                    reset=reset,
                    progress=advance,
                )
                return counts, time.perf_counter() - started

    try:
        counts, seconds = asyncio.run(run())
    except GraphServiceError as e:
        raise fail(e) from None
    table = Table(title=f"graph on {settings.engine} after seeding ({seconds:.2f} s)")
    table.add_column("kind")
    table.add_column("name")
    table.add_column("count", justify="right")
    for kind, group in (("node", counts.nodes), ("edge", counts.edges)):
        for name, count in sorted(group.items()):
            table.add_row(kind, name, str(count))
    console.print(table)


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Interface to listen on (default: HOST or 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default: PORT or 8000).")] = None,
    workers: Annotated[int | None, typer.Option(help="Worker processes (default: WORKERS or 1).")] = None,
) -> None:
    """Serve the GraphQL API under Uvicorn (the embedded engine seeds itself on first start)."""
    import uvicorn

    from graph_service.operations.logs import log_config
    from graph_service.operations.multiprocess import shared_metrics
    from graph_service.operations.tracing import tracing_mode

    # The app reads its settings from the environment in each worker: what the options give is put there, so that
    # what it derives from them (GraphiQL and introspection by the address it listens on) sees them too.
    for name, value in (("HOST", host), ("PORT", port), ("WORKERS", workers)):
        if value is not None:
            os.environ[name] = str(value)
    get_settings.cache_clear()
    settings = get_settings()
    workers = settings.workers
    if workers > 1 and settings.engine == "falkordb":
        # One process owns the embedded engine's data file; several workers would each start an engine on it.
        raise fail(f"WORKERS={workers} needs Neo4j (NEO4J_URI): the embedded engine serves one process; use WORKERS=1")
    with shared_metrics(workers):
        uvicorn.run(
            "graph_service.app:create_app",
            factory=True,
            host=settings.host,
            port=settings.port,
            workers=workers,
            log_config=log_config(settings, trace_ids=tracing_mode(settings) != "off"),
            access_log=False,  # the service writes its own access line (ACCESS_LOG), with the request id
        )


@app.command()
def schema(
    output: Annotated[Path | None, typer.Option(help="Write the SDL to this file instead of printing it.")] = None,
) -> None:
    """Print the GraphQL schema (SDL); `schema.graphql` in the repository is this output."""
    from graph_service.api.schema import sdl

    if output:
        output.write_text(sdl(), encoding="utf-8")
    else:
        typer.echo(sdl(), nl=False)


@app.command()
def coverage(
    update_docs: Annotated[bool, typer.Option(help="Rewrite the coverage section of docs/knowledge-base.md.")] = False,
) -> None:
    """Print what the bundled knowledge base covers, as Markdown tables."""
    from graph_service.config import PROJECT_ROOT
    from graph_service.seeding.coverage import DOC, coverage_markdown, replace_block

    try:
        text = coverage_markdown(load_seed(get_settings().seed_dir))
    except SeedValidationError as e:
        raise fail(e) from None
    if update_docs:
        page = PROJECT_ROOT / DOC
        page.write_text(replace_block(page.read_text(encoding="utf-8"), text), encoding="utf-8")
    else:
        typer.echo(text, nl=False)


@app.callback()
def main() -> None:
    """Exercise knowledge-graph service."""
