"""Muscles, muscle groups, equipment, body parts and movement patterns: lists, lookups by slug, the check that
slugs exist."""

from collections.abc import Mapping
from typing import NotRequired, TypedDict, cast

from graph_service.model import TaxonomyKind
from graph_service.queries import Q
from graph_service.statistics import GraphStatistics
from graph_service.store import Store

STATEMENTS = {
    TaxonomyKind.MUSCLE: Q.MUSCLES,
    TaxonomyKind.EQUIPMENT: Q.EQUIPMENT,
    TaxonomyKind.BODY_PART: Q.BODY_PARTS,
    TaxonomyKind.MOVEMENT_PATTERN: Q.MOVEMENT_PATTERNS,
    TaxonomyKind.MUSCLE_GROUP: Q.MUSCLE_GROUPS,
}


class TaxonomyRow(TypedDict):
    """A node as cypher/muscles.cypher, equipment.cypher or body_parts.cypher returns it."""

    slug: str
    name: str
    aliases: list[str] | None
    exercise_count: int
    body_parts: NotRequired[list[str]]  # muscles: the body part they belong to
    groups: NotRequired[list[str]]  # muscles: the muscle group they belong to
    target_count: NotRequired[int]  # muscles
    muscles: NotRequired[list[str]]  # body parts and muscle groups
    group: NotRequired[str]  # movement patterns: graph_service.planning.vocabulary
    region: NotRequired[str]
    direction: NotRequired[str | None]


async def taxonomy_nodes(store: Store, kind: TaxonomyKind, *, slugs: list[str] | None = None) -> list[TaxonomyRow]:
    """Every node of `kind` by name, or those in `slugs`."""
    return cast(list[TaxonomyRow], await store.read(STATEMENTS[kind], {"slugs": slugs}))


async def unknown_slugs(
    statistics: GraphStatistics, named: Mapping[TaxonomyKind, list[str]]
) -> dict[TaxonomyKind, list[str]]:
    """The slugs in `named` that no node of their kind has, by kind; empty when all exist. The known slugs may be a
    minute old: a slug they lack is looked up again before it is called unknown."""
    named = {kind: slugs for kind, slugs in named.items() if slugs}
    if not named:
        return {}

    def missing(known: Mapping[TaxonomyKind, frozenset[str]]) -> dict[TaxonomyKind, list[str]]:
        found = {kind: [s for s in slugs if s not in known[kind]] for kind, slugs in named.items()}
        return {kind: slugs for kind, slugs in found.items() if slugs}

    if missing(await statistics.known_slugs()):
        return missing(await statistics.known_slugs(fresh=True))
    return {}
