"""An imported record without difficulty or category gets none, on both engines: the API says null, filters and
alternatives do not assume a value, the FAQ and card say nothing; a category is inferred only by a documented rule
and the exercise records that it was."""

import json
from pathlib import Path

import pytest
from api_client import api_for
from graph_dump import exercise

from graph_service.config import Settings
from graph_service.importers import import_records, read_exercisedb
from graph_service.seeding import load_seed, write_seed
from graph_service.store import Store

RECORDS = [
    {
        "exerciseId": "u1",
        "name": "band face pull",
        "bodyParts": ["shoulders"],
        "targetMuscles": ["rear deltoids"],
        "equipments": ["band"],
        "secondaryMuscles": ["rhomboids"],
        "instructions": ["Step:1 Anchor the band at face height.", "Step:2 Pull the ends towards your ears."],
    },
    {
        "exerciseId": "u2",
        "name": "kneeling hip flexor stretch",
        "bodyParts": ["upper legs"],
        "targetMuscles": ["hip flexors"],
        "equipments": ["body weight"],
        "secondaryMuscles": [],
        "instructions": [
            "Step:1 Kneel on one knee.",
            "Step:2 Shift your hips forward until the front of the hip opens.",
        ],
    },
]
QUERY = """{
  unknown: exercise(slug: "band-face-pull") {
    difficulty category inferred card faq { question } alternatives(first: 5) { exercise { slug } }
  }
  stretch: exercise(slug: "kneeling-hip-flexor-stretch") { difficulty category inferred }
  rated: exercises(filter: {difficulties: [BEGINNER, INTERMEDIATE, ADVANCED]}, first: 50) {
    edges { node { slug } }
  }
}"""


@pytest.fixture
async def imported(store: Store, mini_seed: Path, tmp_path: Path) -> Path:
    await write_seed(store, load_seed(mini_seed), batch_size=100)
    source = tmp_path / "unknown.json"
    source.write_text(json.dumps(RECORDS))
    summary = await import_records(
        store, read_exercisedb(source), source="exercisedb", seed_dir=mini_seed, batch_size=10
    )
    assert summary.defaulted == {
        "difficulty unknown (left empty)": 2,
        "category unknown (left empty)": 1,
        "category inferred: stretching (the name says stretch)": 1,
    }
    return mini_seed


async def test_unknown_stays_unknown_in_the_graph(store: Store, imported: Path) -> None:
    face_pull = (await exercise(store, "band-face-pull"))["props"]
    assert not {"difficulty", "difficulty_rank", "category", "work_kind", "profile_key", "inferred"} & set(face_pull)
    stretch = (await exercise(store, "kneeling-hip-flexor-stretch"))["props"]
    assert (stretch["category"], stretch["inferred"], stretch["work_kind"]) == ("stretching", ["category"], 1)
    assert "difficulty" not in stretch


async def test_the_api_says_null_and_assumes_nothing(store: Store, imported: Path, settings: Settings) -> None:
    async with api_for(store, settings) as api:
        data = await api.data(QUERY)
    unknown = data["unknown"]
    assert (unknown["difficulty"], unknown["category"], unknown["inferred"]) == (None, None, [])
    assert unknown["alternatives"] == []  # no kind of work is assumed, so none is matched
    assert not [q for q in unknown["faq"] if "beginners" in q["question"]]
    assert "**Difficulty:**" not in unknown["card"] and "**Category:**" not in unknown["card"]
    assert data["stretch"] == {"difficulty": None, "category": "STRETCHING", "inferred": ["category"]}
    rated = {e["node"]["slug"] for e in data["rated"]["edges"]}
    assert "glute-bridge" in rated and not {"band-face-pull", "kneeling-hip-flexor-stretch"} & rated
