"""The seeder on both engines: counts, idempotence, edits, reset."""

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml

from graph_service.errors import StoreError
from graph_service.queries import Q
from graph_service.reads.search import search
from graph_service.seeding import graph_counts, load_seed, write_seed
from graph_service.seeding.synthetic import synthetic_bundle
from graph_service.seeding.writer import clear_graph, exercise_rows
from graph_service.store import Store
from graph_service.store.base import Row

EDGE_DUMP = """
MATCH (a)-[r]->(b)
RETURN labels(a)[0] AS from_label, a.slug AS from_slug, type(r) AS type, labels(b)[0] AS to_label, b.slug AS to_slug
ORDER BY from_label, from_slug, type, to_label, to_slug
"""
NODE_DUMP = """
MATCH (n)
RETURN labels(n)[0] AS label, n.slug AS slug, n.name AS name, n.aliases AS aliases, n.search_text AS search_text,
       n.difficulty AS difficulty, n.category AS category, n.force AS force, n.mechanic AS mechanic,
       n.description AS description, n.instructions AS instructions, n.tips AS tips, n.mistakes AS mistakes
ORDER BY label, slug
"""


async def dump(store: Store) -> tuple[list[Row], list[Row]]:
    return await store.run_text(NODE_DUMP, {}, write=False), await store.run_text(EDGE_DUMP, {}, write=False)


async def test_seed_loads_the_sample(store: Store, mini_seed: Path) -> None:
    bundle = load_seed(mini_seed)
    counts = await write_seed(store, bundle, batch_size=4)
    nodes = {"Exercise": 6, "Muscle": 32, "Equipment": 40, "BodyPart": 8}
    assert counts.nodes == nodes | {
        "MovementPattern": len(bundle.movement_patterns),
        "Kit": len(bundle.kits),
        "MuscleGroup": len(bundle.muscle_groups),
    }
    x = {e.slug: e for e in bundle.exercises}
    assert counts.edges["TARGETS"] == sum(len(e.targets) for e in x.values())
    assert counts.edges["WORKS_SECONDARY"] == sum(len(e.secondary) for e in x.values())
    assert counts.edges["USES"] == sum(len(e.equipment) for e in x.values())
    assert counts.edges["TRAINS"] == 6
    assert counts.edges["PART_OF"] == 32
    assert counts.edges["IN_GROUP"] == 32  # every muscle in exactly one group
    assert counts.edges["VARIATION_OF"] == 1
    assert counts.edges["FOLLOWS"] == sum(len(e.patterns) for e in x.values())
    assert counts.edges["INCLUDES"] == sum(len(k.equipment) for k in bundle.kits)

    rows = await store.run_text(
        "MATCH (e:Exercise {slug: $slug})-[:TARGETS]->(m:Muscle)-[:PART_OF]->(b:BodyPart) "
        "RETURN e.name AS name, e.instructions AS steps, e.tips AS tips, m.slug AS muscle, b.slug AS part",
        {"slug": "barbell-hip-thrust"},
        write=False,
    )
    assert rows == [
        {
            "name": "Barbell Hip Thrust",
            "steps": x["barbell-hip-thrust"].instructions,
            "tips": x["barbell-hip-thrust"].tips,
            "muscle": "glutes",
            "part": "legs",
        }
    ]


async def test_second_run_changes_nothing(store: Store, mini_seed: Path) -> None:
    bundle = load_seed(mini_seed)
    first_counts = await write_seed(store, bundle, batch_size=3)
    first = await dump(store)
    second_counts = await write_seed(store, bundle, batch_size=500)
    assert second_counts == first_counts
    assert await dump(store) == first


async def test_rerun_after_an_edit_reflects_the_edit(store: Store, mini_seed: Path) -> None:
    await write_seed(store, load_seed(mini_seed), batch_size=10)
    path = mini_seed / "exercises" / "sample.yaml"
    data: dict[str, Any] = yaml.safe_load(path.read_text())
    thrust = next(x for x in data["exercises"] if x["slug"] == "barbell-hip-thrust")
    thrust["secondary"] = ["hamstrings"]
    thrust["equipment"] = ["barbell", "bench"]
    del thrust["variation_of"]
    del thrust["force"]
    path.write_text(yaml.safe_dump(data))

    await write_seed(store, load_seed(mini_seed), batch_size=10)
    rows = await store.run_text(
        "MATCH (e:Exercise {slug: 'barbell-hip-thrust'}) "
        "RETURN [(e)-[:WORKS_SECONDARY]->(m) | m.slug] AS secondary, [(e)-[:USES]->(q) | q.slug] AS equipment, "
        "[(e)-[:VARIATION_OF]->(b) | b.slug] AS base, e.force AS force",
        {},
        write=False,
    )
    assert len(rows) == 1
    assert rows[0]["secondary"] == ["hamstrings"]
    assert sorted(rows[0]["equipment"]) == ["barbell", "bench"]
    assert rows[0]["base"] == []
    assert rows[0]["force"] is None


