"""Kits: named sets of equipment (cypher/kits.cypher), and what a request may use given a kit and a list."""

from typing import TypedDict, cast

from graph_service.queries import Q
from graph_service.reads.exercises import NamedRow
from graph_service.statistics import GraphStatistics
from graph_service.store import Store


class KitRow(TypedDict):
    slug: str
    name: str
    aliases: list[str] | None
    equipment: list[NamedRow]


async def kits(store: Store, *, slugs: list[str] | None = None) -> list[KitRow]:
    """Every kit by name, or those in `slugs`."""
    return cast(list[KitRow], await store.read(Q.KITS, {"slugs": slugs}))


async def kit_equipment(store: Store, statistics: GraphStatistics, kit: str) -> list[str] | None:
    """The equipment slugs `kit` includes, sorted; None when there is no such kit. Every kit is read once per
    graph version; a kit not among them is looked for again before it is called unknown."""

    def equipment(row: KitRow) -> list[str]:
        return sorted(q["slug"] for q in row["equipment"])

    async def read() -> dict[str, list[str]]:
        return {k["slug"]: equipment(k) for k in await kits(store)}

    known = (await statistics.per_version("kits", read)).get(kit)
    if known is not None:
        return known
    found = await kits(store, slugs=[kit])
    return equipment(found[0]) if found else None


def with_kit(available: list[str] | None, kit_slugs: list[str] | None) -> list[str] | None:
    """The equipment a request may use: the union of what it lists and what its kit includes; None (no limit)
    when it gives neither."""
    if available is None and kit_slugs is None:
        return None
    return sorted({*(available or []), *(kit_slugs or [])})
