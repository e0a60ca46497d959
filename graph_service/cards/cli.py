"""`graph-service card SLUG` prints one exercise card; `graph-service cards DIR` writes every exercise's card."""

import asyncio
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from graph_service.cards.export import card_markdown, write_cards
from graph_service.cards.facts import all_exercise_slugs
from graph_service.config import get_settings
from graph_service.errors import GraphServiceError
from graph_service.store.session import store_session
from graph_service.terminal import fail, progress_bar

console = Console(stderr=True)


def card(slug: Annotated[str, typer.Argument(help="The exercise's slug, e.g. barbell-hip-thrust.")]) -> None:
    """Print an exercise's card as Markdown."""
    settings = get_settings()

    async def run() -> str | None:
        async with store_session(settings) as graph:
            return await card_markdown(graph.store, slug, base_url=settings.card_base_url)

    try:
        text = asyncio.run(run())
    except GraphServiceError as e:
        raise fail(e) from None
    if text is None:
        raise fail(f"no exercise with the slug {slug!r}")
    typer.echo(text, nl=False)


def cards(folder: Annotated[Path, typer.Argument(help="Where to write <slug>.md files.", file_okay=False)]) -> None:
    """Write every exercise's card into a folder."""
    settings = get_settings()

    async def run() -> tuple[int, float]:
        async with store_session(settings) as graph:
            started = time.perf_counter()
            slugs = await all_exercise_slugs(graph.store)
            with progress_bar("cards", len(slugs), console) as advance:
                written = await write_cards(
                    graph.store,
                    folder,
                    base_url=settings.card_base_url,
                    slugs=slugs,
                    progress=advance,
                )
            return len(written), time.perf_counter() - started

    try:
        count, seconds = asyncio.run(run())
    except (GraphServiceError, OSError) as e:
        raise fail(e) from None
    console.print(f"wrote {count} cards to {folder} ({seconds:.2f} s)", highlight=False)