async def test_reset_removes_what_the_seed_no_longer_has(store: Store, mini_seed: Path) -> None:
    await store.run_text("CREATE (:Exercise {slug: 'stray', name: 'Stray'})", {}, write=True)
    counts = await write_seed(store, load_seed(mini_seed), batch_size=100, reset=True)
    assert counts.nodes["Exercise"] == 6
    assert not await store.run_text("MATCH (e:Exercise {slug: 'stray'}) RETURN e.slug AS slug", {}, write=False)


async def test_schema_enforces_unique_slugs(store: Store) -> None:
    await store.apply_schema()  # a second application is harmless
    await store.run_text("CREATE (:Muscle {slug: 'x', name: 'X'})", {}, write=True)
    with pytest.raises(StoreError):
        await store.run_text("CREATE (:Muscle {slug: 'x', name: 'Y'})", {}, write=True)
    counts = await graph_counts(store)
    assert counts.nodes == {"Muscle": 1}


async def test_counts_of_an_empty_graph(store: Store) -> None:
    assert await store.read(Q.GRAPH_COUNTS) == []


async def test_counts_name_every_label_and_edge_type_the_graph_holds(store: Store) -> None:
    """The counts statement lists labels and types by name (so engines answer from their counts); a walk of the
    whole graph must find nothing it leaves out."""
    await write_seed(store, synthetic_bundle(300, seed=3), batch_size=100)
    walked_nodes = await store.run_text(
        "MATCH (n) WHERE NOT n:GraphVersion RETURN labels(n)[0] AS name, count(*) AS count", {}, write=False
    )
    walked_edges = await store.run_text("MATCH ()-[r]->() RETURN type(r) AS name, count(*) AS count", {}, write=False)
    counts = await graph_counts(store)
    assert counts.nodes == {row["name"]: row["count"] for row in walked_nodes}
    assert counts.edges == {row["name"]: row["count"] for row in walked_edges}
    assert len(counts.edges) == 9  # no TARGETS_GROUP or WORKS_GROUP_SECONDARY: those come from imports


