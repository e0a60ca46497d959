"""Backward pagination on both engines (`last`, `before`, `hasPreviousPage`, `startCursor`): the forward pages
reversed, read with as few statements as forward, and the Relay spec's combinations of the four arguments."""

from itertools import pairwise
from typing import Any

import pytest
from api_client import Api, api_for
from pages import FILTERS_BY_SOURCE, WINDOW, answer_and_statements, matches, pages_backward, pages_forward, window

from graph_service.api.document_limits import DocumentChecks
from graph_service.api.schema import schema
from graph_service.config import Settings
from graph_service.queries import Q
from graph_service.reads.exercises import BACKWARD, FORWARD, NAME_CEILING
from graph_service.reads.plans import FILTER_PARAMS
from graph_service.seeding import SeedBundle
from graph_service.store import Store

RANKS = {"beginner": 1, "intermediate": 2, "advanced": 3}
SORTS = {
    "NAME": lambda e: (e.name, e.slug),
    "DIFFICULTY": lambda e: (RANKS[e.difficulty], e.name, e.slug),
    "DIFFICULTY_DESC": lambda e: (-RANKS[e.difficulty], e.name, e.slug),
}
FILTERS: list[dict[str, Any] | None] = [None, *FILTERS_BY_SOURCE]


def oracle(knowledge_base: SeedBundle, filter: dict[str, Any] | None, sort: str) -> list[str]:
    """The slugs a filter matches in a sort order, from the seed files."""
    found = [e for e in knowledge_base.exercises if filter is None or matches(e, filter)]
    return [e.slug for e in sorted(found, key=SORTS[sort])]


def slugs(page: dict[str, Any]) -> list[str]:
    return [edge["node"]["slug"] for edge in page["edges"]]


@pytest.mark.parametrize("sort", list(SORTS))
async def test_walking_backward_from_the_end_gives_the_forward_pages_reversed(
    api: Api, knowledge_base: SeedBundle, sort: str
) -> None:
    for filter in FILTERS:
        expected = oracle(knowledge_base, filter, sort)
        size = 37 if filter is None else 7
        forward = await pages_forward(api, filter, size, sort)
        backward = await pages_backward(api, filter, size, sort)
        assert [s for page in forward for s in slugs(page)] == expected, filter
        # Each backward page in the connection's order, the pages read from the end.
        assert [s for page in reversed(backward) for s in slugs(page)] == expected, filter
        assert slugs(backward[0]) == expected[-size:], filter
        # A cursor is the same whichever way it was reached.
        cursors = {e["node"]["slug"]: e["cursor"] for page in forward for e in page["edges"]}
        assert all(cursors[e["node"]["slug"]] == e["cursor"] for page in backward for e in page["edges"]), filter
        for page in backward:
            info = page["pageInfo"]
            assert info["startCursor"] == page["edges"][0]["cursor"], filter
            assert info["endCursor"] == page["edges"][-1]["cursor"], filter
        assert [p["pageInfo"]["hasPreviousPage"] for p in backward] == [True] * (len(backward) - 1) + [False]
        # Stepping back from each forward page's start gives exactly the page before it.
        for before, page in pairwise(forward):
            back = await window(api, filter, sort, last=size, before=page["pageInfo"]["startCursor"])
            assert back["edges"] == before["edges"], filter
            assert back["pageInfo"]["hasPreviousPage"] == (before is not forward[0]), filter
            assert back["pageInfo"]["endCursor"] == before["pageInfo"]["endCursor"], filter


