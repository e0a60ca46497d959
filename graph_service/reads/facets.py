"""Facet counts for filter menus: per body part, target muscle, target muscle group, equipment, difficulty and
category."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from graph_service.model import Category, Difficulty, TaxonomyKind
from graph_service.queries import Q
from graph_service.store import Store


@dataclass(frozen=True)
class FacetValue:
    value: str  # a slug, or the enum's value for difficulty and category
    name: str
    count: int


@dataclass(frozen=True)
class FacetCounts:
    taxonomy: dict[TaxonomyKind, list[FacetValue]]  # most exercises first, then by name
    difficulties: list[FacetValue]  # in the enum's order; value is the enum member's name
    categories: list[FacetValue]  # most exercises first


async def facet_counts(
    store: Store, *, filter: Mapping[str, Any], muscle_groups: list[list[Any]] | None = None
) -> FacetCounts:
    """`muscle_groups`: each group as [slug, [member slugs]] (graph_service.reads.muscle_groups.group_pairs), to
    count by group; None counts none."""
    rows = await store.read(Q.FACETS, {**filter, "muscle_groups": muscle_groups})
    groups: dict[str, dict[str, int]] = {}
    named: dict[TaxonomyKind, list[FacetValue]] = {kind: [] for kind in TaxonomyKind}
    for r in rows:
        groups.setdefault(r["facet"], {})[r["value"]] = int(r["count"])
        # A taxonomy value without a node (removed since the exercise was written) has no name and is left out.
        if r["facet"] in TaxonomyKind and r["name"] is not None:
            named[TaxonomyKind(r["facet"])].append(FacetValue(r["value"], r["name"], int(r["count"])))

    def enum_counts(facet: str, enum: type[Difficulty] | type[Category]) -> list[FacetValue]:
        counts = groups.get(facet, {})
        return [FacetValue(e.name, e.value, counts[e.value]) for e in enum if e.value in counts]

    return FacetCounts(
        taxonomy={kind: _by_count(values) for kind, values in named.items()},
        difficulties=enum_counts("difficulty", Difficulty),
        categories=_by_count(enum_counts("category", Category)),
    )


def _by_count(values: list[FacetValue]) -> list[FacetValue]:
    return sorted(values, key=lambda c: (-c.count, c.name))
