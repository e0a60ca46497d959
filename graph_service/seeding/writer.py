"""Write a validated seed bundle through the store in UNWIND batches; every run converges on the same graph."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from graph_service.keys import derived_keys
from graph_service.model import DIFFICULTY_RANK
from graph_service.queries import Q
from graph_service.seeding.guidance_entries import guidance_rows
from graph_service.seeding.loader import SeedBundle
from graph_service.seeding.models import Entry, ExerciseEntry
from graph_service.seeding.plan_entries import MovementPatternEntry
from graph_service.store import Store

CLEAR_SLICE = 10_000


@dataclass(frozen=True)
class GraphCounts:
    nodes: dict[str, int]
    edges: dict[str, int]


def entry_props(entry: Entry) -> dict[str, Any]:
    """Properties shared by every node: `search_text` feeds the full-text index with name and aliases."""
    return {"name": entry.name, "aliases": entry.aliases, "search_text": " ".join([entry.name, *entry.aliases])}


def exercise_row(
    x: ExerciseEntry, *, target_groups: Sequence[str] = (), secondary_groups: Sequence[str] = ()
) -> dict[str, Any]:
    """An exercise's row for the write statements. `target_groups` and `secondary_groups`: muscle groups an import's
    source named only as a whole (TARGETS_GROUP, WORKS_GROUP_SECONDARY); the seed names muscles."""
    props = entry_props(x)
    # An imported exercise may have no difficulty or category (unknown); the seed format requires both.
    props["difficulty"] = x.difficulty.value if x.difficulty else None
    props["difficulty_rank"] = DIFFICULTY_RANK[x.difficulty] if x.difficulty else None
    props["category"] = x.category.value if x.category else None
    props["force"] = x.force.value if x.force else None
    props["mechanic"] = x.mechanic.value if x.mechanic else None
    props["description"] = x.description
    props["instructions"] = x.instructions
    props["tips"] = x.tips
    props["mistakes"] = x.mistakes
    props.update(
        derived_keys(
            x.slug,
            x.category.value if x.category else None,
            targets=x.targets,
            secondary=x.secondary,
            equipment=x.equipment,
            body_parts=[x.body_part],
            base=x.variation_of,
            patterns=x.patterns,
            target_groups=target_groups,
            secondary_groups=secondary_groups,
        )
    )
    return {
        "slug": x.slug,
        "props": props,
        "targets": x.targets,
        "secondary": x.secondary,
        "equipment": x.equipment,
        "patterns": x.patterns,
        "target_groups": list(target_groups),
        "secondary_groups": list(secondary_groups),
        "body_part": x.body_part,
        "base": x.variation_of,
    }


def pattern_row(p: MovementPatternEntry) -> dict[str, Any]:
    props = entry_props(p) | {"group": p.group.value, "region": p.region.value}
    return {"slug": p.slug, "props": props | {"direction": p.direction.value if p.direction else None}}


def exercise_rows(exercises: Sequence[ExerciseEntry]) -> list[dict[str, Any]]:
    return [exercise_row(x) for x in exercises]


def total_rows(bundle: SeedBundle) -> int:
    """How many rows `write_seed` reports: each exercise twice, with its edges and then its variation link."""
    taxonomy = len(bundle.body_parts) + len(bundle.muscles) + len(bundle.equipment)
    taxonomy += len(bundle.muscle_groups)
    return taxonomy + len(bundle.movement_patterns) + len(bundle.kits) + 2 * len(bundle.exercises)


async def clear_graph(store: Store) -> None:
    while (await store.write(Q.CLEAR_GRAPH, {"limit": CLEAR_SLICE}))[0]["deleted"]:
        pass


async def write_seed(
    store: Store,
    bundle: SeedBundle,
    *,
    batch_size: int,
    reset: bool = False,
    progress: Callable[[int], None] | None = None,
) -> GraphCounts:
    async with store.loading():
        if reset:
            await clear_graph(store)
        await _write_bundle(store, bundle, batch_size=batch_size, progress=progress)
    return await graph_counts(store)


async def _write_bundle(
    store: Store, bundle: SeedBundle, *, batch_size: int, progress: Callable[[int], None] | None
) -> None:
    async def send(name: Q, rows: Sequence[dict[str, Any]]) -> None:
        await store.write_batches(name, rows, batch_size=batch_size, progress=progress)

    await send(Q.UPSERT_BODY_PARTS, [{"slug": b.slug, "props": entry_props(b)} for b in bundle.body_parts])
    await send(Q.UPSERT_EQUIPMENT, [{"slug": q.slug, "props": entry_props(q)} for q in bundle.equipment])
    await send(Q.UPSERT_MOVEMENT_PATTERNS, [pattern_row(p) for p in bundle.movement_patterns])
    kits = [{"slug": k.slug, "props": entry_props(k), "equipment": k.equipment} for k in bundle.kits]
    await send(Q.UPSERT_KITS, kits)
    await send(
        Q.UPSERT_MUSCLES,
        [{"slug": m.slug, "props": entry_props(m), "body_part": m.body_part} for m in bundle.muscles],
    )
    # After the muscles: each group links the muscles it lists.
    groups = [{"slug": g.slug, "props": entry_props(g), "muscles": g.muscles} for g in bundle.muscle_groups]
    await send(Q.UPSERT_MUSCLE_GROUPS, groups)
    # With no exercise in the graph yet, nothing can be stale or merged into: create instead, which is cheaper.
    first_load = (await store.read(Q.EXERCISE_TOTAL))[0]["total"] == 0
    statement = Q.CREATE_EXERCISES if first_load else Q.UPSERT_EXERCISES
    # Each batch's rows are built when a transaction slot frees up, while the engine writes the others.
    exercises = bundle.exercises
    batches = (exercise_rows(exercises[start : start + batch_size]) for start in range(0, len(exercises), batch_size))
    unlinked = await store.write_each(statement, batches, progress=progress)
    if first_load:
        # Created exercises are linked to a base already written; only the rest are left for the second pass.
        links = unlinked
        if progress:
            progress(len(exercises) - len(links))
    else:
        links = [{"exercise": x.slug, "base": x.variation_of} for x in exercises]
    await send(Q.LINK_VARIATIONS, links)
    # Curated guidance last, once every exercise exists; one short row per exercise, left out of the progress count.
    await store.write_batches(Q.SET_EXERCISE_GUIDANCE, guidance_rows(exercises, bundle.guidance), batch_size=batch_size)


async def graph_counts(store: Store) -> GraphCounts:
    rows = await store.read(Q.GRAPH_COUNTS)
    return GraphCounts(
        nodes={r["name"]: r["count"] for r in rows if r["kind"] == "node"},
        edges={r["name"]: r["count"] for r in rows if r["kind"] == "edge"},
    )
