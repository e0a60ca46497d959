"""Exercise media: the datasets' pictures and animations imported as `Media` nodes, answered by `Exercise.media`,
shown on cards; on both engines."""

import json
from dataclasses import replace
from pathlib import Path

import pytest
from api_client import api_for
from conftest import SHARED
from graph_dump import dump, exercise

from graph_service.cards import card_markdown
from graph_service.cards.facts import ExerciseFacts
from graph_service.cards.media import MediaFact
from graph_service.cards.render import render_card
from graph_service.config import FREE_EXERCISE_DB_IMAGES, Settings
from graph_service.importers import ImportValidationError, import_records, read_exercisedb, read_free_exercise_db
from graph_service.importers.common import SourceExercise, SourceMedia
from graph_service.importers.merge import ImportSummary
from graph_service.model import MediaKind
from graph_service.seeding import SeedBundle, load_seed, write_seed
from graph_service.store import Store

DATASET = SHARED / "datasets" / "free-exercise-db.json"
EXERCISEDB = Path(__file__).parent / "fixtures" / "exercisedb" / "original.json"
BASE = "https://images.example/fedb/"
MEDIA_QUERY = "query($slug: String!) { exercise(slug: $slug) { slug media { url kind source license } } }"
COUNT_MEDIA = "MATCH (m:Media) RETURN count(m) AS media"
COUNT_SHOWN_IN = "MATCH (:Exercise)-[r:SHOWN_IN]->(:Media) RETURN count(r) AS shown"

# Two records in the free-exercise-db format, in this project's own words: one names an exercise the mini seed
# has (the push-up), one an exercise it lacks.
RECORDS = [
    {
        "id": "Floor_Press_Up",
        "name": "Push-up",
        "force": "push",
        "level": "beginner",
        "mechanic": "compound",
        "equipment": "body only",
        "primaryMuscles": ["chest"],
        "secondaryMuscles": ["triceps"],
        "instructions": ["Hold a plank on straight arms.", "Lower the chest to the floor.", "Press back up."],
        "category": "strength",
        "images": ["Floor_Press_Up/0.jpg", "Floor_Press_Up/1.jpg"],
    },
    {
        "id": "Band_Face_Pull",
        "name": "Band Face Pull",
        "force": "pull",
        "level": "beginner",
        "mechanic": "isolation",
        "equipment": "bands",
        "primaryMuscles": ["shoulders"],
        "secondaryMuscles": ["middle back"],
        "instructions": ["Anchor a band at face height.", "Pull the ends toward the eyes.", "Return slowly."],
        "category": "strength",
        "images": ["Band_Face_Pull/0.jpg", "Band_Face_Pull/1.jpg"],
    },
]


@pytest.fixture
def fedb_file(tmp_path: Path) -> Path:
    path = tmp_path / "free-exercise-db.json"
    path.write_text(json.dumps(RECORDS), encoding="utf-8")
    return path


@pytest.fixture
async def seeded(store: Store, mini_seed: Path) -> Path:
    await write_seed(store, load_seed(mini_seed), batch_size=100)
    return mini_seed


async def run(store: Store, seed_dir: Path, records: list[SourceExercise], source: str) -> ImportSummary:
    return await import_records(store, records, source=source, seed_dir=seed_dir, batch_size=2)


async def count(store: Store, statement: str) -> int:
    (row,) = await store.run_text(statement, {}, write=False)
    return int(next(iter(row.values())))


def test_relative_image_paths_become_full_urls(fedb_file: Path) -> None:
    face_pull = read_free_exercise_db(fedb_file)[1]
    assert [(m.url, m.kind.value, m.license) for m in face_pull.media] == [
        (f"{FREE_EXERCISE_DB_IMAGES}Band_Face_Pull/0.jpg", "image", "Unlicense"),
        (f"{FREE_EXERCISE_DB_IMAGES}Band_Face_Pull/1.jpg", "image", "Unlicense"),
    ]
    assert Settings().free_exercise_db_image_base_url == FREE_EXERCISE_DB_IMAGES
    # the base is a setting: with or without its trailing slash, each path is joined once
    for base in (BASE, BASE.rstrip("/")):
        moved = read_free_exercise_db(fedb_file, image_base_url=base)[1]
        assert [m.url for m in moved.media] == [f"{BASE}Band_Face_Pull/0.jpg", f"{BASE}Band_Face_Pull/1.jpg"]