async def test_batches_in_flight_together_load_the_same_graph(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle = synthetic_bundle(400, seed=5)
    monkeypatch.setattr(store, "write_concurrency", 1)
    one_at_a_time = await write_seed(store, bundle, batch_size=25)
    expected = await dump(store)
    await clear_graph(store)

    monkeypatch.setattr(store, "write_concurrency", 4)
    assert await write_seed(store, bundle, batch_size=25) == one_at_a_time  # first load: CREATE
    assert await dump(store) == expected
    assert await write_seed(store, bundle, batch_size=25) == one_at_a_time  # re-run: MERGE and prune
    assert await dump(store) == expected


async def test_the_first_batch_is_written_alone_and_the_rest_in_flight_together(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The engine plans a load's statement on its first batch; only then do the others go, up to the limit."""
    events: list[str] = []
    in_flight = [0]
    most = [0]
    write = store.write

    async def recording_write(name: Q, params: dict[str, Any] | None = None) -> list[Row]:
        if name is Q.CREATE_EXERCISES:
            events.append("start")
            in_flight[0] += 1
            most[0] = max(most[0], in_flight[0])
        try:
            return await write(name, params)
        finally:
            if name is Q.CREATE_EXERCISES:
                in_flight[0] -= 1
                events.append("end")

    monkeypatch.setattr(store, "write", recording_write)
    monkeypatch.setattr(store, "write_concurrency", 3)
    counts = await write_seed(store, synthetic_bundle(200, seed=2), batch_size=20)
    assert counts.nodes["Exercise"] == 200
    assert events[:2] == ["start", "end"]
    assert events.count("start") == 10
    assert most[0] == 3


async def test_a_first_load_links_variations_written_before_their_base(store: Store) -> None:
    bundle = synthetic_bundle(150, seed=11)
    await write_seed(store, bundle, batch_size=1000)  # one batch, each base before its variations
    expected = await dump(store)
    bases = sum(1 for x in bundle.exercises if x.variation_of)
    assert sum(1 for edge in expected[1] if edge["type"] == "VARIATION_OF") == bases > 0
    await clear_graph(store)

    # Variations first, in batches of 7, two in flight: most bases are not written when their variations are.
    store.write_concurrency = 2
    await write_seed(store, replace(bundle, exercises=bundle.exercises[::-1]), batch_size=7)
    assert await dump(store) == expected


# The read indexes each engine declares in cypher/<engine>/indexes.cypher: how to drop them, and how to list them.
READ_INDEXES = {
    "neo4j": (
        [
            "DROP INDEX exercise_name",
            "DROP INDEX exercise_profile",
            "DROP INDEX exercise_family",
            "DROP INDEX graph_search",
        ],
        "SHOW INDEXES YIELD name, type RETURN name, type",
        {
            ("exercise_name", "RANGE"),
            ("exercise_profile", "RANGE"),
            ("exercise_family", "RANGE"),
            ("graph_search", "FULLTEXT"),
        },
    ),
    "falkordb": (
        [
            "DROP INDEX ON :Exercise(name)",
            "DROP INDEX ON :Exercise(profile_key)",
            "DROP INDEX ON :Exercise(family)",
            "CALL db.idx.fulltext.drop('Exercise')",
        ],
        "CALL db.indexes() YIELD label, types UNWIND keys(types) AS name UNWIND types[name] AS type "
        "RETURN label + '.' + name AS name, type",
        {
            ("Exercise.name", "RANGE"),
            ("Exercise.profile_key", "RANGE"),
            ("Exercise.family", "RANGE"),
            ("Exercise.name", "FULLTEXT"),
            ("Exercise.search_text", "FULLTEXT"),
        },
    ),
}


async def listed_indexes(store: Store) -> set[tuple[str, str]]:
    """(name, type) of every index the engine lists."""
    listing = READ_INDEXES[store.engine][1]
    return {(row["name"], row["type"]) for row in await store.run_text(listing, {}, write=False)}


async def change_indexes(store: Store, statements: list[str]) -> None:
    for statement in statements:
        await store.run_text(statement, {}, write=True)
        await store.await_indexes()  # the embedded engine applies each change in the background


async def test_a_load_builds_the_read_indexes_after_its_writes(store: Store) -> None:
    drops, _, read_indexes = READ_INDEXES[store.engine]
    await change_indexes(store, drops)  # as in a new database, before its first load
    assert not await listed_indexes(store) & read_indexes

    bundle = synthetic_bundle(300, seed=3)
    await write_seed(store, bundle, batch_size=40)
    assert await listed_indexes(store) >= read_indexes
    assert await store.read(Q.PENDING_INDEXES) == []  # built, not still building
    wanted = bundle.exercises[123]
    assert wanted.slug in {hit.slug for hit in await search(store, text=wanted.name, limit=5)}


async def test_applying_the_schema_drops_the_indexes_no_statement_reads(store: Store) -> None:
    earlier = {
        "neo4j": (
            [
                "CREATE INDEX exercise_difficulty FOR (n:Exercise) ON (n.difficulty)",
                "CREATE INDEX exercise_category FOR (n:Exercise) ON (n.category)",
            ],
            {"exercise_difficulty", "exercise_category"},
        ),
        "falkordb": (
            ["CREATE INDEX FOR (n:Exercise) ON (n.difficulty)", "CREATE INDEX FOR (n:Exercise) ON (n.category)"],
            {"Exercise.difficulty", "Exercise.category"},
        ),
    }
    statements, names = earlier[store.engine]

    async def index_names() -> set[str]:
        return {name for name, _ in await listed_indexes(store)}

    await change_indexes(store, statements)  # what a graph from an earlier version has
    assert await index_names() >= names
    await store.apply_schema()
    assert not await index_names() & names
    await store.apply_schema()  # and again, with nothing left to drop


async def test_a_failed_batch_stops_the_load_and_is_raised(store: Store) -> None:
    bundle = synthetic_bundle(200, seed=5)
    await write_seed(store, replace(bundle, exercises=bundle.exercises[:10]), batch_size=10)
    rows = exercise_rows(bundle.exercises[10:])
    # The second batch holds a slug the graph already has: CREATE breaks the unique constraint.
    batches = [rows[i : i + 10] for i in range(0, len(rows), 10)]
    batches[1][5] = exercise_rows(bundle.exercises[:1])[0]
    store.write_concurrency = 2
    with pytest.raises(StoreError):
        await store.write_each(Q.CREATE_EXERCISES, iter(batches))
    written = {r["slug"] for r in await store.run_text("MATCH (e:Exercise) RETURN e.slug AS slug", {}, write=False)}
    assert not written & {r["slug"] for r in batches[1]} - {bundle.exercises[0].slug}  # that batch is atomic
    assert not written & {r["slug"] for r in batches[-1]}  # and no batch is sent after the failure
