"""Cards from the graph: one exercise's page, or every exercise's page written to a folder."""

from collections.abc import Callable, Sequence
from pathlib import Path

from graph_service.cards.facts import all_exercise_slugs, load_facts
from graph_service.cards.render import render_card
from graph_service.store import Store

BATCH = 200


async def card_markdown(store: Store, slug: str, *, base_url: str) -> str | None:
    """The card of one exercise, or None when there is no such exercise."""
    found = await load_facts(store, [slug])
    return render_card(found[0], base_url=base_url) if found else None


async def write_cards(
    store: Store,
    folder: Path,
    *,
    base_url: str,
    slugs: Sequence[str] | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[Path]:
    """Write `<slug>.md` for each exercise in `slugs` (default: every exercise); returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    slugs = list(slugs) if slugs is not None else await all_exercise_slugs(store)
    written = []
    for start in range(0, len(slugs), BATCH):
        for facts in await load_facts(store, slugs[start : start + BATCH]):
            path = folder / f"{facts.slug}.md"
            path.write_text(render_card(facts, base_url=base_url), encoding="utf-8")
            written.append(path)
            if progress:
                progress(1)
    return written
