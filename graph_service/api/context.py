"""The per-request context: the shared store and fresh DataLoaders (a loader must never outlive a request)."""

from dataclasses import dataclass, field
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
    store: Store
    settings: Settings
    exercises: DataLoader[str, Row | None] = field(init=False)
    links: DataLoader[str, Row | None] = field(init=False)
    muscles: DataLoader[str, Row | None] = field(init=False)
    equipment: DataLoader[str, Row | None] = field(init=False)
    body_parts: DataLoader[str, Row | None] = field(init=False)
    facts: DataLoader[str, ExerciseFacts | None] = field(init=False)
    # Answers read ahead of their fields (graph_service.api.page), keyed by the field and its arguments.
    prefetched: dict[tuple[Any, ...], Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.links = _loader(self.store, Q.EXERCISE_LINKS)
        # An exercise row carries its relations, so loading an exercise answers its links as well.
        self.exercises = _loader(self.store, Q.EXERCISES_BY_SLUGS, also=self.links)
        self.muscles = _loader(self.store, Q.MUSCLES)
        self.equipment = _loader(self.store, Q.EQUIPMENT)
        self.body_parts = _loader(self.store, Q.BODY_PARTS)

        async def load_card_facts(slugs: list[str]) -> list[ExerciseFacts | None]:
            found = {f.slug: f for f in await load_facts(self.store, slugs)}
            return [found.get(slug) for slug in slugs]

        self.facts = DataLoader(load_fn=load_card_facts)

    async def taxonomy(self, *, fresh: bool = False) -> dict[str, frozenset[str]]:
        """Known slugs per kind (muscle, equipment, bodyPart); `fresh` reads them again rather than trust the
        minute-old hint (graph_service.hints)."""
        return await known_slugs(self.store, fresh=fresh)
