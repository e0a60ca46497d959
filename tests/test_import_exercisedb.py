"""The ExerciseDB importer, in both of the format's shapes, on both engines."""

import json
import re
from pathlib import Path

import pytest
from cli_process import cli
from graph_dump import dump, exercise

from graph_service.config import Settings
from graph_service.errors import BadInput
from graph_service.importers import ImportValidationError, import_records, read_exercisedb
from graph_service.importers.merge import ImportSummary
from graph_service.seeding import load_seed, write_seed
from graph_service.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "exercisedb"
ORIGINAL = FIXTURES / "original.json"
OPEN = FIXTURES / "open.json"


async def run(store: Store, seed_dir: Path, path: Path, *, dry_run: bool = False) -> ImportSummary:
    return await import_records(
        store, read_exercisedb(path), source="exercisedb", seed_dir=seed_dir, batch_size=2, dry_run=dry_run
    )


@pytest.fixture
async def seeded(store: Store, mini_seed: Path) -> Path:
    await write_seed(store, load_seed(mini_seed), batch_size=100)
    return mini_seed


def test_both_shapes_read_into_source_records() -> None:
    original = {x.source_id: x for x in read_exercisedb(ORIGINAL)}
    assert original["0002"].name == "Dumbbell Step-up"
    assert original["0002"].targets == ("quads",)
    assert original["0002"].body_parts == ("upper legs",)
    assert original["0002"].ref == "exercisedb:0002"
    opened = {x.source_id: x for x in read_exercisedb(OPEN)}
    assert opened["k9Tq2Lm"].instructions[0] == "Lie on your back with your knees bent."
    assert opened["Qw7Er5T"].targets == ("pectorals", "upper chest")
    assert opened["Lp0Ws2X"].body_parts == ()


async def test_original_shape_maps_merges_and_reports(store: Store, seeded: Path) -> None:
    hip_thrust_before = await exercise(store, "barbell-hip-thrust")
    summary = await run(store, seeded, ORIGINAL)

    assert summary.records == 6 and not summary.skipped
    assert sorted(summary.created) == ["cable-standing-fly", "dumbbell-step-up", "jumping-jack", "wrist-roller"]
    assert sorted(summary.merged) == [("exercisedb:0001", "barbell-hip-thrust"), ("exercisedb:0005", "push-up")]
    assert summary.unmapped == {("muscle", "big toe flexors"): 1}
    assert summary.by_design == {("muscle", "cardiovascular system"): 1}
    assert summary.defaulted == {"difficulty unknown (left empty)": 1}

    step_up = await exercise(store, "dumbbell-step-up")
    # "upper legs" is an alias of legs; quads is the target, so it is dropped from the secondary list
    assert step_up["TARGETS"] == ["quadriceps"]
    assert step_up["WORKS_SECONDARY"] == ["glutes", "hamstrings"]
    assert step_up["USES"] == ["dumbbell"]
    assert step_up["TRAINS"] == ["legs"]
    props = step_up["props"]
    assert props["name"] == "Dumbbell Step-up"
    assert props["sources"] == ["exercisedb:0002"]
    assert (props["difficulty"], props["difficulty_rank"], props["category"]) == ("intermediate", 1, "strength")
    assert props["description"].startswith("A single-leg climb")
    assert len(props["instructions"]) == 3
    assert props["aliases"] == [] and props["search_text"] == "Dumbbell Step-up"

    jacks = await exercise(store, "jumping-jack")
    assert "TARGETS" not in jacks
    assert jacks["TRAINS"] == ["cardio"]
    assert jacks["WORKS_SECONDARY"] == ["calves"]
    assert jacks["WORKS_GROUP_SECONDARY"] == ["deltoids"]  # "shoulders" names the group, not one deltoid
    assert jacks["USES"] == ["body-weight"]
    assert "difficulty" not in jacks["props"]  # unknown stays unknown
    assert jacks["props"]["category"] == "cardio"

    roller = await exercise(store, "wrist-roller")
    assert roller["TRAINS"] == ["arms"] and roller["USES"] == ["weight-plate"]
    assert "WORKS_SECONDARY" not in roller  # grip muscles are forearms, the target; the toe term maps to nothing

    # the bundled exercise keeps its curated facts and only learns the new source and its animation
    hip_thrust = await exercise(store, "barbell-hip-thrust")
    assert hip_thrust["props"].pop("sources") == ["exercisedb:0001"]
    assert hip_thrust.pop("SHOWN_IN") == ["https://example.com/0001.gif"]
    assert hip_thrust == hip_thrust_before
    assert (await exercise(store, "push-up"))["props"]["sources"] == ["exercisedb:0005"]


