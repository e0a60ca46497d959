"""An exercise is filed under the body part of its first target, in the file named after that body part; the
seed validation refuses any other filing, and the bundled base follows the rule."""

from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from graph_service.errors import SeedValidationError
from graph_service.seeding import SeedBundle, load_seed


def problems_of(root: Path) -> str:
    with pytest.raises(SeedValidationError) as caught:
        load_seed(root)
    return "\n".join(caught.value.problems)


def test_every_bundled_exercise_is_filed_under_its_first_targets_body_part(knowledge_base: SeedBundle) -> None:
    part_of = {m.slug: m.body_part for m in knowledge_base.muscles}
    without_muscles = {b.slug for b in knowledge_base.body_parts} - set(part_of.values())
    assert without_muscles == {"cardio"}
    misfiled = {
        x.slug: (x.body_part, x.targets[0])
        for x in knowledge_base.exercises
        if x.body_part != part_of[x.targets[0]] and x.body_part not in without_muscles
    }
    assert misfiled == {}
    # every file of the bundled base is named after the one body part it holds
    for path in sorted((Path(__file__).parent.parent / "seed" / "exercises").glob("*.yaml")):
        parts = {x["body_part"] for x in yaml.safe_load(path.read_text(encoding="utf-8"))["exercises"]}
        assert parts == {path.stem}, path.name


def test_the_deadlift_family_and_the_good_morning_are_filed_under_legs(knowledge_base: SeedBundle) -> None:
    by_slug = {x.slug: x for x in knowledge_base.exercises}
    family: dict[str, set[str]] = defaultdict(set)
    for x in knowledge_base.exercises:
        if x.variation_of == "conventional-deadlift" or x.slug == "conventional-deadlift":
            family[x.body_part].add(x.slug)
    # the rack pull's short range leaves the work to the back (its first target), so it alone stays there
    assert family["back"] == {"rack-pull"} and len(family["legs"]) >= 6
    assert by_slug["good-morning"].targets[0] == "hamstrings" and by_slug["good-morning"].body_part == "legs"
    assert by_slug["trap-bar-deadlift"].targets[0] == "quadriceps"
    assert all(by_slug[s].targets[0] in {"glutes", "hamstrings", "quadriceps"} for s in family["legs"])


def test_an_exercise_filed_away_from_its_first_target_is_refused(mini_seed: Path) -> None:
    sample = mini_seed / "exercises" / "sample.yaml"
    data = yaml.safe_load(sample.read_text())
    data["exercises"][0]["body_part"] = "back"  # the glute bridge's first target is the glutes (legs)
    sample.write_text(yaml.safe_dump(data))
    text = problems_of(mini_seed)
    assert "exercise 'glute-bridge': filed under body part 'back', but its first target 'glutes' belongs to 'legs'" in (
        text
    )


def test_a_file_named_after_a_body_part_holds_only_that_body_part(mini_seed: Path) -> None:
    sample = mini_seed / "exercises" / "sample.yaml"
    data = yaml.safe_load(sample.read_text())
    push_up = next(x for x in data["exercises"] if x["slug"] == "push-up")
    data["exercises"].remove(push_up)
    sample.write_text(yaml.safe_dump(data))
    (mini_seed / "exercises" / "legs.yaml").write_text(yaml.safe_dump({"exercises": [push_up]}))
    text = problems_of(mini_seed)
    assert "exercises/legs.yaml: exercise 'push-up' has body_part 'chest'; this file holds only 'legs'" in text
    assert "first target" not in text  # filed under its own body part, only in the wrong file


def test_full_body_work_may_be_filed_under_the_body_part_without_muscles(mini_seed: Path) -> None:
    sample = mini_seed / "exercises" / "sample.yaml"
    data = yaml.safe_load(sample.read_text())
    goblet = next(x for x in data["exercises"] if x["slug"] == "goblet-squat")
    goblet["body_part"] = "cardio"  # its first target, the quadriceps, belongs to legs
    sample.write_text(yaml.safe_dump(data))
    assert any(x.body_part == "cardio" for x in load_seed(mini_seed).exercises)