def test_exercisedb_gif_is_an_animation_with_no_stated_license(tmp_path: Path) -> None:
    (thrust,) = [x for x in read_exercisedb(EXERCISEDB) if x.source_id == "0001"]
    assert [(m.url, m.kind.value, m.license) for m in thrust.media] == [
        ("https://example.com/0001.gif", "animated image", None)
    ]
    records = json.loads(EXERCISEDB.read_text())
    records[1]["gifUrl"] = "not a url"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(records))
    with pytest.raises(ImportValidationError) as caught:
        read_exercisedb(bad)
    assert caught.value.problems == [
        "bad.json record 2 (0002): gifUrl: String should match pattern '^(https?://\\S+)?$'"
    ]


async def test_import_adds_media_once_and_a_reimport_changes_nothing(
    store: Store, seeded: Path, fedb_file: Path, settings: Settings
) -> None:
    records = read_free_exercise_db(fedb_file, image_base_url=BASE)
    first = await run(store, seeded, records, "free-exercise-db")
    assert first.created == ["band-face-pull"] and first.merged == [("free-exercise-db:Floor_Press_Up", "push-up")]
    assert first.media == 4
    assert (await count(store, COUNT_MEDIA), await count(store, COUNT_SHOWN_IN)) == (4, 4)

    # a bundled exercise a record merges into gains the record's pictures; its curated facts stay
    push_up = await exercise(store, "push-up")
    assert push_up["SHOWN_IN"] == [f"{BASE}Floor_Press_Up/0.jpg", f"{BASE}Floor_Press_Up/1.jpg"]
    async with api_for(store, settings) as api:
        data = await api.data(MEDIA_QUERY, {"slug": "band-face-pull"})
    assert data["exercise"]["media"] == [
        {"url": f"{BASE}Band_Face_Pull/0.jpg", "kind": "IMAGE", "source": "free-exercise-db", "license": "Unlicense"},
        {"url": f"{BASE}Band_Face_Pull/1.jpg", "kind": "IMAGE", "source": "free-exercise-db", "license": "Unlicense"},
    ]

    before = await dump(store)
    again = await run(store, seeded, records, "free-exercise-db")
    assert (again.created, again.merged, again.unchanged, again.media) == ([], [], 2, 0)
    assert await dump(store) == before


async def test_a_second_source_adds_its_media_after_the_first(store: Store, seeded: Path, settings: Settings) -> None:
    still = SourceMedia("https://a.example/bridge.jpg", MediaKind.IMAGE, "CC0")
    moving = SourceMedia("https://b.example/bridge.gif", MediaKind.ANIMATED_IMAGE)
    bridge = SourceExercise(
        source="one", source_id="1", name="Glute Bridge", targets=("glutes",), equipment=("body weight",)
    )
    await run(store, seeded, [replace(bridge, media=(still,))], "one")
    second = replace(bridge, source="two", source_id="9", name="Hip Bridge", media=(still, moving))
    summary = await run(store, seeded, [second], "two")
    assert summary.merged == [("two:9", "glute-bridge")] and summary.media == 1  # the shared picture is not doubled
    async with api_for(store, settings) as api:
        media = (await api.data(MEDIA_QUERY, {"slug": "glute-bridge"}))["exercise"]["media"]
    assert media == [
        {"url": still.url, "kind": "IMAGE", "source": "one", "license": "CC0"},
        {"url": moving.url, "kind": "ANIMATED_IMAGE", "source": "two", "license": None},
    ]


async def test_exercisedb_gif_becomes_an_animated_image(store: Store, seeded: Path, settings: Settings) -> None:
    summary = await run(store, seeded, read_exercisedb(EXERCISEDB), "exercisedb")
    assert ("exercisedb:0001", "barbell-hip-thrust") in summary.merged and summary.media == 1
    async with api_for(store, settings) as api:
        data = await api.data(MEDIA_QUERY, {"slug": "barbell-hip-thrust"})
        step_up = await api.data(MEDIA_QUERY, {"slug": "dumbbell-step-up"})
    assert data["exercise"]["media"] == [
        {"url": "https://example.com/0001.gif", "kind": "ANIMATED_IMAGE", "source": "exercisedb", "license": None}
    ]
    assert step_up["exercise"]["media"] == []  # its record has no gifUrl
    card = await card_markdown(store, "barbell-hip-thrust", base_url="https://fit.example")
    assert card is not None and "![Barbell Hip Thrust, animated](https://example.com/0001.gif)" in card.splitlines()


