"""Which exercise an imported record merges into, on both engines: the examples public datasets show, merges that
must not happen, and source tags kept as aliases. Records are ExerciseDB-shaped fixtures in our own words."""

import json
from pathlib import Path

import pytest
from graph_dump import exercise

from graph_service.importers import import_records, read_exercisedb
from graph_service.importers.merge import ImportSummary, Outcome
from graph_service.importers.report import write_report
from graph_service.seeding import SeedBundle, write_seed
from graph_service.store import Store

MATCHING = Path(__file__).parent / "fixtures" / "exercisedb" / "matching.json"


@pytest.fixture
async def imported(store: Store, knowledge_base: SeedBundle) -> ImportSummary:
    await write_seed(store, knowledge_base, batch_size=500)
    seed_dir = Path(__file__).resolve().parent.parent / "seed"
    return await import_records(store, read_exercisedb(MATCHING), source="exercisedb", seed_dir=seed_dir, batch_size=50)


def outcomes(summary: ImportSummary) -> dict[str, Outcome]:
    return {o.ref.removeprefix("exercisedb:"): o for o in summary.outcomes}


async def test_names_in_another_order_plural_or_with_synonyms_merge(imported: ImportSummary) -> None:
    got = {ref: (o.outcome, o.slug, o.rule) for ref, o in outcomes(imported).items()}
    assert got["m01"] == ("merged", "incline-barbell-bench-press", "name")
    assert got["m02"] == ("merged", "seated-cable-row", "name")
    assert got["m03"] == ("merged", "leg-extension", "alias")  # lever = leverage = machine
    assert got["m04"] == ("merged", "one-arm-dumbbell-row", "movement and equipment")  # bent-over is implied
    assert got["m05"] == ("merged", "crunch", "name")
    assert got["m06"] == ("merged", "barbell-front-squat", "name")
    assert got["m08"] == ("merged", "dumbbell-bench-press", "name")  # "(male)" is a source tag
    assert got["m10"] == ("merged", "leg-extension", "alias")
    # the kettlebell front squat shares the movement, but not the equipment
    assert got["m11"] == ("merged", "barbell-front-squat", "movement and equipment")
    # "walking lunge" without a word of equipment is the body-weight one (the alias is on it, not the dumbbell one)
    assert got["m07"] == ("merged", "body-weight-walking-lunge", "alias")


async def test_a_name_match_that_disagrees_is_held_neither_merged_nor_created(
    store: Store, imported: ImportSummary
) -> None:
    by_ref = outcomes(imported)
    goblet = by_ref["m12"]
    assert (goblet.outcome, goblet.slug, goblet.candidates) == ("held", None, ("goblet-squat",))
    assert goblet.review == "same name, but goblet-squat: equipment differs (kettlebell vs dumbbell)"
    thrust = by_ref["m09"]
    assert (thrust.outcome, thrust.slug, thrust.candidates) == ("held", None, ("barbell-hip-thrust",))
    assert "no shared target muscle (triceps vs glutes)" in (thrust.review or "")
    assert [o.ref for o in imported.held] == [o.ref for o in imported.review] == ["exercisedb:m09", "exercisedb:m12"]
    assert not imported.created
    # the bundled exercises they name are untouched, and nothing was created under their names
    goblet_squat = await exercise(store, "goblet-squat")
    assert "sources" not in goblet_squat["props"] and goblet_squat["USES"] == ["dumbbell"]
    assert "sources" not in (await exercise(store, "barbell-hip-thrust"))["props"]
    rows = await store.run_text(
        "MATCH (e:Exercise) WHERE e.slug IN $slugs OR (e.name IN $names AND e.slug <> 'goblet-squat') "
        "RETURN e.slug AS slug",
        {"slugs": ["goblet-squat-kettlebell", "barbell-hip-thrust-barbell"], "names": ["Goblet Squat"]},
        write=False,
    )
    assert rows == []


async def test_a_held_record_stays_held_on_a_second_import(store: Store, imported: ImportSummary) -> None:
    seed_dir = Path(__file__).resolve().parent.parent / "seed"
    again = await import_records(
        store, read_exercisedb(MATCHING), source="exercisedb", seed_dir=seed_dir, batch_size=50
    )
    assert [o.ref for o in again.held] == ["exercisedb:m09", "exercisedb:m12"]
    assert not again.created and again.unchanged == 10


async def test_source_tags_leave_the_name_and_stay_as_an_alias(store: Store, imported: ImportSummary) -> None:
    assert (await exercise(store, "dumbbell-bench-press"))["props"]["sources"] == ["exercisedb:m08"]
    assert (await exercise(store, "leg-extension"))["props"]["sources"] == ["exercisedb:m03", "exercisedb:m10"]


async def test_the_report_lists_every_record_and_the_likely_duplicates(imported: ImportSummary, tmp_path: Path) -> None:
    json_path, md_path = write_report(tmp_path / "report", imported)
    data = json.loads(json_path.read_text())
    assert data["counts"] == {
        "created": 0,
        "merged": 10,
        "unchanged": 0,
        "skipped": 0,
        "held_for_review": 2,
        "listed_for_review": 2,
        "near_duplicates": 0,
    }
    assert [o["ref"] for o in data["outcomes"]] == [f"exercisedb:m{n:02}" for n in range(1, 13)]
    assert data["near_duplicates"] == []
    held = [o for o in data["outcomes"] if o["outcome"] == "held"]
    assert [(o["ref"], o["candidates"]) for o in held] == [
        ("exercisedb:m09", ["barbell-hip-thrust"]),
        ("exercisedb:m12", ["goblet-squat"]),
    ]
    markdown = md_path.read_text()
    assert "| `exercisedb:m04` | Dumbbell One Arm Bent-over Row | merged into `one-arm-dumbbell-row` |" in markdown
    assert (
        "| `exercisedb:m12` | Goblet Squat | `goblet-squat` | same name, but goblet-squat: "
        "equipment differs (kettlebell vs dumbbell) |" in markdown
    )