async def test_a_backward_page_sends_as_few_statements_as_a_forward_one(api: Api, knowledge_base: SeedBundle) -> None:
    """A page read from the end is one statement (two with its count), as the first page read from the start is;
    the statements are the backward ones, never a read of everything followed by a cut in Python."""
    forward_names, backward_names = {q.value for q in FORWARD}, {q.value for q in BACKWARD}
    for sort in SORTS:
        for filter in FILTERS:
            variables = {"filter": filter, "sort": sort}
            await window(api, filter, sort, first=1)  # the graph statistics the filter's check reads, read once
            ahead, sent_ahead = await answer_and_statements(api, WINDOW, {**variables, "first": 5})
            back, sent_back = await answer_and_statements(api, WINDOW, {**variables, "last": 5})
            pages = [name for name in sent_ahead if name in forward_names]
            back_pages = [name for name in sent_back if name in backward_names]
            assert len(back_pages) == len(sent_back) == len(sent_ahead) == len(pages) == 1, (filter, sent_back)
            expected = oracle(knowledge_base, filter, sort)
            assert slugs(ahead["exercises"]) == expected[:5] and slugs(back["exercises"]) == expected[-5:]
            counted = WINDOW.replace("pageInfo {", "totalCount pageInfo {")
            _, with_count = await answer_and_statements(api, counted, {**variables, "last": 5})
            assert len(with_count) == 2, with_count
    # Neo4j walks its name index backward for a page in name order with no small source; the embedded engine sorts.
    _, sent = await answer_and_statements(api, WINDOW, {"filter": None, "last": 5})
    walked = Q.EXERCISES_PAGE_BACKWARD if api.store.ordered_index_reads else Q.EXERCISES_PAGE_SORTED_BACKWARD
    assert sent == [walked.value]


async def test_first_last_after_and_before_combine_as_the_relay_spec_says(api: Api, knowledge_base: SeedBundle) -> None:
    f = {"muscles": ["hamstrings"], "categories": ["STRENGTH"]}
    expected = oracle(knowledge_base, f, "NAME")
    assert len(expected) > 14
    cursor = {e["node"]["slug"]: e["cursor"] for e in (await window(api, f, first=100))["edges"]}
    c = [cursor[s] for s in expected]

    def check(page: dict[str, Any], items: list[str], previous: bool, following: bool) -> None:
        assert slugs(page) == items
        assert (page["pageInfo"]["hasPreviousPage"], page["pageInfo"]["hasNextPage"]) == (previous, following)

    # Both counts: the last `last` of the first `first`.
    check(await window(api, f, first=10, last=3), expected[7:10], True, True)
    check(await window(api, f, first=10, last=30), expected[:10], False, True)
    # Both cursors bound the edges; then `first` or `last`.
    check(await window(api, f, after=c[2], before=c[12], first=20), expected[3:12], False, False)
    check(await window(api, f, after=c[2], before=c[12], first=4), expected[3:7], False, True)
    check(await window(api, f, after=c[2], before=c[12], last=4), expected[8:12], True, False)
    check(await window(api, f, after=c[2], before=c[12], last=20), expected[3:12], False, False)
    check(await window(api, f, after=c[2], before=c[3], last=5), [], False, False)
    # `before` with `first` reads forward from the start up to the cursor; `after` with `last` back from the end.
    check(await window(api, f, before=c[5], first=3), expected[:3], False, True)
    check(await window(api, f, after=c[len(c) - 5], last=2), expected[-2:], True, False)
    check(await window(api, f, last=0), [], True, False)
    empty = await window(api, f, last=0)
    assert empty["pageInfo"]["startCursor"] is None and empty["pageInfo"]["endCursor"] is None
    # Neither count: the first 20.
    check(await window(api, f), expected[:20], False, len(expected) > 20)


async def test_bad_page_arguments_are_named(api: Api) -> None:
    cases: list[tuple[dict[str, Any], str]] = [
        ({"last": 101}, "last: between 0 and 100"),
        ({"last": -1}, "last: between 0 and 100"),
        ({"first": 101, "last": 5}, "first: between 0 and 100"),
        ({"last": 5, "before": "not-a-cursor"}, "before: not a cursor this API issued"),
        ({"first": 5, "after": "bm90IGpzb24="}, "after: not a cursor this API issued"),
    ]
    for variables, message in cases:
        error = await api.error(WINDOW, {"filter": None, **variables})
        assert error["extensions"]["code"] == "BAD_USER_INPUT" and error["message"] == message, (variables, error)