async def test_open_shape_strips_step_numbers_and_derives_the_body_part(store: Store, seeded: Path) -> None:
    summary = await run(store, seeded, OPEN)
    assert sorted(summary.created) == [
        "band-pull-apart",
        "band-straight-arm-pulldown",
        "cable-standing-fly",
        "dumbbell-incline-fly",
    ]
    assert summary.merged == [("exercisedb:k9Tq2Lm", "glute-bridge")]  # "hip bridge" is the bridge's alias
    assert not summary.unmapped and not summary.by_design
    assert summary.defaulted == {"difficulty unknown (left empty)": 5, "category unknown (left empty)": 5}

    pulldown = await exercise(store, "band-straight-arm-pulldown")
    assert pulldown["TRAINS"] == ["back"]  # no body part given: the target lats belong to the back
    assert pulldown["USES"] == ["resistance-band"]

    fly = await exercise(store, "dumbbell-incline-fly")
    assert fly["TARGETS"] == ["pectorals", "upper-chest"]
    assert fly["WORKS_SECONDARY"] == ["front-deltoids"]
    assert fly["USES"] == ["dumbbell"]  # body weight is implied once real equipment is named
    assert fly["props"]["instructions"][0] == "Lie on an incline bench with a dumbbell in each hand above your chest."

    pull_apart = await exercise(store, "band-pull-apart")
    assert pull_apart["TARGETS"] == ["rhomboids"] and pull_apart["WORKS_SECONDARY"] == ["rear-deltoids", "traps"]


async def test_a_later_source_fills_only_what_is_missing(store: Store, seeded: Path) -> None:
    await run(store, seeded, OPEN)
    before = await exercise(store, "cable-standing-fly")
    assert "description" not in before["props"]

    summary = await run(store, seeded, ORIGINAL)
    assert ("exercisedb:0006", "cable-standing-fly") in summary.merged
    after = await exercise(store, "cable-standing-fly")
    assert after["props"]["sources"] == ["exercisedb:Zx81pQa", "exercisedb:0006"]
    assert after["props"]["description"].startswith("A chest fly on a cable station")
    # the first source's facts stay (its steps, its edges); the level and category it lacked come from the second
    assert after["props"]["instructions"] == before["props"]["instructions"]
    assert (after["props"]["difficulty"], after["props"]["category"]) == ("intermediate", "strength")
    assert after["props"]["work_kind"] == 0  # the derived keys follow the filled category
    assert {k: v for k, v in after.items() if k != "props"} == {k: v for k, v in before.items() if k != "props"}


async def test_reimport_changes_nothing(store: Store, seeded: Path) -> None:
    await run(store, seeded, ORIGINAL)
    await run(store, seeded, OPEN)
    first = await dump(store)
    again = [await run(store, seeded, path) for path in (ORIGINAL, OPEN)]
    assert [(len(s.created), len(s.merged), s.unchanged) for s in again] == [(0, 0, 6), (0, 0, 5)]
    assert await dump(store) == first


async def test_dry_run_reports_without_writing(store: Store, seeded: Path) -> None:
    before = await dump(store)
    summary = await run(store, seeded, ORIGINAL, dry_run=True)
    assert summary.dry_run and len(summary.created) == 4 and len(summary.merged) == 2
    assert await dump(store) == before


def test_an_invalid_file_is_rejected_whole(tmp_path: Path) -> None:
    records = json.loads(ORIGINAL.read_text())
    del records[3]["target"]
    records[4]["secondaryMuscles"] = "triceps"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(records))
    with pytest.raises(ImportValidationError) as caught:
        read_exercisedb(bad)
    assert caught.value.problems == [
        "bad.json record 4 (0004): target: Field required",
        "bad.json record 5 (0005): secondaryMuscles: Input should be a valid list",
    ]
    (tmp_path / "broken.json").write_text("[{")
    with pytest.raises(ImportValidationError, match="not readable JSON"):
        read_exercisedb(tmp_path / "broken.json")


async def test_import_needs_the_taxonomy_in_the_graph(store: Store, mini_seed: Path) -> None:
    with pytest.raises(BadInput, match="load the taxonomy first"):
        await run(store, mini_seed, ORIGINAL)


@pytest.mark.slow  # runs the command line as processes
async def test_the_command_line(store: Store, settings: Settings, mini_seed: Path, tmp_path: Path) -> None:
    assert cli(settings, tmp_path, "seed", "--seed-dir", str(mini_seed)).returncode == 0
    dry = cli(settings, tmp_path, "import", "exercisedb", str(ORIGINAL), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert dry.stdout.rstrip().endswith("dry run: nothing was written")
    report = tmp_path / "import-report"
    first = cli(settings, tmp_path, "import", "exercisedb", str(ORIGINAL), "--report", str(report))
    assert first.returncode == 0, first.stderr
    assert f"report: {report}.json and {report}.md" in first.stdout
    written = json.loads(report.with_suffix(".json").read_text())
    assert sorted(o["outcome"] for o in written["outcomes"]) == ["created"] * 4 + ["merged"] * 2
    assert "| `exercisedb:0005` | Press-up | merged into `push-up` | `push-up` | name |" in (
        report.with_suffix(".md").read_text()
    )
    assert re.search(r"created \(new exercises that were added\)\s*│\s*4", first.stdout)
    assert re.search(r"merged into an existing exercise\s*│\s*2", first.stdout)
    assert re.search(r"big toe flexors\s*│\s*1\s*│\s*not in the taxonomy", first.stdout)
    assert "cardiovascular system" in first.stdout and "by design" in first.stdout
    second = cli(settings, tmp_path, "import", "exercisedb", str(ORIGINAL))
    assert re.search(r"unchanged \(already imported\)\s*│\s*6", second.stdout)
    bad = tmp_path / "bad.json"
    bad.write_text('[{"id": "1"}]')
    refused = cli(settings, tmp_path, "import", "exercisedb", str(bad))
    assert refused.returncode == 2 and "bad.json record 1 (1): name: Field required" in refused.stderr
