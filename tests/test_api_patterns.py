"""Movement patterns and kits over the API on both engines, checked against the bundled knowledge base."""

from collections import Counter

from api_client import Api

from graph_service.seeding import SeedBundle


async def test_every_pattern_with_its_count(api: Api, knowledge_base: SeedBundle) -> None:
    data = await api.data("{ movementPatterns { slug name group region direction exerciseCount aliases } }")
    follows = Counter(p for x in knowledge_base.exercises for p in x.patterns)
    assert {p["slug"]: p["exerciseCount"] for p in data["movementPatterns"]} == {
        p.slug: follows[p.slug] for p in knowledge_base.movement_patterns
    }
    hinge = next(p for p in data["movementPatterns"] if p["slug"] == "hinge")
    assert (hinge["group"], hinge["region"], hinge["direction"]) == ("compound", "lower", None)
    row = next(p for p in data["movementPatterns"] if p["slug"] == "horizontal-pull")
    assert row["direction"] == "pull"


async def test_an_exercise_names_its_patterns(api: Api, knowledge_base: SeedBundle) -> None:
    data = await api.data('{ exercise(slug: "romanian-deadlift") { patterns { slug name } } }')
    assert data["exercise"]["patterns"] == [{"slug": "hinge", "name": "Hinge"}]


async def test_filter_and_facets_by_pattern(api: Api, knowledge_base: SeedBundle) -> None:
    query = """query($f: ExerciseFilter) {
      exercises(filter: $f, first: 60) { totalCount edges { node { slug } } }
      facets(filter: $f) { patterns { value count } }
    }"""
    data = await api.data(query, {"f": {"patterns": ["hinge", "vertical-pull"], "bodyParts": ["back"]}})
    expected = {
        x.slug
        for x in knowledge_base.exercises
        if {"hinge", "vertical-pull"} & set(x.patterns) and x.body_part == "back"
    }
    assert {e["node"]["slug"] for e in data["exercises"]["edges"]} == expected
    assert data["exercises"]["totalCount"] == len(expected)
    counted = Counter(p for x in knowledge_base.exercises if x.slug in expected for p in x.patterns)
    assert {f["value"]: f["count"] for f in data["facets"]["patterns"]} == dict(counted)


async def test_unknown_pattern_is_named(api: Api) -> None:
    error = await api.error('{ exercises(filter: {patterns: ["hinge", "twirl"]}) { totalCount } }')
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "unknown movement pattern 'twirl'" in error["message"]


async def test_kits_and_what_they_include(api: Api, knowledge_base: SeedBundle) -> None:
    data = await api.data("{ kits { slug name equipment { slug } } }")
    assert {k["slug"]: sorted(q["slug"] for q in k["equipment"]) for k in data["kits"]} == {
        k.slug: sorted(k.equipment) for k in knowledge_base.kits
    }


async def test_a_kit_joins_the_available_equipment(api: Api, knowledge_base: SeedBundle) -> None:
    query = """query($f: ExerciseFilter) { exercises(filter: $f, first: 100) {
      totalCount edges { node { slug } } } }"""
    kit = next(k for k in knowledge_base.kits if k.slug == "park-with-a-bar")
    have = {*kit.equipment, "kettlebell"}
    f = {"kit": "park-with-a-bar", "availableEquipment": ["kettlebell"], "bodyParts": ["back", "cardio"]}
    data = await api.data(query, {"f": f})
    expected = {
        x.slug for x in knowledge_base.exercises if set(x.equipment) <= have and x.body_part in {"back", "cardio"}
    }
    assert {e["node"]["slug"] for e in data["exercises"]["edges"]} == expected
    assert data["exercises"]["totalCount"] == len(expected)
    assert any("kettlebell" in x.equipment for x in knowledge_base.exercises if x.slug in expected)
    assert any("pull-up-bar" in x.equipment for x in knowledge_base.exercises if x.slug in expected)


async def test_alternatives_within_a_kit(api: Api, knowledge_base: SeedBundle) -> None:
    data = await api.data("""{
      alternatives(slug: "barbell-back-squat", kit: "body-weight-only", first: 10) { exercise { slug } }
      exercise(slug: "barbell-back-squat") { alternatives(kit: "body-weight-only") { exercise { slug } } }
    }""")
    equipment = {x.slug: set(x.equipment) for x in knowledge_base.exercises}
    found = [a["exercise"]["slug"] for a in data["alternatives"]]
    assert found and all(equipment[s] == {"body-weight"} for s in found)
    nested = [a["exercise"]["slug"] for a in data["exercise"]["alternatives"]]
    assert nested == found[: len(nested)]


async def test_unknown_kit_is_named_and_changes_nothing(api: Api) -> None:
    for query in (
        '{ exercises(filter: {kit: "spaceship"}) { totalCount } }',
        '{ alternatives(slug: "push-up", kit: "spaceship") { score } }',
        '{ facets(filter: {kit: "spaceship"}) { patterns { value } } }',
    ):
        error = await api.error(query)
        assert error["extensions"]["code"] == "BAD_USER_INPUT"
        assert error["message"] == "unknown kit 'spaceship'"