@pytest.mark.parametrize(
    ("field", "slug", "arguments"),
    [
        ("muscle", "glutes", "targetOnly: false"),
        ("equipmentItem", "dumbbell", ""),
        ("bodyPart", "legs", ""),
    ],
)
async def test_the_connections_of_a_node_page_backward_too(
    api: Api, knowledge_base: SeedBundle, field: str, slug: str, arguments: str
) -> None:
    query = f"""query($slug: String!, $first: Int, $after: String, $last: Int, $before: String) {{
      {field}(slug: $slug) {{
        exercises(first: $first, after: $after, last: $last, before: $before {", " + arguments if arguments else ""}) {{
          edges {{ cursor node {{ slug }} }} pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }}
        }}
      }}
    }}"""
    key = {"muscle": "muscles", "equipmentItem": "equipment", "bodyPart": "bodyParts"}[field]
    expected = oracle(knowledge_base, {key: [slug]}, "NAME")
    assert len(expected) > 10

    async def page(**variables: Any) -> dict[str, Any]:
        answer: dict[str, Any] = (await api.data(query, {"slug": slug, **variables}))[field]["exercises"]
        return answer

    backward = [await page(last=4)]
    while backward[-1]["pageInfo"]["hasPreviousPage"]:
        backward.append(await page(last=4, before=backward[-1]["pageInfo"]["startCursor"]))
    assert [s for p in reversed(backward) for s in slugs(p)] == expected
    forward = [await page(first=4)]
    while forward[-1]["pageInfo"]["hasNextPage"]:
        forward.append(await page(first=4, after=forward[-1]["pageInfo"]["endCursor"]))
    assert [s for p in forward for s in slugs(p)] == expected
    assert {e["cursor"] for p in forward for e in p["edges"]} == {e["cursor"] for p in backward for e in p["edges"]}


async def test_last_counts_in_the_cost_as_first_does(kb_store: Store, settings: Settings) -> None:
    checks = DocumentChecks()

    def cost(query: str, variables: dict[str, Any]) -> int:
        return checks.measure(schema._schema, query, None, variables).cost

    by_first = "query($n: Int) { exercises(first: $n) { edges { node { slug name } } } }"
    by_last = "query($n: Int) { exercises(last: $n) { edges { node { slug name } } } }"
    both = "query($n: Int, $m: Int) { exercises(first: $n, last: $m) { edges { node { slug name } } } }"
    on_node = '{ muscle(slug: "glutes") { exercises(last: 40) { edges { node { slug } } } } }'
    for n in (1, 20, 40, 100):
        assert cost(by_last, {"n": n}) == cost(by_first, {"n": n})
        assert cost(both, {"n": n, "m": 100}) == cost(both, {"n": 100, "m": n}) == cost(by_first, {"n": n})
    assert cost(by_last, {"n": 40}) > cost(by_last, {"n": 20})
    assert cost(by_last, {}) == cost(by_first, {}) == cost(by_first, {"n": 20})  # neither: the default page
    assert cost(on_node, {}) > cost(on_node.replace("last: 40", "last: 4"), {})
    page = cost(by_last, {"n": 20})
    async with api_for(kb_store, settings.model_copy(update={"max_query_cost": page})) as api:
        assert len((await api.data(by_last, {"n": 20}))["exercises"]["edges"]) == 20
        error = await api.error(by_last, {"n": 21})
    assert error["extensions"]["code"] == "QUERY_TOO_COMPLEX" and error["extensions"]["cost"] > page


async def test_a_backward_read_is_planned_as_its_forward_read_is(kb_store: Store) -> None:
    """Each backward statement has the plan of its forward one, the order aside: on Neo4j the walk reads the name
    index from the cursor down (a range read in descending order), never every exercise then a sort."""
    bounds: dict[str, Any] = {
        "after": None,
        "before": [0, "Goblet Squat", "goblet-squat"],
        "limit": 6,
        "name_ceiling": NAME_CEILING,
    }
    unfiltered = {**dict.fromkeys(FILTER_PARAMS), **bounds, "sort": "NAME"}
    pairs: list[tuple[Q, Q, dict[str, Any]]] = [
        (FORWARD[0], BACKWARD[0], {**unfiltered, "walk": 100}),
        (FORWARD[1], BACKWARD[1], {**unfiltered, "targets": ["glutes"], "sort": "DIFFICULTY"}),
        (FORWARD[2], BACKWARD[2], {**bounds, "walk": 100}),
    ]
    for forward, backward, params in pairs:
        ahead = [line.split(" | ")[0] for line in await kb_store.plan(forward, params)]
        back = [line.split(" | ")[0] for line in await kb_store.plan(backward, params)]
        assert ahead and back == ahead, (backward, back, ahead)
        if kb_store.ordered_index_reads and forward is not FORWARD[1]:
            plan = await kb_store.plan(backward, params)
            assert not [line for line in plan if line.replace(" ", "").lower().startswith("nodebylabelscan")], plan
            assert any("index" in line.lower() for line in plan), plan
