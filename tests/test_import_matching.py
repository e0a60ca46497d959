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


async def test_a_name_match_that_disagrees_is_created_and_listed_for_review(
    store: Store, imported: ImportSummary
) -> None:
    by_ref = outcomes(imported)
    lunge = by_ref["m07"]
    assert (lunge.outcome, lunge.slug, lunge.candidates) == ("created", "walking-lunge", ("dumbbell-walking-lunge",))
    assert lunge.review == "same name, but dumbbell-walking-lunge: equipment differs (body-weight vs dumbbell)"
    thrust = by_ref["m09"]
    assert (thrust.outcome, thrust.candidates) == ("created", ("barbell-hip-thrust",))
    assert thrust.slug == "barbell-hip-thrust-barbell"  # the bundled slug is taken
    assert "no shared target muscle (triceps vs glutes)" in (thrust.review or "")
    assert {o.ref for o in imported.review} == {"exercisedb:m07", "exercisedb:m09"}
    # the bundled exercises it was not merged into are untouched
    assert "sources" not in (await exercise(store, "dumbbell-walking-lunge"))["props"]
    assert "sources" not in (await exercise(store, "barbell-hip-thrust"))["props"]
    created = await exercise(store, "walking-lunge")
    assert created["USES"] == ["body-weight"] and created["props"]["sources"] == ["exercisedb:m07"]


async def test_source_tags_leave_the_name_and_stay_as_an_alias(store: Store, imported: ImportSummary) -> None:
    assert (await exercise(store, "dumbbell-bench-press"))["props"]["sources"] == ["exercisedb:m08"]
    assert (await exercise(store, "leg-extension"))["props"]["sources"] == ["exercisedb:m03", "exercisedb:m10"]


async def test_the_report_lists_every_record_and_the_likely_duplicates(imported: ImportSummary, tmp_path: Path) -> None:
    json_path, md_path = write_report(tmp_path / "report", imported)
    data = json.loads(json_path.read_text())
    assert data["counts"] == {
        "created": 2,
        "merged": 9,
        "unchanged": 0,
        "skipped": 0,
        "listed_for_review": 2,
        "near_duplicates": 2,
    }
    assert [o["ref"] for o in data["outcomes"]] == [f"exercisedb:m{n:02}" for n in range(1, 12)]
    first = data["near_duplicates"][0]
    assert (first["slug"], first["candidate"], first["likelihood"]) == ("walking-lunge", "dumbbell-walking-lunge", 1.0)
    assert first["why"] == "same name, but equipment differs (body-weight vs dumbbell); a shared target muscle"
    markdown = md_path.read_text()
    assert "| `exercisedb:m04` | Dumbbell One Arm Bent-over Row | merged into `one-arm-dumbbell-row` |" in markdown
    assert "| 1.00 | Walking Lunge (`walking-lunge`) | Dumbbell Walking Lunge (`dumbbell-walking-lunge`) |" in markdown