async def test_a_bundled_exercise_has_no_media_and_asking_costs_no_statement(
    kb_store: Store, settings: Settings
) -> None:
    async with api_for(kb_store, settings) as api:
        trips = []
        for query in (
            '{ exercise(slug: "barbell-hip-thrust") { slug targets { slug } } }',
            '{ exercise(slug: "barbell-hip-thrust") { slug targets { slug } media { url } } }',
            "{ exercises(first: 20) { edges { node { slug equipment { slug } } } } }",
            "{ exercises(first: 20) { edges { node { slug equipment { slug } media { url kind } } } } }",
        ):
            before = api.store.round_trips
            data = await api.data(query)
            trips.append(api.store.round_trips - before)
        assert data["exercises"]["edges"] and all(e["node"]["media"] == [] for e in data["exercises"]["edges"])
        thrust = await api.data(MEDIA_QUERY, {"slug": "barbell-hip-thrust"})
    assert thrust["exercise"]["media"] == []
    # media come with the exercise's relations: asking for them adds no round trip
    assert trips[0] == trips[1] and trips[2] == trips[3]


def test_a_card_shows_its_images_and_credits_the_source() -> None:
    facts = ExerciseFacts(
        slug="band-face-pull",
        name="Band Face Pull",
        difficulty="beginner",
        category="strength",
        media=(
            MediaFact(f"{BASE}Band_Face_Pull/0.jpg", "image", "free-exercise-db", "Unlicense"),
            MediaFact(f"{BASE}Band_Face_Pull/1.jpg", "image", "free-exercise-db", "Unlicense"),
            MediaFact("https://v.example/face pull.mp4", "video", "a-video-source"),
        ),
    )
    lines = render_card(facts, base_url="https://fit.example").splitlines()
    start = lines.index("## Images")
    assert lines[start + 2 : start + 8] == [
        f"![Band Face Pull (1 of 3)]({BASE}Band_Face_Pull/0.jpg)",
        f"![Band Face Pull (2 of 3)]({BASE}Band_Face_Pull/1.jpg)",
        "[Video: Band Face Pull (3 of 3)](https://v.example/face%20pull.mp4)",
        "",
        "*From free-exercise-db (Unlicense).*",
        "*From a-video-source.*",
    ]
    no_media = render_card(ExerciseFacts("x", "X", "", ""), base_url="https://fit.example")
    assert "## Images" not in no_media and "![" not in no_media


@pytest.mark.skipif(not DATASET.is_file(), reason=f"{DATASET} is not present")
async def test_the_whole_dataset_brings_its_images(
    store: Store, settings: Settings, knowledge_base: SeedBundle
) -> None:
    await write_seed(store, knowledge_base, batch_size=500)
    records = read_free_exercise_db(DATASET)
    first = await run(store, settings.seed_dir, records, "free-exercise-db")
    # every record's images but those of the records held for review, of which nothing is written
    held = {o.ref for o in first.held}
    assert held
    dataset = json.loads(DATASET.read_text())
    paths = {p for r in dataset if f"free-exercise-db:{r['id']}" not in held for p in r["images"]}
    assert first.media == len(paths) == await count(store, COUNT_MEDIA) == await count(store, COUNT_SHOWN_IN)
    urls = await store.run_text("MATCH (m:Media) RETURN m.url AS url, m.kind AS kind", {}, write=False)
    assert {r["url"] for r in urls} == {FREE_EXERCISE_DB_IMAGES + p for p in paths}
    assert {r["kind"] for r in urls} == {"image"}
    again = await run(store, settings.seed_dir, records, "free-exercise-db")
    assert again.media == 0 and again.unchanged == len(records) - len(held)
    assert await count(store, COUNT_MEDIA) == len(paths)
