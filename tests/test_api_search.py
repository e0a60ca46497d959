"""Search over the API on both engines."""

from typing import Any

import pytest
from api_client import Api
from pages import answer_and_statements

from graph_service.reads.search import rank, splits, words
from graph_service.seeding import SeedBundle


async def test_search_understands_aliases_and_typos(api: Api) -> None:
    query = (
        "query($t: String!) { search(text: $t, first: 5) { score node { __typename ... on Muscle { slug } "
        "... on Equipment { slug } ... on Exercise { slug } } } }"
    )

    async def top(text: str) -> tuple[str, str]:
        hits = (await api.data(query, {"t": text}))["search"]
        assert hits, text
        return hits[0]["node"]["__typename"], hits[0]["node"]["slug"]

    assert await top("quads") == ("Muscle", "quadriceps")
    assert await top("pecs") == ("Muscle", "pectorals")
    assert await top("EZ bar") == ("Equipment", "ez-bar")
    assert await top("hamstrnigs") == ("Muscle", "hamstrings")
    assert await top("barbell hip thrust") == ("Exercise", "barbell-hip-thrust")
    assert (await api.data(query, {"t": "  !!  "}))["search"] == []


SEARCH_FIELDS = """slug name difficulty category force mechanic description instructions tips mistakes aliases
  targets { slug } secondaryMuscles { slug } equipment { slug } bodyPart { slug }"""


async def test_a_search_is_one_statement_and_its_exercises_answer_as_exercise_does(api: Api) -> None:
    scalars = "query($t: String!) { search(text: $t, first: 8) { node { ... on Exercise { slug name } } } }"
    full = (
        "query($t: String!) { search(text: $t, first: 8) { node { __typename ... on Exercise { "
        + SEARCH_FIELDS
        + " } } } }"
    )
    for text in ("hip thrust", "press", "squat", "curl"):
        answer, statements = await answer_and_statements(api, scalars, {"t": text})
        assert statements == ["search"], (text, statements)
        hits = [
            h["node"] for h in (await api.data(full, {"t": text}))["search"] if h["node"]["__typename"] == "Exercise"
        ]
        assert hits, text
        assert [h["slug"] for h in hits] == [h["node"]["slug"] for h in answer["search"] if h["node"]], text
        for hit in hits:
            alone = await api.data(
                "query($s: String!) { exercise(slug: $s) { " + SEARCH_FIELDS + " } }", {"s": hit["slug"]}
            )
            assert {"__typename": "Exercise", **alone["exercise"]} == hit, hit["slug"]


HITS = (
    "query($t: String!, $n: Int!) { search(text: $t, first: $n) { score via { slug } node { __typename "
    "... on Muscle { slug name } ... on Equipment { slug name } ... on Exercise { slug name targets { slug } } } } }"
)


async def hits(api: Api, text: str, first: int = 10) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = (await api.data(HITS, {"t": text, "n": first}))["search"]
    return found


@pytest.mark.parametrize("text", ["quads", "push up", "hamstrnigs", "benchpress", "dumbbell press", "squat", "pecs"])
async def test_scores_come_in_descending_order(api: Api, text: str) -> None:
    scores = [h["score"] for h in await hits(api, text, 20)]
    assert scores, text
    assert scores == sorted(scores, reverse=True), (text, scores)


async def test_the_exact_name_comes_first(api: Api, knowledge_base: SeedBundle) -> None:
    found = await hits(api, "push up")
    assert found[0]["node"]["slug"] == "push-up"
    # Every other hit names more than the two words, yet each of them is a push-up.
    push_ups = [x.slug for x in knowledge_base.exercises if "push up" in x.name.lower().replace("-", " ")]
    assert {h["node"]["slug"] for h in found[1:]} <= set(push_ups)
    assert found[0]["score"] > found[1]["score"]


async def test_an_alias_of_a_muscle_answers_the_muscle_first(api: Api) -> None:
    found = await hits(api, "quads")
    assert (found[0]["node"]["__typename"], found[0]["node"]["slug"]) == ("Muscle", "quadriceps")
    assert all(h["score"] < found[0]["score"] for h in found[1:])


async def test_a_misspelt_muscle_reaches_its_exercises(api: Api) -> None:
    found = await hits(api, "hamstrnigs")
    assert (found[0]["node"]["__typename"], found[0]["node"]["slug"]) == ("Muscle", "hamstrings")
    exercises = [h for h in found if h["node"]["__typename"] == "Exercise"]
    assert exercises
    through = [h for h in exercises if h["via"]]
    assert through
    for hit in through:
        assert hit["via"] == {"slug": "hamstrings"}
        assert "hamstrings" in [t["slug"] for t in hit["node"]["targets"]], hit


async def test_a_compound_word_is_split(api: Api, knowledge_base: SeedBundle) -> None:
    found = await hits(api, "benchpress")
    assert found
    bench_presses = {x.slug for x in knowledge_base.exercises if "bench press" in x.name.lower()}
    assert found[0]["node"]["slug"] in bench_presses
    assert {h["node"]["slug"] for h in found[:5]} <= bench_presses


async def test_a_search_with_muscle_hits_is_still_one_statement(api: Api) -> None:
    scalars = HITS.replace(" targets { slug }", "")
    for text in ("hamstrnigs", "quads", "benchpress"):
        answer, statements = await answer_and_statements(api, scalars, {"t": text, "n": 10})
        assert statements == ["search"], (text, statements)
        assert answer["search"], text


def test_the_ranking_puts_exact_names_before_relevance() -> None:
    rows: list[dict[str, Any]] = [
        {"kind": "Exercise", "slug": "archer-push-up", "name": "Archer Push-Up", "aliases": [], "score": 18.0},
        {"kind": "Exercise", "slug": "push-up", "name": "Push-Up", "aliases": ["press-up"], "score": 8.0},
        {"kind": "Exercise", "slug": "pike-press", "name": "Pike Press", "aliases": [], "score": 20.0},
    ]
    ranked = rank(rows, words("push up"), 10)
    assert [h.slug for h in ranked] == ["push-up", "archer-push-up", "pike-press"]
    assert [h.score for h in ranked] == [3.4, 1.9, 1.0]
    assert rank(rows, words("press up"), 10)[0].slug == "push-up"  # an alias
    assert splits("benchpress")[2] == ("bench", "press")


async def test_texts_asked_through_a_fragment_are_answered(api: Api) -> None:
    query = (
        "query($t: String!) { search(text: $t, first: 5) { node { ...Page } } } "
        "fragment Page on Exercise { slug description instructions tips }"
    )
    short = "query($t: String!) { search(text: $t, first: 5) { node { ... on Exercise { slug name difficulty } } } }"
    found = [h["node"] for h in (await api.data(query, {"t": "squat"}))["search"] if h["node"]]
    assert found
    for hit in found:
        alone = await api.data(
            "query($s: String!) { exercise(slug: $s) { slug description instructions tips } }", {"s": hit["slug"]}
        )
        assert alone["exercise"] == hit
    slugs = [h["node"]["slug"] for h in (await api.data(short, {"t": "squat"}))["search"] if h["node"]]
    assert slugs == [h["slug"] for h in found]
