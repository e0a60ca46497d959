"""Filtered, sorted and paginated exercise lists on both engines, checked against the seed files."""

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from api_client import Api, api_for
from pages import FILTERS_BY_SOURCE, PAGE, all_pages, answer_and_statements, matches

from graph_service.config import Settings
from graph_service.queries import Q
from graph_service.reads.plans import FILTER_PARAMS, name_walk_pays, walk_bound
from graph_service.seeding import SeedBundle
from graph_service.statistics import GraphStatistics
from graph_service.store import Store


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
        cases: list[tuple[dict[str, Any], list[Q]]] = [
            ({"targets": [rare]}, [sort]),
            ({"targets": [rare], "text": "no such word"}, [sort]),
            ({"targets": [common]}, [walk]),
            ({"targets": [bounded], "text": "no such word"}, [walk, sort]),  # the walk met its bound
            ({"targets": [common], "text": "no such word"}, [walk]),  # unbounded: it read the whole index
        ]
        for filter, first_page_reads in cases:
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
    unfiltered = {**dict.fromkeys(FILTER_PARAMS), "sort": "NAME", "after": None, "before": None, "limit": 10, "walk": 3}
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
