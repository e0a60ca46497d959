"""Exercise cards: the FAQ, rendering, parsing, and card import on both engines, round trip included."""

import dataclasses
import re
from pathlib import Path

import pytest
from cli_process import cli
from graph_dump import dump, exercise

from graph_service.cards import Alternative, ExerciseFacts, Named, card_markdown, faq, parse_card, write_cards
from graph_service.config import Settings
from graph_service.importers import ImportValidationError, prepare_card_import, write_plan
from graph_service.importers.merge import ImportSummary
from graph_service.seeding import SeedBundle, clear_graph, load_seed, write_seed
from graph_service.store import Store

BASE = "https://fit.example/exercises"
LEGS = Named("legs", "Legs")
GLUTES = Named("glutes", "Glutes")
THRUST = ExerciseFacts(
    slug="barbell-hip-thrust",
    name="Barbell Hip Thrust",
    difficulty="beginner",
    category="strength",
    body_part=LEGS,
    targets=(GLUTES,),
    secondary=(Named("hamstrings", "Hamstrings"), Named("quadriceps", "Quadriceps")),
    equipment=(Named("barbell", "Barbell"), Named("bench", "Flat Bench")),
    alternatives=(
        Alternative("glute-bridge", "Glute Bridge", "beginner"),
        Alternative("cable-pull-through", "Cable Pull-through", "intermediate"),
    ),
)


@pytest.fixture
async def seeded(store: Store, mini_seed: Path) -> SeedBundle:
    bundle = load_seed(mini_seed)
    await write_seed(store, bundle, batch_size=100)
    return bundle


async def import_cards(store: Store, folder: Path, seed_dir: Path) -> ImportSummary:
    plan = await prepare_card_import(store, folder, seed_dir=seed_dir)
    await write_plan(store, plan, batch_size=3)
    return plan.summary


def files(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text() for p in sorted(folder.glob("*.md"))}


def test_faq_answers_come_from_the_facts() -> None:
    entries = faq(THRUST)
    assert entries == faq(THRUST)  # pure
    assert [q for q, _ in entries] == [
        "What muscles does the Barbell Hip Thrust work?",
        "Is the Barbell Hip Thrust good for beginners?",
        "What equipment do I need for the Barbell Hip Thrust?",
        "What can I do instead of the Barbell Hip Thrust?",
    ]
    works, beginners, equipment, instead = (a for _, a in entries)
    assert "the glutes most" in works and "hamstrings and quadriceps" in works and "the legs" in works
    assert beginners.startswith("Yes.")
    assert equipment == "You need a barbell and a flat bench."
    assert instead == "Exercises that work the same muscles include Glute Bridge and Cable Pull-through."


def test_faq_adapts_to_level_equipment_and_missing_facts() -> None:
    hard = dataclasses.replace(THRUST, difficulty="advanced")
    beginners = dict(faq(hard))["Is the Barbell Hip Thrust good for beginners?"]
    assert "advanced" in beginners and "Glute Bridge and Cable Pull-through" in beginners
    medium = dict(faq(dataclasses.replace(THRUST, difficulty="intermediate")))
    assert (
        "Easier options that work the same muscles: Glute Bridge."
        in medium["Is the Barbell Hip Thrust good for beginners?"]
    )

    bodyweight = dataclasses.replace(THRUST, equipment=(Named("body-weight", "Body Weight"),), alternatives=())
    entries = dict(faq(bodyweight))
    assert entries["What equipment do I need for the Barbell Hip Thrust?"].startswith("None.")
    assert "What can I do instead of the Barbell Hip Thrust?" not in entries

    cardio = ExerciseFacts(
        slug="jog",
        name="Jog",
        difficulty="beginner",
        category="cardio",
        body_part=Named("cardio", "Cardio & Full Body"),
    )
    (_, answer), _ = faq(cardio)
    assert answer == "No single muscle leads: it is a beginner cardio exercise for the whole body as a whole."


