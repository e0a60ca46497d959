"""`graph-service check [--repair]` on both engines: an edit made around the service (as in Neo4j Browser) leaves
derived keys that disagree with the edges; check lists them, the API shows the disagreement, repair ends it."""

from pathlib import Path

import pytest
from api_client import api_for
from cli_process import cli
from graph_dump import dump, exercise

from graph_service.config import Settings
from graph_service.integrity import StaleKey, check_graph, repair_keys
from graph_service.seeding import load_seed, write_seed
from graph_service.store import Store, open_store

# What an analyst would type in Neo4j Browser: an edge, no keys.
ADD_TARGET = """
MATCH (e:Exercise {slug: 'push-up'}), (m:Muscle {slug: 'triceps'})
MERGE (e)-[:TARGETS]->(m)
"""
DROP_EQUIPMENT = "MATCH (:Exercise {slug: 'goblet-squat'})-[u:USES]->() DELETE u"
TRICEPS_PAGE = """{
  exercises(filter: {targets: ["triceps"]}, first: 50) { edges { node { slug } } }
  exercise(slug: "push-up") { targets { slug } }
}"""


@pytest.fixture
async def seeded(store: Store, mini_seed: Path) -> Path:
    await write_seed(store, load_seed(mini_seed), batch_size=100)
    return mini_seed


async def test_a_seeded_graph_is_clean(store: Store, seeded: Path) -> None:
    result = await check_graph(store, batch_size=2)
    assert result.exercises == 6 and result.clean


async def test_a_browser_edit_is_found_shown_and_repaired(store: Store, seeded: Path, settings: Settings) -> None:
    await store.run_text(ADD_TARGET, {}, write=True)
    await store.run_text(DROP_EQUIPMENT, {}, write=True)

    found = await check_graph(store, batch_size=2)
    assert found.stale_exercises == ["goblet-squat", "push-up"]
    by_key = {(s.slug, s.key): s for s in found.stale}
    assert by_key["push-up", "target_slugs"] == StaleKey(
        "push-up", "target_slugs", ["pectorals"], ["pectorals", "triceps"]
    )
    assert ("push-up", "profile_key") in by_key
    assert by_key["goblet-squat", "equipment_slugs"].from_edges == []
    assert [(b.slug, b.rule) for b in found.breaches] == [("goblet-squat", "no equipment (USES)")]

    # the API answers from the keys: the page says push-up targets triceps, the triceps filter does not find it
    async with api_for(store, settings) as api:
        before = await api.data(TRICEPS_PAGE)
    assert {"slug": "triceps"} in before["exercise"]["targets"]
    assert "push-up" not in {e["node"]["slug"] for e in before["exercises"]["edges"]}

    assert await repair_keys(store, found, batch_size=2) == ["goblet-squat", "push-up"]
    after = await check_graph(store, batch_size=2)
    assert not after.stale
    assert [(b.slug, b.rule) for b in after.breaches] == [("goblet-squat", "no equipment (USES)")]  # edges are kept
    assert (await exercise(store, "push-up"))["props"]["target_slugs"] == ["pectorals", "triceps"]
    async with api_for(store, settings) as api:
        repaired = await api.data(TRICEPS_PAGE)
    assert "push-up" in {e["node"]["slug"] for e in repaired["exercises"]["edges"]}

    # a second repair has nothing to do and changes nothing
    graph = await dump(store)
    assert await repair_keys(store, after, batch_size=2) == []
    assert await dump(store) == graph


async def test_the_command_line(store: Store, settings: Settings, mini_seed: Path, tmp_path: Path) -> None:
    assert cli(settings, tmp_path, "seed", "--seed-dir", str(mini_seed)).returncode == 0
    clean = cli(settings, tmp_path, "check")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "6 exercises" in clean.stdout and "0 with stale keys, 0 rule breach(es)" in clean.stdout
    await browser_edit(settings, store, tmp_path)
    stale = cli(settings, tmp_path, "check")
    assert stale.returncode == 1 and "1 with stale keys" in stale.stdout and "target_slugs" in stale.stdout
    repaired = cli(settings, tmp_path, "check", "--repair")
    assert repaired.returncode == 0, repaired.stdout
    assert "repaired the keys of 1 exercise(s)" in repaired.stdout
    assert "after repair: 0 stale key(s), 0 rule breach(es)" in repaired.stdout
    again = cli(settings, tmp_path, "check", "--repair")
    assert again.returncode == 0 and "repaired the keys of 0 exercise(s)" in again.stdout


async def browser_edit(settings: Settings, store: Store, tmp_path: Path) -> None:
    """The edit on the graph the command line uses: the test server, or the embedded file the child left."""
    if settings.neo4j_uri:
        await store.run_text(ADD_TARGET, {}, write=True)
        return
    own = await open_store(Settings(neo4j_uri=None, embedded_db_path=tmp_path / "cli.db"))
    try:
        await own.run_text(ADD_TARGET, {}, write=True)
    finally:
        await own.close()
