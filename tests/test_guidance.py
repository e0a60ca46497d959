"""Curated guidance and FAQ answers (seed/guidance.yaml): validated with the seed, kept as Exercise properties by an
idempotent load, answered by `Exercise.guidance` and `Exercise.faq`, and rendered on the card, on both engines."""

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml
from api_client import Api, api_for
from graph_dump import exercise

from graph_service.cards import parse_card
from graph_service.cards.facts import ExerciseFacts
from graph_service.cards.render import render_card
from graph_service.config import Settings
from graph_service.errors import SeedValidationError
from graph_service.guidance import PROPERTIES, Guidance
from graph_service.seeding import SeedBundle, load_seed, write_seed
from graph_service.seeding.guidance_entries import GuidanceEntry
from graph_service.store import Store

MAIN_LIFTS = (
    "barbell-back-squat",
    "barbell-bench-press",
    "conventional-deadlift",
    "barbell-overhead-press",
    "barbell-bent-over-row",
    "pull-up",
    "barbell-hip-thrust",
    "forward-lunge",
    "romanian-deadlift",
    "chest-dip",
)
QUERY = """
query ($slug: String!) {
  exercise(slug: $slug) {
    guidance {
      prescriptions { goal sets { min max } reps { min max } text }
      startingLoad startingLoadBodyWeight
    }
    faq { question answer source }
    card
  }
}
"""


def entries(bundle: SeedBundle) -> dict[str, GuidanceEntry]:
    return {g.slug: g for g in bundle.guidance}


def as_api(g: Guidance) -> dict[str, Any]:
    """What `Exercise.guidance` should answer for a seed entry's guidance."""
    return {
        "prescriptions": [
            {
                "goal": p.goal.name,
                "sets": {"min": p.sets[0], "max": p.sets[1]},
                "reps": {"min": p.reps[0], "max": p.reps[1]},
                "text": p.describe(),
            }
            for p in g.prescriptions
        ],
        "startingLoad": g.starting_load,
        "startingLoadBodyWeight": g.starting_load_body_weight,
    }


def test_the_bundled_guidance_covers_the_main_lifts(knowledge_base: SeedBundle) -> None:
    curated = entries(knowledge_base)
    assert len(curated) >= 25
    assert all(curated[slug].guidance() for slug in MAIN_LIFTS)
    thrust = [q.question.lower() for q in curated["barbell-hip-thrust"].faq]
    assert any("glute exercise" in q for q in thrust) and any("weight" in q or "heavy" in q for q in thrust)


def break_guidance(root: Path) -> None:
    bad = [
        {"slug": "no-such-exercise", "faq": [{"question": "Is it real?", "answer": "No."}]},
        {
            "slug": "glute-bridge",
            "sets_reps": {"strength": {"sets": [5, 3], "reps": [3, 5]}},
            "starting_load": "Light.",
        },
        {"slug": "push-up", "sets_reps": {"endurance": {"sets": [2, 3], "reps": [20, 30]}}},
        {"slug": "goblet-squat", "sets_reps": {"speed": {"sets": [2, 3], "reps": [3, 5]}}, "starting_load": "Light."},
        {
            "slug": "cable-pull-through",
            "faq": [{"question": "Why this one?", "answer": "A."}, {"question": "why this one", "answer": "B."}],
        },
        {"slug": "barbell-hip-thrust", "faq": [{"question": "How deep?", "answer": "Deep."}]},
        {"slug": "barbell-hip-thrust", "faq": [{"question": "How wide?", "answer": "Hip width."}]},
    ]
    (root / "guidance.yaml").write_text(yaml.safe_dump({"guidance": bad}))


def test_bad_guidance_is_refused_whole_with_every_problem_named(mini_seed: Path) -> None:
    break_guidance(mini_seed)
    with pytest.raises(SeedValidationError) as caught:
        load_seed(mini_seed)
    text = "\n".join(caught.value.problems)
    assert "guidance.yaml: unknown exercise 'no-such-exercise'" in text
    assert "guidance.yaml entry 2 (glute-bridge)" in text and "sets: the first number is the least" in text
    assert "guidance.yaml entry 3 (push-up)" in text and "sets_reps and starting_load are given together" in text
    assert "guidance.yaml entry 4 (goblet-squat)" in text and "speed" in text
    assert "entry 5 (cable-pull-through)" in text and "a question is asked twice: 'why this one'" in text
    assert "guidance.yaml: exercise 'barbell-hip-thrust' has 2 entries" in text


def test_a_seed_without_a_guidance_file_loads(mini_seed: Path) -> None:
    assert not (mini_seed / "guidance.yaml").exists()
    assert load_seed(mini_seed).guidance == []


async def test_the_load_is_idempotent_and_follows_the_file(store: Store, mini_seed: Path) -> None:
    thrust = {
        "slug": "barbell-hip-thrust",
        "sets_reps": {"hypertrophy": {"sets": [3, 4], "reps": [8, 12]}, "strength": {"sets": [3, 5], "reps": [5, 8]}},
        "starting_load": "The bare bar.",
        "faq": [{"question": "Where does the pad go?", "answer": "Across the fold of the hips."}],
    }
    (mini_seed / "guidance.yaml").write_text(yaml.safe_dump({"guidance": [thrust]}))
    await write_seed(store, load_seed(mini_seed), batch_size=2)
    first = await exercise(store, "barbell-hip-thrust")
    await write_seed(store, load_seed(mini_seed), batch_size=2)
    again = await exercise(store, "barbell-hip-thrust")
    assert first == again
    props = again["props"]
    # Goals in their fixed order (strength first), lists in step.
    assert (props["guidance_goals"], props["guidance_sets_min"], props["guidance_reps_max"]) == (
        ["strength", "hypertrophy"],
        [3, 3],
        [8, 12],
    )
    assert props["faq_questions"] == ["Where does the pad go?"] and props["guidance_starting_load"] == "The bare bar."
    assert "guidance_starting_load_body_weight" not in props
    bridge = (await exercise(store, "glute-bridge"))["props"]
    assert not set(PROPERTIES) & set(bridge)

    # An entry taken out of the file is taken out of the graph on the next load.
    (mini_seed / "guidance.yaml").unlink()
    await write_seed(store, load_seed(mini_seed), batch_size=2)
    thrust_after = (await exercise(store, "barbell-hip-thrust"))["props"]
    assert not set(PROPERTIES) & set(thrust_after)