async def test_card_of_a_bundled_exercise(store: Store, seeded: SeedBundle) -> None:
    text = await card_markdown(store, "barbell-hip-thrust", base_url=BASE + "/")
    assert text is not None
    lines = text.splitlines()
    seed = next(x for x in seeded.exercises if x.slug == "barbell-hip-thrust")
    assert lines[0] == "# Barbell Hip Thrust"
    assert [ln for ln in lines if ln.startswith("## ")] == [
        "## Quick answer",
        "## How to perform",
        "## Pro tips",
        "## Common mistakes",
        "## FAQ",
        "## Muscle map",
        "## Related exercises",
    ]
    quick = lines[lines.index("## Quick answer") + 2]
    assert quick.startswith(seed.description)
    assert quick.endswith("It targets the glutes and also works the hamstrings and quadriceps.")
    facts = [ln for ln in lines if ln.startswith("- **")]
    assert facts == [
        "- **Body Part:** Legs",
        "- **Equipment:** Barbell",
        "- **Movement Pattern:** Hinge",
        "- **Target Muscle:** Glutes",
        "- **Secondary Muscles:** Hamstrings, Quadriceps",
        "- **Difficulty:** Beginner",
        "- **Category:** Strength",
        "- **Force:** Push",
        "- **Mechanic:** Compound",
        "- **Variation Of:** Glute Bridge",
    ]
    steps = lines[lines.index("## How to perform") + 2 : lines.index("## Pro tips") - 1]
    assert steps == [f"{n}. {s}" for n, s in enumerate(seed.instructions, start=1)]
    assert f"- {seed.tips[0]}" in lines and f"- {seed.mistakes[1]}" in lines
    questions = [ln for ln in lines if ln.startswith("### ")]
    assert len(questions) == 4 and questions[0] == "### What muscles does the Barbell Hip Thrust work?"
    alternatives = lines[lines.index("### What can I do instead of the Barbell Hip Thrust?") + 2]
    assert "Glute Bridge" in alternatives and "Cable Pull-through" in alternatives
    assert lines[-3:] == [
        f"- [More Legs Exercises]({BASE}/legs)",
        f"- [More Barbell Exercises]({BASE}/equipment/barbell)",
        f"- [More Glutes Exercises]({BASE}/muscle/glutes)",
    ]
    assert await card_markdown(store, "no-such-move", base_url=BASE) is None


def test_parse_reads_the_structure_with_line_numbers() -> None:
    text = "\n".join(
        [
            "# Wall Sit",  # 1
            "",
            "## Quick answer",
            "",
            "Hold a seated position against a wall.",  # 5
            "",
            "- **Body Part:** Legs",  # 7
            "- **Target Muscle:** Quadriceps",
            "- **Difficulty:** Beginner",
            "- **Category:** Strength",  # 10
            "",
            "---",
            "",
            "## How to perform",
            "",
            "1. Lean your back on a wall.",
            "2. Slide down until your knees are bent",
            "   to a right angle.",
            "3. Hold.",
            "",
            "## FAQ",
            "",
            "### Anything?",
            "",
            "Free text that is generated, not imported.",
        ]
    )
    card = parse_card(text, Path("wall-sit.md"))
    assert card.problems == []
    assert (card.title, card.title_line) == ("Wall Sit", 1)
    assert card.summary == "Hold a seated position against a wall."
    assert {k: (f.value, f.line) for k, f in card.facts.items()} == {
        "body_part": ("Legs", 7),
        "targets": ("Quadriceps", 8),
        "difficulty": ("Beginner", 9),
        "category": ("Strength", 10),
    }
    assert card.steps == [
        "Lean your back on a wall.",
        "Slide down until your knees are bent to a right angle.",
        "Hold.",
    ]
    assert card.tips is None and card.mistakes is None

    broken = parse_card("- **Colour:** Red\n- **Difficulty:** Easy\n- **Difficulty:** Hard\n", Path("x.md"))
    assert broken.problems == [
        "x.md:1: unknown fact 'Colour'",
        "x.md:3: 'Difficulty' is given twice (first on line 2)",
        "x.md:1: no title (a first line like '# Barbell Hip Thrust')",
    ]


async def test_round_trip_in_the_same_graph(store: Store, seeded: SeedBundle, mini_seed: Path, tmp_path: Path) -> None:
    graph = await dump(store)
    written = await write_cards(store, tmp_path / "one", base_url=BASE)
    assert len(written) == len(seeded.exercises)
    summary = await import_cards(store, tmp_path / "one", mini_seed)
    assert (summary.created, len(summary.merged)) == ([], len(seeded.exercises))
    assert await dump(store) == graph
    await write_cards(store, tmp_path / "two", base_url=BASE)
    assert files(tmp_path / "two") == files(tmp_path / "one")


async def test_round_trip_into_a_graph_with_only_the_taxonomy(
    store: Store, seeded: SeedBundle, mini_seed: Path, tmp_path: Path
) -> None:
    graph = await dump(store)
    await write_cards(store, tmp_path / "one", base_url=BASE)
    await clear_graph(store)
    await write_seed(store, dataclasses.replace(seeded, exercises=[]), batch_size=100)

    summary = await import_cards(store, tmp_path / "one", mini_seed)
    assert sorted(summary.created) == sorted(x.slug for x in seeded.exercises)
    assert await dump(store) == graph  # the cards carry every fact the seed gave, edges and variations included
    await write_cards(store, tmp_path / "two", base_url=BASE)
    assert files(tmp_path / "two") == files(tmp_path / "one")


