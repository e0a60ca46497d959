"""Bad seed files are refused whole, with every problem named, and nothing is written."""

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from graph_service.config import Settings
from graph_service.errors import SeedValidationError
from graph_service.seeding import graph_counts, load_seed, write_seed
from graph_service.store import Store


def break_seed(root: Path) -> None:
    path = root / "exercises" / "sample.yaml"
    data = yaml.safe_load(path.read_text())
    x = data["exercises"]
    x[0]["targets"] = ["glutes", "wings"]  # unknown muscle
    x[1]["secondary"] = ["glutes"]  # target and secondary at once
    x[2]["difficulty"] = "heroic"  # not a difficulty
    x[3]["instructions"] = ["Only one step."]  # too few steps
    x[4]["variation_of"] = "no-such-base"
    x[5]["slug"] = x[0]["slug"]  # duplicate slug
    path.write_text(yaml.safe_dump(data))
    (root / "exercises" / "broken.yaml").write_text("exercises: [ {slug: x\n")


def problems_of(root: Path) -> str:
    with pytest.raises(SeedValidationError) as caught:
        load_seed(root)
    return "\n".join(caught.value.problems)


def test_every_problem_is_listed_with_file_and_entry(mini_seed: Path) -> None:
    break_seed(mini_seed)
    text = problems_of(mini_seed)
    assert "exercises/broken.yaml: not valid YAML" in text
    assert "exercise 'glute-bridge': unknown muscle 'wings'" in text
    assert "exercises/sample.yaml entry 2 (barbell-hip-thrust)" in text and "both target and secondary" in text
    assert "exercises/sample.yaml entry 3 (goblet-squat): difficulty" in text
    assert "exercises/sample.yaml entry 4 (push-up): instructions" in text
    assert "variation_of names an unknown exercise 'no-such-base'" in text
    assert "exercise slug 'glute-bridge' is defined 2 times" in text


def test_alias_clash_and_missing_file(mini_seed: Path) -> None:
    muscles = yaml.safe_load((mini_seed / "muscles.yaml").read_text())
    muscles["muscles"][0]["aliases"].append("quads")
    (mini_seed / "muscles.yaml").write_text(yaml.safe_dump(muscles))
    (mini_seed / "equipment.yaml").unlink()
    sample = mini_seed / "exercises" / "sample.yaml"
    exercises = yaml.safe_load(sample.read_text())
    exercises["exercises"][0]["aliases"].append("press-up")  # already the push-up's alias
    sample.write_text(yaml.safe_dump(exercises))
    text = problems_of(mini_seed)
    assert "muscle term 'quads' belongs to more than one entry" in text
    assert "exercise term 'press-up' belongs to more than one entry: glute-bridge, push-up" in text
    assert "equipment.yaml: file is missing" in text


@pytest.mark.slow  # runs the command line as processes
async def test_cli_refuses_an_invalid_seed_and_leaves_the_graph(
    store: Store, settings: Settings, mini_seed: Path, tmp_path: Path
) -> None:
    await write_seed(store, load_seed(mini_seed), batch_size=100)
    before = await graph_counts(store)
    broken = tmp_path / "broken"
    import shutil

    shutil.copytree(mini_seed, broken)
    break_seed(broken)
    env = {"NEO4J_URI": settings.neo4j_uri or "", "EMBEDDED_DB_PATH": str(tmp_path / "unused.db")}
    result = subprocess.run(
        [sys.executable, "-m", "graph_service", "seed", "--seed-dir", str(broken)],
        capture_output=True,
        text=True,
        env=env | _path_env(),
        timeout=120,
    )
    assert result.returncode == 2
    assert "unknown muscle 'wings'" in result.stderr and "nothing was written" in result.stderr
    assert await graph_counts(store) == before


def _path_env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG")}