async def test_guidance_and_curated_answers_through_graphql(api: Api, knowledge_base: SeedBundle) -> None:
    curated = entries(knowledge_base)["barbell-hip-thrust"]
    x = (await api.data(QUERY, {"slug": "barbell-hip-thrust"}))["exercise"]
    guidance = curated.guidance()
    assert guidance and x["guidance"] == as_api(guidance)
    assert [p["goal"] for p in x["guidance"]["prescriptions"]] == ["STRENGTH", "HYPERTROPHY", "ENDURANCE"]
    # The curated answers first, marked as such, then the generated ones.
    mine = [{"question": q.question, "answer": q.answer, "source": "CURATED"} for q in curated.curated_faq()]
    assert x["faq"][: len(mine)] == mine
    rest = x["faq"][len(mine) :]
    assert rest and {f["source"] for f in rest} == {"GENERATED"}
    assert any("muscles" in f["question"].lower() for f in rest)


async def test_every_curated_exercise_answers_as_its_entry(api: Api, knowledge_base: SeedBundle) -> None:
    curated = entries(knowledge_base)
    fields = " ".join(
        f'x{i}: exercise(slug: "{slug}") {{ slug guidance {{ startingLoad }} }}' for i, slug in enumerate(curated)
    )
    found = {x["slug"]: x["guidance"] for x in (await api.data(f"{{ {fields} }}")).values()}
    assert found.keys() == curated.keys()
    for slug, entry in curated.items():
        g = entry.guidance()
        assert found[slug] == ({"startingLoad": g.starting_load} if g else None), slug


async def test_an_exercise_without_guidance_answers_null(api: Api, knowledge_base: SeedBundle) -> None:
    curated = entries(knowledge_base)
    slug = next(x.slug for x in knowledge_base.exercises if x.slug not in curated)
    x = (await api.data(QUERY, {"slug": slug}))["exercise"]
    assert x["guidance"] is None
    assert x["faq"] and {f["source"] for f in x["faq"]} == {"GENERATED"}
    assert "## Sets, reps and load" not in x["card"]


async def test_the_card_renders_guidance_and_curated_answers(api: Api, knowledge_base: SeedBundle) -> None:
    curated = entries(knowledge_base)["barbell-back-squat"]
    card = (await api.data(QUERY, {"slug": "barbell-back-squat"}))["exercise"]["card"]
    lines = card.splitlines()
    start = lines.index("## Sets, reps and load")
    guidance = curated.guidance()
    assert guidance and guidance.starting_load_body_weight == 0.5
    assert lines[start + 2 : start + 6] == [
        *(f"- **{p.goal.value.title()}:** {p.describe()}" for p in guidance.prescriptions),
        f"- **Starting load:** {guidance.starting_load} (about 50% of body weight)",
    ]
    # The section sits between the mistakes and the FAQ, and the curated answers open the FAQ.
    assert lines.index("## Common mistakes") < start < lines.index("## FAQ")
    faq_start = lines.index("## FAQ")
    first = curated.curated_faq()[0]
    assert lines[faq_start + 2 : faq_start + 5] == [f"### {first.question}", "", first.answer]


async def test_guidance_on_a_page_is_one_batched_read(kb_store: Store, settings: Settings) -> None:
    async with api_for(kb_store, settings) as api:
        trips = []
        for query in (
            "{ exercises(first: 30) { edges { node { slug } } } }",
            "{ exercises(first: 30) { edges { node { slug guidance { startingLoad } } } } }",
        ):
            before = api.store.round_trips
            data = await api.data(query)
            trips.append(api.store.round_trips - before)
    assert len(data["exercises"]["edges"]) == 30
    assert trips[1] == trips[0] + 1


def test_the_card_importer_reads_past_the_new_sections(knowledge_base: SeedBundle) -> None:
    """A card with guidance and curated answers parses as one without: the sections are read past, like the FAQ."""
    entry = entries(knowledge_base)["barbell-hip-thrust"]
    plain = ExerciseFacts(
        slug="barbell-hip-thrust",
        name="Barbell Hip Thrust",
        difficulty="beginner",
        category="strength",
        instructions=("Sit.", "Roll the bar in.", "Drive up."),
        tips=("Chin down.",),
        mistakes=("Arching.",),
    )
    full = replace(plain, guidance=entry.guidance(), curated_faq=tuple(entry.curated_faq()))
    with_guidance = render_card(full, base_url="https://fit.example")
    assert "## Sets, reps and load" in with_guidance and entry.faq[0].question in with_guidance
    read, without = (parse_card(render_card(f, base_url="https://fit.example"), Path("x.md")) for f in (full, plain))
    assert read.problems == [] and (read.summary, read.facts, read.steps, read.tips, read.mistakes) == (
        without.summary,
        without.facts,
        without.steps,
        without.tips,
        without.mistakes,
    )
