"""`graph-service card SLUG` prints one exercise card; `graph-service cards DIR` writes every exercise's card."""

import asyncio
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from graph_service.cards.export import card_markdown, write_cards
from graph_service.cards.facts import all_exercise_slugs
from graph_service.config import get_settings
from graph_service.errors import GraphServiceError
from graph_service.store import open_store
from graph_service.terminal import progress_bar

console = Console(stderr=True)


def card(slug: Annotated[str, typer.Argument(help="The exercise's slug, e.g. barbell-hip-thrust.")]) -> None:
    """Print an exercise's card as Markdown."""
    settings = get_settings()

    async def run() -> str | None:
        store = await open_store(settings)
        try:
            return await card_markdown(store, slug, base_url=settings.card_base_url)
        finally:
            await store.close()

    try:
        text = asyncio.run(run())
    except GraphServiceError as e:
        raise _fail(str(e)) from None
    if text is None:
        raise _fail(f"no exercise with the slug {slug!r}")
    typer.echo(text, nl=False)


def cards(folder: Annotated[Path, typer.Argument(help="Where to write <slug>.md files.", file_okay=False)]) -> None:
    """Write every exercise's card into a folder."""
    settings = get_settings()

    async def run() -> tuple[int, float]:
        store = await open_store(settings)
        try:
            started = time.perf_counter()
            slugs = await all_exercise_slugs(store)
            with progress_bar("cards", len(slugs), console) as advance:
                written = await write_cards(
                    store,
                    folder,
                    base_url=settings.card_base_url,
                    slugs=slugs,
                    progress=advance,
                )
            return len(written), time.perf_counter() - started
        finally:
            await store.close()

    try:
        count, seconds = asyncio.run(run())
    except (GraphServiceError, OSError) as e:
        raise _fail(str(e)) from None
    console.print(f"wrote {count} cards to {folder} ({seconds:.2f} s)", highlight=False)


def _fail(message: str) -> typer.Exit:
    console.print(f"[bold red]error:[/] {escape(message)}", highlight=False)
    return typer.Exit(code=2)
