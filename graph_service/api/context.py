"""The per-request context: the shared store and fresh DataLoaders (a loader must never outlive a request)."""

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from strawberry.dataloader import DataLoader

from graph_service.cards.facts import ExerciseFacts, load_facts
from graph_service.config import Settings
from graph_service.hints import known_slugs
from graph_service.queries import Q
from graph_service.store import Row, Store


def _loader(
    store: Store, name: Q, key: str = "slug", also: DataLoader[str, Row | None] | None = None
) -> DataLoader[str, Row | None]:
    """Batch lookups by `key`; `also` is primed with every row found (the rows answer for it too)."""

    async def load(slugs: list[str]) -> list[Row | None]:
        rows = await store.read(name, {"slugs": list(slugs)})
        by_key = {row[key]: row for row in rows}
        if also is not None:
            for slug, row in by_key.items():
                also.prime(slug, row)
        return [by_key.get(slug) for slug in slugs]

    return DataLoader(load_fn=load)


@dataclass
class Context:
    """Loaders are made when a request first uses them: most requests need two or three of the six."""

    store: Store
    settings: Settings
    # Answers read ahead of their fields (graph_service.api.page), keyed by the field and its arguments.
    prefetched: dict[tuple[Any, ...], Any] = field(default_factory=dict)

    @cached_property
    def links(self) -> DataLoader[str, Row | None]:
        return _loader(self.store, Q.EXERCISE_LINKS)

    @cached_property
    def exercises(self) -> DataLoader[str, Row | None]:
        # An exercise row carries its relations, so loading an exercise answers its links as well.
        return _loader(self.store, Q.EXERCISES_BY_SLUGS, also=self.links)

    @cached_property
    def muscles(self) -> DataLoader[str, Row | None]:
        return _loader(self.store, Q.MUSCLES)

    @cached_property
    def equipment(self) -> DataLoader[str, Row | None]:
        return _loader(self.store, Q.EQUIPMENT)

    @cached_property
    def body_parts(self) -> DataLoader[str, Row | None]:
        return _loader(self.store, Q.BODY_PARTS)

    @cached_property
    def facts(self) -> DataLoader[str, ExerciseFacts | None]:
        async def load_card_facts(slugs: list[str]) -> list[ExerciseFacts | None]:
            found = {f.slug: f for f in await load_facts(self.store, slugs)}
            return [found.get(slug) for slug in slugs]

        return DataLoader(load_fn=load_card_facts)

    async def taxonomy(self, *, fresh: bool = False) -> dict[str, frozenset[str]]:
        """Known slugs per kind (muscle, equipment, bodyPart); `fresh` reads them again rather than trust the
        minute-old hint (graph_service.hints)."""
        return await known_slugs(self.store, fresh=fresh)
