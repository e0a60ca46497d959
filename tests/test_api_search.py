"""Search over the API on both engines."""

from api_client import Api
from pages import answer_and_statements


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