async def test_unknown_terms_are_reported_with_file_and_line_and_nothing_is_written(
    store: Store, seeded: SeedBundle, mini_seed: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "cards"
    await write_cards(store, folder, base_url=BASE)
    thrust = folder / "barbell-hip-thrust.md"
    text = thrust.read_text().replace(
        "**Secondary Muscles:** Hamstrings, Quadriceps", "**Secondary Muscles:** Quads, Gills"
    )
    thrust.write_text(text)
    line = text.splitlines().index("- **Secondary Muscles:** Quads, Gills") + 1
    squat = folder / "goblet-squat.md"
    squat_text = squat.read_text().replace("**Equipment:** Dumbbell", "**Equipment:** Dumbbell, Hoverboard")
    squat_text = squat_text.replace("**Difficulty:** Beginner", "**Difficulty:** Advanced")  # a valid edit
    squat.write_text(squat_text)
    squat_line = squat_text.splitlines().index("- **Equipment:** Dumbbell, Hoverboard") + 1
    before = await dump(store)

    with pytest.raises(ImportValidationError) as caught:
        await prepare_card_import(store, folder, seed_dir=mini_seed)
    assert caught.value.problems == [
        f"{thrust}:{line}: unknown muscle 'Gills'",
        f"{squat}:{squat_line}: unknown equipment 'Hoverboard'",
    ]
    assert "nothing was written" in str(caught.value)
    assert await dump(store) == before


async def test_a_card_states_facts_and_may_leave_sections_out(
    store: Store, seeded: SeedBundle, mini_seed: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "cards"
    folder.mkdir()
    before = await exercise(store, "barbell-hip-thrust")
    (folder / "barbell-hip-thrust.md").write_text(
        "# Barbell Hip Thrust\n\n"
        "- **Body Part:** Legs\n- **Equipment:** Barbell, Flat Bench\n- **Target Muscle:** Glutes\n"
        "- **Difficulty:** Intermediate\n- **Category:** Strength\n\n"
        "## How to perform\n\n1. Set up against the bench.\n2. Drive the hips up.\n3. Lower slowly.\n"
    )
    (folder / "kb-sumo-deadlift.md").write_text(
        "# Kettlebell Sumo Deadlift\n\n## Quick answer\n\nA wide-stance pull of one kettlebell from the floor.\n\n"
        "- **Body Part:** Upper Legs\n- **Equipment:** Kettlebell\n- **Target Muscles:** Glutes, Adductors\n"
        "- **Secondary Muscles:** Hamstrings, Glutes\n- **Difficulty:** Beginner\n- **Category:** Strength\n"
        "- **Variation Of:** Cable Pull-through\n- **Also Known As:** kettlebell sumo pull\n"
    )
    summary = await import_cards(store, folder, mini_seed)
    assert summary.created == ["kb-sumo-deadlift"] and [s for _, s in summary.merged] == ["barbell-hip-thrust"]

    thrust = await exercise(store, "barbell-hip-thrust")
    assert thrust["USES"] == ["barbell", "bench"]
    assert thrust["props"]["instructions"] == ["Set up against the bench.", "Drive the hips up.", "Lower slowly."]
    assert (thrust["props"]["difficulty"], thrust["props"]["difficulty_rank"]) == ("intermediate", 1)
    # what the card leaves out stays as it was
    for key in ("description", "tips", "mistakes", "aliases", "force", "mechanic"):
        assert thrust["props"].get(key) == before["props"].get(key), key
    assert thrust["WORKS_SECONDARY"] == before["WORKS_SECONDARY"]
    assert thrust["VARIATION_OF"] == before["VARIATION_OF"]

    sumo = await exercise(store, "kb-sumo-deadlift")
    assert sumo["TARGETS"] == ["adductors", "glutes"] and sumo["WORKS_SECONDARY"] == ["hamstrings"]
    assert sumo["TRAINS"] == ["legs"] and sumo["USES"] == ["kettlebell"]
    assert sumo["VARIATION_OF"] == ["cable-pull-through"]
    assert sumo["props"]["description"] == "A wide-stance pull of one kettlebell from the floor."
    assert sumo["props"]["aliases"] == ["kettlebell sumo pull"]
    assert sumo["props"]["instructions"] == []


@pytest.mark.slow  # runs the command line as processes
async def test_the_command_line(store: Store, settings: Settings, mini_seed: Path, tmp_path: Path) -> None:
    assert cli(settings, tmp_path, "seed", "--seed-dir", str(mini_seed)).returncode == 0
    printed = cli(settings, tmp_path, "card", "goblet-squat")
    assert printed.returncode == 0, printed.stderr
    assert printed.stdout.startswith("# Goblet Squat\n\n## Quick answer\n")
    assert "(https://example.com/exercises/equipment/dumbbell)" in printed.stdout
    folder = tmp_path / "cards"
    written = cli(settings, tmp_path, "cards", str(folder))
    assert written.returncode == 0 and "wrote 6 cards" in written.stderr
    assert (folder / "goblet-squat.md").read_text() == printed.stdout
    again = cli(settings, tmp_path, "import", "cards", str(folder))
    assert again.returncode == 0, again.stderr
    assert re.search(r"merged into an existing exercise\s*│\s*6", again.stdout)
    missing = cli(settings, tmp_path, "card", "no-such-move")
    assert missing.returncode == 2 and "no exercise with the slug 'no-such-move'" in missing.stderr
