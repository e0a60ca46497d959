"""The derived keys kept on every exercise node, computed from its edges by every write path.

The edges stay the truth. Filters, alternatives and related reads look these properties up instead of walking
edges: sorted slug lists, the movement `family`, the kind of work and the `profile_key` the near lookup of
alternatives reads by (cypher/_near_candidates.cypher builds the same text from the source's keys).
"""

from collections.abc import Callable, Sequence
from typing import Any

from graph_service.model import work_kind
from graph_service.queries import Q
from graph_service.store import Store


def profile_key(category: str | None, targets: list[str], muscles: list[str]) -> str:
    """The kind of work, the target muscles and the other muscles worked, each list sorted.

    Exercises with equal keys are interchangeable for the muscle part of the alternatives score.
    """
    secondary = sorted(set(muscles).difference(targets))
    return f"{work_kind(category).value}|{_spaced(sorted(targets))}|{_spaced(secondary)}"


def _spaced(slugs: list[str]) -> str:
    """Each slug preceded by a space."""
    return " " + " ".join(slugs) if slugs else ""


def derived_keys(
    slug: str,
    category: str | None,
    *,
    targets: list[str],
    secondary: list[str],
    equipment: list[str],
    body_parts: list[str],
    base: str | None,
    patterns: Sequence[str] = (),
    target_groups: Sequence[str] = (),
    secondary_groups: Sequence[str] = (),
) -> dict[str, Any]:
    """Every derived property of one exercise, from its category and the slugs at the ends of its edges.

    `target_groups` and `secondary_groups` are the muscle groups an import named as a whole (TARGETS_GROUP,
    WORKS_GROUP_SECONDARY); the muscle lists and the profile key hold muscles only."""
    targets = sorted(targets)
    return {
        "target_slugs": targets,
        "muscle_slugs": sorted({*targets, *secondary}),
        # Unknown category: no kind of work, so alternatives assume none (they match within a kind).
        "profile_key": profile_key(category, targets, secondary) if category else None,
        "work_kind": work_kind(category).value if category else None,
        "equipment_slugs": sorted(equipment),
        "body_part_slugs": sorted(body_parts),
        "pattern_slugs": sorted(patterns),
        "target_group_slugs": sorted(target_groups),
        "group_slugs": sorted({*target_groups, *secondary_groups}),
        "family": base or slug,
    }


def keys_from_links(links: dict[str, Any]) -> dict[str, Any]:
    """The derived keys of an exercise from its links as `cypher/exercise_links.cypher` reads them."""

    def slugs(kind: str) -> list[str]:
        return [item["slug"] for item in links.get(kind) or []]

    base = links.get("base") or []
    return derived_keys(
        links["slug"],
        links.get("category"),
        targets=slugs("targets"),
        secondary=slugs("secondary"),
        equipment=slugs("equipment"),
        body_parts=slugs("body_parts"),
        base=min(base) if base else None,
        patterns=slugs("patterns"),
        target_groups=slugs("target_groups"),
        secondary_groups=slugs("secondary_groups"),
    )


async def refresh_exercise_keys(
    store: Store, slugs: Sequence[str], *, batch_size: int, progress: Callable[[int], None] | None = None
) -> None:
    """Recompute, from the edges just written, the derived keys of the exercises in `slugs`."""
    for start in range(0, len(slugs), batch_size):
        links = await store.read(Q.EXERCISE_LINKS, {"slugs": list(slugs[start : start + batch_size])})
        await store.write(
            Q.SET_EXERCISE_KEYS, {"rows": [{"slug": row["slug"], "keys": keys_from_links(row)} for row in links]}
        )
        if progress:
            progress(len(links))
