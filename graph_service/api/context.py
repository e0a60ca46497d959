"""The per-request context: the shared store and statistics, fresh DataLoaders (a loader must never outlive a
request) and what the request read ahead of its fields."""

from dataclasses import dataclass, field
from functools import cached_property

from strawberry.dataloader import DataLoader

from graph_service.api.shared_loader import SharedLoader
from graph_service.cards.facts import ExerciseFacts, load_facts
from graph_service.config import Settings
from graph_service.model import TaxonomyKind
from graph_service.reads.alternatives import AlternativeRow, AlternativesQuestion
from graph_service.reads.exercises import ExerciseWithLinksRow, Links, exercise_links, exercises_by_slugs
from graph_service.reads.guidance import GuidanceRow, exercise_guidance
from graph_service.reads.kits import KitRow, kits
from graph_service.reads.related import RelatedGroupRow
from graph_service.reads.taxonomy import TaxonomyRow, taxonomy_nodes
from graph_service.statistics import GraphStatistics
from graph_service.store import Store


@dataclass(frozen=True)
class ReadAheadAlternatives:
    rows: list[AlternativeRow]
    exact: bool  # or near lookups the ranking must still prove


@dataclass
class ReadAhead:
    """What graph_service.api.read_ahead read before the fields asked for it, under the question it answers."""

    alternatives: dict[AlternativesQuestion, ReadAheadAlternatives] = field(default_factory=dict)
    related: dict[tuple[str, int], list[RelatedGroupRow]] = field(default_factory=dict)  # (slug, first)


@dataclass
class Context:
    """Loaders are made when a request first uses them: most requests need two or three of them."""

    store: Store
    statistics: GraphStatistics
    settings: Settings
    read_ahead: ReadAhead = field(default_factory=ReadAhead)
    cost_spent: int = 0  # by the request's operations so far (graph_service.api.document_limits)

    @cached_property
    def links(self) -> DataLoader[str, Links | None]:
        async def load(slugs: list[str]) -> list[Links | None]:
            found: dict[str, Links] = {row["slug"]: row for row in await exercise_links(self.store, slugs=list(slugs))}
            return [found.get(slug) for slug in slugs]

        return SharedLoader(load_fn=load)

    @cached_property
    def exercises(self) -> DataLoader[str, ExerciseWithLinksRow | None]:
        async def load(slugs: list[str]) -> list[ExerciseWithLinksRow | None]:
            found = {row["slug"]: row for row in await exercises_by_slugs(self.store, slugs=list(slugs))}
            # An exercise row carries its relations, so loading an exercise answers its links as well.
            for slug, row in found.items():
                self.links.prime(slug, row)
            return [found.get(slug) for slug in slugs]

        return SharedLoader(load_fn=load)

    def taxonomy(self, kind: TaxonomyKind) -> DataLoader[str, TaxonomyRow | None]:
        return self._taxonomy[kind]

    @cached_property
    def _taxonomy(self) -> dict[TaxonomyKind, DataLoader[str, TaxonomyRow | None]]:
        def loader(kind: TaxonomyKind) -> DataLoader[str, TaxonomyRow | None]:
            async def load(slugs: list[str]) -> list[TaxonomyRow | None]:
                found = {row["slug"]: row for row in await taxonomy_nodes(self.store, kind, slugs=list(slugs))}
                return [found.get(slug) for slug in slugs]

            return SharedLoader(load_fn=load)

        return {kind: loader(kind) for kind in TaxonomyKind}

    @cached_property
    def kits(self) -> DataLoader[str, KitRow | None]:
        async def load(slugs: list[str]) -> list[KitRow | None]:
            found = {row["slug"]: row for row in await kits(self.store, slugs=list(slugs))}
            return [found.get(slug) for slug in slugs]

        return SharedLoader(load_fn=load)

    @cached_property
    def guidance(self) -> DataLoader[str, GuidanceRow | None]:
        async def load(slugs: list[str]) -> list[GuidanceRow | None]:
            found = {row["slug"]: row for row in await exercise_guidance(self.store, slugs=list(slugs))}
            return [found.get(slug) for slug in slugs]

        return SharedLoader(load_fn=load)

    @cached_property
    def facts(self) -> DataLoader[str, ExerciseFacts | None]:
        async def load_card_facts(slugs: list[str]) -> list[ExerciseFacts | None]:
            found = {f.slug: f for f in await load_facts(self.store, slugs, statistics=self.statistics)}
            return [found.get(slug) for slug in slugs]

        return SharedLoader(load_fn=load_card_facts)
