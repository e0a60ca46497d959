"""One exercise over the API on both engines: its page, its relations, its FAQ, and the read-ahead."""

import pytest
from api_client import Api
from pages import answer_and_statements

from graph_service.api import read_ahead
from graph_service.reads import plans
from graph_service.seeding import SeedBundle


async def test_exercise_page_of_the_hip_thrust(api: Api, knowledge_base: SeedBundle) -> None:
    data = await api.data("""{
      exercise(slug: "barbell-hip-thrust") {
        name slug difficulty category force mechanic description instructions tips mistakes
        targets { slug name bodyPart { slug } } secondaryMuscles { slug } equipment { slug name }
        bodyPart { slug name } variationOf { slug }
        related(first: 3) { kind slug total exercises { slug } }
      }
    }""")
    x = data["exercise"]
    seed = next(e for e in knowledge_base.exercises if e.slug == "barbell-hip-thrust")
    assert x["name"] == "Barbell Hip Thrust"
    assert (x["difficulty"], x["category"]) == ("BEGINNER", "STRENGTH")
    assert x["targets"] == [{"slug": "glutes", "name": "Glutes", "bodyPart": {"slug": "legs"}}]
    assert sorted(m["slug"] for m in x["secondaryMuscles"]) == ["hamstrings", "quadriceps"]
    assert x["equipment"] == [{"slug": "barbell", "name": "Barbell"}, {"slug": "bench", "name": "Flat Bench"}]
    assert x["bodyPart"] == {"slug": "legs", "name": "Legs"}
    assert x["instructions"] == seed.instructions and len(x["instructions"]) == 5
    assert len(x["tips"]) == 3 and len(x["mistakes"]) == 3
    assert x["variationOf"] == {"slug": seed.variation_of}
    kinds = {(g["kind"], g["slug"]) for g in x["related"]}
    assert kinds == {
        ("BODY_PART", "legs"),
        ("EQUIPMENT", "barbell"),
        ("EQUIPMENT", "bench"),
        ("TARGET_MUSCLE", "glutes"),
    }
    for group in x["related"]:
        assert 0 < len(group["exercises"]) <= 3 <= group["total"] or len(group["exercises"]) == group["total"]
        assert "barbell-hip-thrust" not in [e["slug"] for e in group["exercises"]]


async def test_unknown_exercise_is_null(api: Api) -> None:
    assert (await api.data('{ exercise(slug: "no-such-move") { name } }')) == {"exercise": None}


async def test_relations_are_batched_not_n_plus_one(api: Api) -> None:
    query = """query($n: Int!) { exercises(first: $n) { edges { node {
      targets { name } secondaryMuscles { name } equipment { name } bodyPart { name } } } } }"""
    trips = []
    for n in (5, 50):
        before = api.store.round_trips
        data = await api.data(query, {"n": n})
        assert len(data["exercises"]["edges"]) == n
        trips.append(api.store.round_trips - before)
    assert trips == [2, 2]


async def test_faq_and_card_come_from_the_graph(api: Api) -> None:
    data = await api.data('{ exercise(slug: "barbell-hip-thrust") { name faq { question answer } card } }')
    x = data["exercise"]
    questions = " ".join(f["question"].lower() for f in x["faq"])
    assert "work" in questions and "beginner" in questions and len(x["faq"]) >= 3
    what_it_works = next(f["answer"] for f in x["faq"] if "work" in f["question"].lower())
    assert "glutes" in what_it_works.lower() and "hamstrings" in what_it_works.lower()
    card = x["card"]
    assert card.startswith("# Barbell Hip Thrust")
    for heading in ("## How to perform", "## Pro tips", "## Common mistakes", "## FAQ"):
        assert heading in card
    assert "1. " in card and "glutes" in card.lower()


PAGE_PARTS = """
  alternatives(first: 5, availableEquipment: $available) { score sameFamily exercise { slug name difficulty } }
  related(first: 4) { kind slug name total exercises { slug name category } }
"""


READ_AHEAD = "query($s: String!, $available: [String!]) { exercise(slug: $s) { slug name targets { slug } %s } }"


FIELD_BY_FIELD = READ_AHEAD % f"... @include(if: true) {{{PAGE_PARTS}}}"
READ_AHEAD %= PAGE_PARTS


async def test_an_exercise_page_is_one_statement_and_answers_as_its_fields_do(
    api: Api, knowledge_base: SeedBundle, monkeypatch: pytest.MonkeyPatch
) -> None:
    slugs = ["barbell-hip-thrust", *(e.slug for e in knowledge_base.exercises[::25])]
    await api.data(READ_AHEAD, {"s": slugs[0], "available": ["barbell"]})  # the known slugs are read
    for near in (False, True):
        # A graph below SMALL_GRAPH exercises scores every candidate; at 0 the page looks alternatives up near the
        # source's profile and proves them, as a large graph does.
        monkeypatch.setattr(plans, "SMALL_GRAPH", 0 if near else plans.SMALL_GRAPH)
        for slug in slugs:
            for available in (None, ["body-weight", "dumbbell", "bench"]):
                variables = {"s": slug, "available": available}
                read_ahead, statements = await answer_and_statements(api, READ_AHEAD, variables)
                field_by_field, apart = await answer_and_statements(api, FIELD_BY_FIELD, variables)
                assert read_ahead == field_by_field, variables
                assert read_ahead["exercise"]["related"], variables
                assert statements[0] == ("exercise_page_near" if near else "exercise_page"), statements
                assert "exercises_by_slugs" in apart and "related" in apart, apart
                if not near:
                    assert statements == ["exercise_page"]
                    assert len(apart) == 3, apart
    # A field asked twice is answered by its own resolver each time.
    twice = await api.data("""{ exercise(slug: "barbell-hip-thrust") {
      two: alternatives(first: 2) { exercise { slug } } five: alternatives(first: 5) { exercise { slug } } } }""")
    assert len(twice["exercise"]["two"]) == 2
    assert twice["exercise"]["two"] == twice["exercise"]["five"][:2]
    # What the page cannot check is left to the field, which names it.
    err = await api.error(READ_AHEAD, {"s": "barbell-hip-thrust", "available": ["anti-gravity-boots"]})
    assert "anti-gravity-boots" in err["message"]
    assert await api.data(READ_AHEAD, {"s": "no-such-exercise", "available": None}) == {"exercise": None}


async def test_the_read_ahead_leaves_a_field_with_an_argument_it_does_not_handle_to_its_resolver(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    query = """query($s: String!) { exercise(slug: $s) { slug
      alternatives(first: 3, maxDifficulty: BEGINNER) { exercise { slug } } } }"""
    variables = {"s": "barbell-hip-thrust"}
    await api.data(query, variables)  # the graph statistics are read
    handled, statements = await answer_and_statements(api, query, variables)
    assert statements == ["exercise_page"]
    # As if Exercise.alternatives had gained an argument the read-ahead does not turn into its question.
    monkeypatch.setitem(read_ahead.HANDLED, "alternatives", frozenset({"first", "availableEquipment"}))
    alone, statements = await answer_and_statements(api, query, variables)
    assert statements == ["exercises_by_slugs", "alternatives"]
    assert alone == handled
    # The same when the schema declares such an argument, even one the document leaves out.
    assert read_ahead.readable("related", {"first": 3}, frozenset({"first"}))
    assert not read_ahead.readable("related", {"first": 3, "dummy": 1}, frozenset({"first", "dummy"}))
    assert not read_ahead.readable("related", {"first": 3}, frozenset({"first", "dummy"}))
