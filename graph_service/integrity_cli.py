"""`graph-service check [--repair]`: derived keys against edges, and the rules every exercise meets."""

import asyncio
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from graph_service.config import get_settings
from graph_service.errors import GraphServiceError
from graph_service.integrity import CheckResult, check_graph, repair_keys
from graph_service.store.session import store_session
from graph_service.terminal import fail

console = Console()


def check(
    repair: Annotated[bool, typer.Option(help="Rewrite the stale keys from the edges (idempotent).")] = False,
) -> None:
    """List exercises whose derived keys disagree with their edges, and exercises that lack a target muscle,
    equipment or a body part; exit 1 if any. `--repair` rewrites the keys; edges are never changed."""
    settings = get_settings()

    async def run() -> tuple[CheckResult, list[str], CheckResult | None]:
        async with store_session(settings) as graph:
            found = await check_graph(graph.store, batch_size=settings.write_batch_size)
            if not repair or not found.stale:
                return found, [], None
            repaired = await repair_keys(graph.store, found, batch_size=settings.write_batch_size)
            return found, repaired, await check_graph(graph.store, batch_size=settings.write_batch_size)

    try:
        found, repaired, after = asyncio.run(run())
    except GraphServiceError as e:
        raise fail(e) from None
    print_check(found, engine=settings.engine)
    if repair:
        console.print(f"repaired the keys of {len(repaired)} exercise(s)", highlight=False)
        if after is not None:
            console.print(f"after repair: {len(after.stale)} stale key(s), {len(after.breaches)} rule breach(es)")
    final = after or found
    if (final.stale if repair else not found.clean) or final.breaches:
        raise typer.Exit(1)


def print_check(result: CheckResult, *, engine: str) -> None:
    console.print(
        f"{result.exercises} exercises on {engine}: {len(result.stale_exercises)} with stale keys, "
        f"{len(result.breaches)} rule breach(es)",
        highlight=False,
    )
    if result.stale:
        table = Table(title="derived keys that disagree with the edges")
        for column in ("exercise", "key", "stored", "from the edges"):
            table.add_column(column)
        for s in result.stale:
            table.add_row(s.slug, s.key, repr(s.stored), repr(s.from_edges))
        console.print(table)
    if result.breaches:
        table = Table(title="exercises that break a rule")
        table.add_column("exercise")
        table.add_column("rule")
        for b in result.breaches:
            table.add_row(b.slug, b.rule)
        console.print(table)
