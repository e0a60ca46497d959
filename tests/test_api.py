"""The GraphQL API over HTTP on both engines, checked against facts of the bundled knowledge base."""

from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from api_client import Api, api_for

from graph_service.api import read_ahead
from graph_service.config import Settings
from graph_service.queries import Q
from graph_service.reads import plans
from graph_service.reads.plans import FILTER_PARAMS, name_walk_pays, walk_bound
from graph_service.seeding import SeedBundle
from graph_service.statistics import GraphStatistics
from graph_service.store import Store

PAGE = """
query Page($filter: ExerciseFilter, $first: Int!, $after: String, $sort: ExerciseSort! = NAME) {
  exercises(filter: $filter, first: $first, after: $after, sort: $sort) {
    edges { cursor node { slug name difficulty targets { slug } secondaryMuscles { slug } equipment { slug } } }
    pageInfo { hasNextPage endCursor }
  }
}
"""


@pytest_asyncio.fixture
async def api(kb_store: Store, settings: Settings) -> AsyncIterator[Api]:
    async with api_for(kb_store, settings) as client:
        yield client


async def all_pages(
    api: Api, filter: dict[str, Any] | None, first: int = 37, sort: str = "NAME"
) -> list[dict[str, Any]]:
    nodes: list[dict[str, Any]] = []
    after = None
    while True:
        page = (await api.data(PAGE, {"filter": filter, "first": first, "after": after, "sort": sort}))["exercises"]
        nodes += [e["node"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            return nodes
        after = page["pageInfo"]["endCursor"]


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
    assert x["equipment"] == [{"slug": "barbell", "name": "Barbell"}]
    assert x["bodyPart"] == {"slug": "legs", "name": "Legs"}
    assert x["instructions"] == seed.instructions and len(x["instructions"]) == 5
    assert len(x["tips"]) == 3 and len(x["mistakes"]) == 3
    assert x["variationOf"] == {"slug": seed.variation_of}
    kinds = {(g["kind"], g["slug"]) for g in x["related"]}
    assert kinds == {("BODY_PART", "legs"), ("EQUIPMENT", "barbell"), ("TARGET_MUSCLE", "glutes")}
    for group in x["related"]:
        assert 0 < len(group["exercises"]) <= 3 <= group["total"] or len(group["exercises"]) == group["total"]
        assert "barbell-hip-thrust" not in [e["slug"] for e in group["exercises"]]


async def test_unknown_exercise_is_null(api: Api) -> None:
    assert (await api.data('{ exercise(slug: "no-such-move") { name } }')) == {"exercise": None}


async def test_pages_walk_every_exercise_once(api: Api, knowledge_base: SeedBundle) -> None:
    nodes = await all_pages(api, None)
    assert [n["slug"] for n in nodes] == [
        e.slug for e in sorted(knowledge_base.exercises, key=lambda e: (e.name, e.slug))
    ]
    by_difficulty = await all_pages(api, None, first=100, sort="DIFFICULTY_DESC")
    ranks = [["BEGINNER", "INTERMEDIATE", "ADVANCED"].index(n["difficulty"]) for n in by_difficulty]
    assert ranks == sorted(ranks, reverse=True) and len(by_difficulty) == len(knowledge_base.exercises)


async def test_filters_combine_or_within_and_across(api: Api, knowledge_base: SeedBundle) -> None:
    f = {"muscles": ["glutes", "hamstrings"], "difficulties": ["BEGINNER"], "availableEquipment": ["body-weight"]}
    nodes = await all_pages(api, f)
    expected = sorted(
        e.slug
        for e in knowledge_base.exercises
        if {"glutes", "hamstrings"} & {*e.targets, *e.secondary}
        and e.difficulty == "beginner"
        and set(e.equipment) <= {"body-weight"}
    )
    assert sorted(n["slug"] for n in nodes) == expected and expected
    total = await api.data("query($f: ExerciseFilter) { exercises(filter: $f, first: 1) { totalCount } }", {"f": f})
    assert total["exercises"]["totalCount"] == len(expected)


FILTERS_BY_SOURCE = [
    # Each names a different first source the matching exercises are read from (cypher/_matching_exercises.cypher).
    {"targets": ["glutes", "quadriceps"], "difficulties": ["BEGINNER", "INTERMEDIATE"]},
    {"muscles": ["hamstrings"], "categories": ["STRENGTH"]},
    {"equipment": ["dumbbell", "kettlebell"], "availableEquipment": ["dumbbell", "kettlebell", "bench"]},
    {"bodyParts": ["legs", "back"], "forces": ["PULL"]},
    {"text": "press"},
]


def matches(e: Any, f: dict[str, Any]) -> bool:
    worked = {*e.targets, *e.secondary}
    return (
        (not f.get("targets") or bool(set(f["targets"]) & set(e.targets)))
        and (not f.get("muscles") or bool(set(f["muscles"]) & worked))
        and (not f.get("equipment") or bool(set(f["equipment"]) & set(e.equipment)))
        and (
            not f.get("availableEquipment") or (bool(e.equipment) and set(e.equipment) <= set(f["availableEquipment"]))
        )
        and (not f.get("bodyParts") or e.body_part in f["bodyParts"])
        and (not f.get("difficulties") or e.difficulty.upper() in f["difficulties"])
        and (not f.get("categories") or e.category.upper() in f["categories"])
        and (not f.get("forces") or (e.force is not None and e.force.upper() in f["forces"]))
        and (not f.get("text") or f["text"] in " ".join([e.name, *e.aliases]).lower())
    )


async def test_every_filter_source_pages_in_both_orders(api: Api, knowledge_base: SeedBundle) -> None:
    for f in FILTERS_BY_SOURCE:
        expected = sorted((e.name, e.slug) for e in knowledge_base.exercises if matches(e, f))
        assert expected, f
        by_name = await all_pages(api, f, first=7)
        assert [n["slug"] for n in by_name] == [slug for _, slug in expected], f
        by_difficulty = await all_pages(api, f, first=7, sort="DIFFICULTY")
        assert sorted(n["slug"] for n in by_difficulty) == sorted(slug for _, slug in expected), f
        ranks = [["BEGINNER", "INTERMEDIATE", "ADVANCED"].index(n["difficulty"]) for n in by_difficulty]
        assert ranks == sorted(ranks), f
        total = await api.data("query($f: ExerciseFilter) { exercises(filter: $f, first: 0) { totalCount } }", {"f": f})
        assert total["exercises"]["totalCount"] == len(expected), f


async def test_a_name_ordered_page_walks_the_name_index_only_while_that_pays(
    api: Api, kb_store: Store, knowledge_base: SeedBundle
) -> None:
    """Neo4j reads a page in name order from its name index unless the filter's source is small (a rare muscle),
    and a walk that meets its bound before the page is full (a filter matching few of its source, or none) is
    followed by a read of the source. Every plan gives the same pages."""
    targeted = Counter(t for e in knowledge_base.exercises for t in e.targets)
    worked = Counter(m for e in knowledge_base.exercises for m in {*e.targets, *e.secondary})
    sizes = await GraphStatistics(kb_store).source_sizes()
    assert {slug: n for (field, slug), n in sizes.items() if field == "targets" and n} == dict(targeted)
    assert {slug: n for (field, slug), n in sizes.items() if field == "muscles" and n} == dict(worked)
    rare = min(targeted, key=lambda m: (targeted[m], m))
    common = max(targeted, key=lambda m: (targeted[m], m))
    total, first = len(knowledge_base.exercises), 2
    assert not name_walk_pays(source=targeted[rare], limit=first + 1, total=total)
    assert name_walk_pays(source=targeted[common], limit=first + 1, total=total)
    # A source the walk pays for, small enough for the walk to be bounded (its worst case beats the whole index).
    bounded = min(
        (m for m in targeted if name_walk_pays(source=targeted[m], limit=first + 1, total=total)),
        key=lambda m: (targeted[m], m),
    )
    assert 3 * walk_bound(targeted[bounded]) < total
    walk, sort = Q.EXERCISES_PAGE, Q.EXERCISES_PAGE_SORTED
    with kb_store.recording() as sent:
        for filter, first_page_reads in [
            ({"targets": [rare]}, [sort]),
            ({"targets": [rare], "text": "no such word"}, [sort]),
            ({"targets": [common]}, [walk]),
            ({"targets": [bounded], "text": "no such word"}, [walk, sort]),  # the walk met its bound
            ({"targets": [common], "text": "no such word"}, [walk]),  # unbounded: it read the whole index
        ]:
            expected = [
                slug for _, slug in sorted((e.name, e.slug) for e in knowledge_base.exercises if matches(e, filter))
            ]
            sent.clear()
            page = (await api.data(PAGE, {"filter": filter, "first": first}))["exercises"]
            assert [e["node"]["slug"] for e in page["edges"]] == expected[:first], filter
            pages = [Q(n) for n in sent if n in (walk, sort)]
            assert pages == (first_page_reads if kb_store.ordered_index_reads else [sort]), filter
            sent.clear()
            assert [n["slug"] for n in await all_pages(api, filter, first=first)] == expected, filter
            if filter == {"targets": [common]} and kb_store.ordered_index_reads:
                assert sort not in sent  # every walk, the last page's too, ended with its page or the index
    # The walk reads no more index entries than its bound, matching or not.
    unfiltered = {**dict.fromkeys(FILTER_PARAMS), "sort": "NAME", "after": None, "limit": 10, "walk": 3}
    by_name = sorted(knowledge_base.exercises, key=lambda e: (e.name, e.slug))
    assert [r["slug"] for r in await kb_store.read(walk, unfiltered)] == [e.slug for e in by_name[:3]]


async def test_unfiltered_total_counts_every_exercise(api: Api, knowledge_base: SeedBundle) -> None:
    data = await api.data("{ exercises(first: 1) { totalCount } }")
    assert data["exercises"]["totalCount"] == len(knowledge_base.exercises)


async def test_bodyweight_only_and_equipment_any(api: Api, knowledge_base: SeedBundle) -> None:
    nodes = await all_pages(api, {"availableEquipment": ["body-weight"], "targets": ["pectorals"]})
    assert nodes and all([q["slug"] for q in n["equipment"]] == ["body-weight"] for n in nodes)
    uses = await all_pages(api, {"equipment": ["kettlebell", "ez-bar"]})
    expected = {e.slug for e in knowledge_base.exercises if {"kettlebell", "ez-bar"} & set(e.equipment)}
    assert {n["slug"] for n in uses} == expected


async def test_text_filter_matches_names_and_aliases(api: Api) -> None:
    nodes = await all_pages(api, {"text": "HIP THRUST"})
    assert "barbell-hip-thrust" in [n["slug"] for n in nodes]
    assert all("hip thrust" in n["name"].lower() or n["slug"] for n in nodes)


async def test_unknown_filter_values_are_named(api: Api) -> None:
    err = await api.error(
        '{ exercises(filter: {targets: ["glutes", "wings-of-fire"], equipment: ["laser"]}) '
        "{ edges { node { slug } } } }"
    )
    assert err["extensions"]["code"] == "BAD_USER_INPUT"
    assert "wings-of-fire" in err["message"] and "laser" in err["message"] and "glutes" not in err["message"]


async def test_a_muscle_added_after_the_known_slugs_were_read_is_not_called_unknown(api: Api) -> None:
    query = "query($t: [String!]) { exercises(filter: {targets: $t}) { edges { node { slug } } totalCount } }"
    assert (await api.data(query, {"t": ["glutes"]}))["exercises"]["totalCount"] > 0  # the known slugs are read
    await api.store.run_text(
        "CREATE (:Muscle {slug: 'serratus-posterior', name: 'Serratus Posterior'})", {}, write=True
    )
    try:
        data = await api.data(query, {"t": ["serratus-posterior"]})
        assert data["exercises"] == {"edges": [], "totalCount": 0}
        err = await api.error(query, {"t": ["serratus-imaginarius"]})
        assert "serratus-imaginarius" in err["message"]
    finally:
        await api.store.run_text("MATCH (m:Muscle {slug: 'serratus-posterior'}) DETACH DELETE m", {}, write=True)


async def test_a_page_and_its_total_are_read_together(api: Api, knowledge_base: SeedBundle) -> None:
    query = """query($t: [String!]) { exercises(filter: {targets: $t}, first: 2) { edges { node { slug } } ...Total } }
      fragment Total on ExerciseConnection { totalCount }"""
    await api.data(query, {"t": ["glutes"]})  # the known slugs are read
    before = api.store.round_trips
    in_flight, most_in_flight = 0, 0
    read = api.store.read

    async def counted_read(*args: Any, **kwargs: Any) -> Any:
        nonlocal in_flight, most_in_flight
        in_flight += 1
        most_in_flight = max(most_in_flight, in_flight)
        try:
            return await read(*args, **kwargs)
        finally:
            in_flight -= 1

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(api.store, "read", counted_read)
        data = await api.data(query, {"t": ["glutes"]})
    assert most_in_flight == 2  # the count went out beside the page, not after it
    assert data["exercises"]["totalCount"] == sum("glutes" in e.targets for e in knowledge_base.exercises)
    assert len(data["exercises"]["edges"]) == 2
    assert api.store.round_trips - before == 2  # the page and the count: nothing else once the slugs are known


async def test_alternatives_of_the_hip_thrust(api: Api, knowledge_base: SeedBundle) -> None:
    data = await api.data("""{
      alternatives(slug: "barbell-hip-thrust", first: 15) {
        score sameFamily reason sharedTargets { slug } sharedSecondary { slug } exercise { slug }
      }
    }""")
    alts = data["alternatives"]
    slugs = [a["exercise"]["slug"] for a in alts]
    assert "glute-bridge" in slugs and "barbell-hip-thrust" not in slugs
    scores = [a["score"] for a in alts]
    assert scores == sorted(scores, reverse=True) and all(0 < s <= 1 for s in scores)
    assert alts[0]["sharedTargets"] == [{"slug": "glutes"}]
    assert all(a["reason"].endswith(".") and len(a["reason"]) > 10 for a in alts)
    bridge = next(a for a in alts if a["exercise"]["slug"] == "glute-bridge")
    assert bridge["sameFamily"] is True and "variation" in bridge["reason"]


async def test_alternatives_limited_to_what_i_have(api: Api, knowledge_base: SeedBundle) -> None:
    data = await api.data("""{
      exercise(slug: "barbell-hip-thrust") {
        alternatives(first: 20, availableEquipment: ["body-weight"], maxDifficulty: BEGINNER) {
          exercise { slug difficulty equipment { slug } }
        }
      }
    }""")
    alts = data["exercise"]["alternatives"]
    assert alts
    for a in alts:
        assert [q["slug"] for q in a["exercise"]["equipment"]] == ["body-weight"]
        assert a["exercise"]["difficulty"] == "BEGINNER"


async def test_alternatives_of_an_unknown_exercise(api: Api) -> None:
    err = await api.error('{ alternatives(slug: "no-such-move") { score } }')
    assert err["extensions"]["code"] == "NOT_FOUND" and "no-such-move" in err["message"]


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


async def test_taxonomy_lists_with_counts(api: Api, knowledge_base: SeedBundle) -> None:
    data = await api.data("""{
      muscles { slug targetCount exerciseCount bodyPart { slug } }
      equipment { slug exerciseCount }
      bodyParts { slug exerciseCount muscles { slug } }
      muscle(slug: "glutes") { name exercises(first: 5) { edges { node { targets { slug } } } totalCount } }
    }""")
    targets = Counter(t for e in knowledge_base.exercises for t in e.targets)
    assert {m["slug"]: m["targetCount"] for m in data["muscles"]} == {
        m.slug: targets[m.slug] for m in knowledge_base.muscles
    }
    uses = Counter(q for e in knowledge_base.exercises for q in e.equipment)
    assert {q["slug"]: q["exerciseCount"] for q in data["equipment"]} == {
        q.slug: uses[q.slug] for q in knowledge_base.equipment
    }
    parts = Counter(e.body_part for e in knowledge_base.exercises)
    assert {b["slug"]: b["exerciseCount"] for b in data["bodyParts"]} == {
        b.slug: parts[b.slug] for b in knowledge_base.body_parts
    }
    legs = next(b for b in data["bodyParts"] if b["slug"] == "legs")
    assert {"glutes", "quadriceps", "hamstrings"} <= {m["slug"] for m in legs["muscles"]}
    glutes = data["muscle"]
    assert glutes["exercises"]["totalCount"] == targets["glutes"]
    assert all({"slug": "glutes"} in e["node"]["targets"] for e in glutes["exercises"]["edges"])


async def test_facets_count_the_matching_exercises(api: Api, knowledge_base: SeedBundle) -> None:
    query = """{ facets(filter: {bodyParts: ["legs"]}) {
      bodyParts { value name count } muscles { value name count } equipment { value name count }
      difficulties { value count } categories { value count } } }"""
    await api.data(query)
    before = api.store.round_trips
    data = await api.data(query)
    assert api.store.round_trips - before == 1  # counts and names in one statement once the slugs are known
    legs = [e for e in knowledge_base.exercises if e.body_part == "legs"]
    names = {x.slug: x.name for x in [*knowledge_base.muscles, *knowledge_base.equipment, *knowledge_base.body_parts]}
    f = data["facets"]
    assert f["bodyParts"] == [{"value": "legs", "name": names["legs"], "count": len(legs)}]
    assert {m["value"]: m["count"] for m in f["muscles"]} == Counter(t for e in legs for t in e.targets)
    assert {q["value"]: q["count"] for q in f["equipment"]} == Counter(q for e in legs for q in e.equipment)
    assert all(x["name"] == names[x["value"]] for x in f["muscles"] + f["equipment"])
    assert {d["value"]: d["count"] for d in f["difficulties"]} == Counter(e.difficulty.name for e in legs)
    assert sum(c["count"] for c in f["categories"]) == len(legs)
    counts = [m["count"] for m in f["muscles"]]
    assert counts == sorted(counts, reverse=True)


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


async def test_limits_and_bad_input(api: Api) -> None:
    err = await api.error("{ exercises(first: 101) { edges { cursor } } }")
    assert err["extensions"]["code"] == "BAD_USER_INPUT"
    err = await api.error('{ exercises(after: "not-a-cursor") { edges { cursor } } }')
    assert err["extensions"]["code"] == "BAD_USER_INPUT" and "cursor" in err["message"]
    err = await api.error("query($t: String!) { search(text: $t) { score } }", {"t": "x" * 500})
    assert err["extensions"]["code"] == "BAD_USER_INPUT"
    deep = (
        '{ exercise(slug: "push-up") { variations { variations { variations { variations { variations { '
        "variations { variations { variations { variations { variations { slug } } } } } } } } } } } }"
    )
    err = await api.error(deep)
    assert "depth" in err["message"]
    aliases = "{ " + " ".join(f'a{i}: exercise(slug: "push-up") {{ name }}' for i in range(40)) + " }"
    err = await api.error(aliases)
    assert "alias" in err["message"].lower()


async def test_health_and_readiness(api: Api) -> None:
    assert (await api.client.get("/healthz")).json() == {"status": "ok"}
    ready = await api.client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["status"] == "ready"


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


async def test_unknown_equipment_never_counts_as_available(store: Store, settings: Settings, mini_seed: Path) -> None:
    from graph_service.seeding import load_seed, write_seed

    await write_seed(store, load_seed(mini_seed), batch_size=100)
    await store.run_text(  # an imported exercise whose equipment the source left unnamed
        "MATCH (m:Muscle {slug: 'glutes'}) CREATE (e:Exercise {slug: 'mystery-hinge', name: 'Mystery Hinge', "
        "difficulty: 'beginner', difficulty_rank: 0, category: 'strength', target_slugs: ['glutes'], "
        "muscle_slugs: ['glutes'], equipment_slugs: [], body_part_slugs: [], family: 'mystery-hinge'})-[:TARGETS]->(m)",
        {},
        write=True,
    )
    async with api_for(store, settings) as api:
        page = await all_pages(api, {"availableEquipment": ["body-weight"], "targets": ["glutes"]})
        alts = await api.data(
            '{ alternatives(slug: "glute-bridge", availableEquipment: ["body-weight"]) { exercise { slug } } }'
        )
        everything = await all_pages(api, {"targets": ["glutes"]})
    assert "mystery-hinge" in [n["slug"] for n in everything]
    assert "mystery-hinge" not in [n["slug"] for n in page]
    assert "mystery-hinge" not in [a["exercise"]["slug"] for a in alts["alternatives"]]


PAGE_PARTS = """
  alternatives(first: 5, availableEquipment: $available) { score sameFamily exercise { slug name difficulty } }
  related(first: 4) { kind slug name total exercises { slug name category } }
"""
READ_AHEAD = "query($s: String!, $available: [String!]) { exercise(slug: $s) { slug name targets { slug } %s } }"
FIELD_BY_FIELD = READ_AHEAD % f"... @include(if: true) {{{PAGE_PARTS}}}"
READ_AHEAD %= PAGE_PARTS


async def answer_and_statements(api: Api, query: str, variables: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    with api.store.recording() as names:
        return await api.data(query, variables), list(names)


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


async def test_a_count_of_one_muscle_equipment_or_body_part_counts_its_edges(
    api: Api, knowledge_base: SeedBundle
) -> None:
    query = """query($f: ExerciseFilter) { exercises(filter: $f, first: 1) { totalCount } }"""
    exercises = knowledge_base.exercises
    cases = (
        [("targets", m.slug, sum(m.slug in x.targets for x in exercises)) for m in knowledge_base.muscles]
        + [("equipment", q.slug, sum(q.slug in x.equipment for x in exercises)) for q in knowledge_base.equipment]
        + [("bodyParts", b.slug, sum(b.slug == x.body_part for x in exercises)) for b in knowledge_base.body_parts]
    )
    assert any(expected > 5 for *_, expected in cases)
    # A muscle no exercise works yet counts 0.
    await api.store.run_text(
        "CREATE (:Muscle {slug: 'serratus-posterior', name: 'Serratus Posterior'})", {}, write=True
    )
    cases.append(("targets", "serratus-posterior", 0))
    try:
        for field, slug, expected in cases:
            data, statements = await answer_and_statements(api, query, {"f": {field: [slug]}})
            assert data["exercises"]["totalCount"] == expected, (field, slug)
            assert "exercises_count_one" in statements, statements
    finally:
        await api.store.run_text("MATCH (m:Muscle {slug: 'serratus-posterior'}) DETACH DELETE m", {}, write=True)
    # Anything more than one slug alone is counted exercise by exercise.
    for f in ({"targets": ["glutes", "hamstrings"]}, {"targets": ["glutes"], "difficulties": ["BEGINNER"]}):
        data, statements = await answer_and_statements(api, query, {"f": f})
        assert "exercises_count" in statements and "exercises_count_one" not in statements, statements
        glutes = [x for x in exercises if "glutes" in x.targets]
        expected = (
            sum("glutes" in x.targets or "hamstrings" in x.targets for x in exercises)
            if "difficulties" not in f
            else sum(x.difficulty == "beginner" for x in glutes)
        )
        assert data["exercises"]["totalCount"] == expected, f


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
