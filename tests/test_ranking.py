"""Alternatives looked up near the source's profile, or among the exercises with its target muscles, must rank
exactly as scoring every candidate does, and the related groups read in name order must equal the walked ones: on
both engines, over a synthetic graph where popular profiles repeat (so the lookups do answer) and rare ones force
the fallback."""

from collections import Counter
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph_service.keys import profile_key
from graph_service.model import SCORE_WEIGHTS, Difficulty
from graph_service.queries import Q
from graph_service.reads.alternatives import (
    AlternativesQuestion,
    other_targets_bound,
    ranked_alternatives,
    unseen_score_bound,
)
from graph_service.reads.plans import FILTER_PARAMS
from graph_service.seeding import write_seed
from graph_service.seeding.synthetic import synthetic_bundle
from graph_service.seeding.writer import clear_graph
from graph_service.statistics import GraphStatistics
from graph_service.store import Store

GRAPH_SIZE = 1500
MUSCLES = [f"m{i}" for i in range(7)]


def overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


@settings(max_examples=300, deadline=None)
@given(
    st.sets(st.sampled_from(MUSCLES), min_size=1, max_size=3),
    st.sets(st.sampled_from(MUSCLES), max_size=4),
    st.sets(st.sampled_from(MUSCLES), min_size=1, max_size=3),
    st.sets(st.sampled_from(MUSCLES), max_size=4),
    st.integers(min_value=0, max_value=2),
)
def test_the_bound_holds_for_every_profile_not_looked_up(
    src_targets: set[str], src_other: set[str], alt_targets: set[str], alt_other: set[str], distance: int
) -> None:
    src_muscles, alt_muscles = src_targets | src_other, alt_targets | alt_other
    looked_up = (
        alt_targets == src_targets and len((alt_muscles - alt_targets) ^ (src_muscles - src_targets)) <= distance
    )
    score = 0.6 * overlap(src_targets, alt_targets) + 0.25 * overlap(src_muscles, alt_muscles)
    if not looked_up:
        assert score <= unseen_score_bound(len(src_targets), len(src_muscles), distance) + 1e-12
    if alt_targets != src_targets:
        assert score <= other_targets_bound(len(src_targets)) + 1e-12


def test_profile_keys_name_the_kind_targets_and_other_muscles() -> None:
    key = profile_key("mobility", ["quadriceps", "glutes"], ["hamstrings", "glutes", "quadriceps", "adductors"])
    assert key == "1| glutes quadriceps| adductors hamstrings"
    assert profile_key("strength", ["glutes"], ["glutes"]) == "0| glutes|"
    assert profile_key("cardio", ["calves"], ["calves"]) != profile_key("strength", ["calves"], ["calves"])


@pytest.fixture
async def synthetic_store(store: Store) -> Store:
    await clear_graph(store)
    await write_seed(store, synthetic_bundle(GRAPH_SIZE, seed=11), batch_size=500)
    return store


async def test_near_lookups_rank_exactly_as_scoring_every_candidate(synthetic_store: Store) -> None:
    bundle = synthetic_bundle(GRAPH_SIZE, seed=11)
    sources = [x.slug for x in bundle.exercises[::37]]
    filters = [(None, None), (["body-weight", "dumbbell", "bench"], None), (None, 0)]
    statements_used: Counter[int] = Counter()
    statistics = GraphStatistics(synthetic_store)
    await statistics.exercise_count()  # known from here on, as in a serving process
    for slug, first, (available, max_rank) in zip(
        sources * 3, [1, 5, 10] * len(sources), filters * len(sources), strict=False
    ):
        difficulty = None if max_rank is None else list(Difficulty)[max_rank]
        question = AlternativesQuestion(slug, first, None if available is None else tuple(available), difficulty)
        params = question.params()
        before = synthetic_store.round_trips
        ranked = await ranked_alternatives(synthetic_store, statistics, question, small_graph=0)
        statements_used[synthetic_store.round_trips - before] += 1
        every = await synthetic_store.read(Q.ALTERNATIVES, params)
        assert [(r["slug"], r["score"]) for r in ranked] == [(r["slug"], r["score"]) for r in every], params
    # Every path (near keys; the same targets; every candidate) must have been taken for the comparison to prove
    # anything.
    assert sorted(statements_used) == [1, 2, 3], statements_used
    # A graph this small is ranked exhaustively unless told otherwise.
    before = synthetic_store.round_trips
    assert await ranked_alternatives(synthetic_store, GraphStatistics(synthetic_store), question) == every
    assert synthetic_store.round_trips - before <= 2


async def test_related_read_in_name_order_equals_related_walked(synthetic_store: Store) -> None:
    bundle = synthetic_bundle(GRAPH_SIZE, seed=11)
    for x in bundle.exercises[::97]:
        walked = await synthetic_store.read(Q.RELATED, {"slug": x.slug, "related_first": 5, "walk_limit": 10**9})
        indexed = await synthetic_store.read(Q.RELATED, {"slug": x.slug, "related_first": 5, "walk_limit": 0})
        assert walked == indexed
        groups = {(r["relation"], r["group_slug"]) for r in walked}
        expected = {("TRAINS", x.body_part)} | {("USES", q) for q in x.equipment} | {("TARGETS", t) for t in x.targets}
        assert groups == expected
        assert all(r["total"] > 0 and r["slug"] is not None for r in walked if r["group_slug"] == x.targets[0])


def flat(alternative: dict[str, Any]) -> dict[str, Any]:
    return {**{k: v for k, v in alternative.items() if k != "exercise"}, **alternative["exercise"]}


async def test_the_page_statement_answers_as_the_statements_it_joins(synthetic_store: Store) -> None:
    bundle = synthetic_bundle(GRAPH_SIZE, seed=11)
    filters = [(None, None), (["body-weight", "dumbbell", "bench"], None), (None, 1)]
    for x, (available, max_rank), walk in zip(bundle.exercises[::53], filters * 20, [0, 30, 10**9] * 20, strict=False):
        params = {
            "slug": x.slug,
            "first": 5,
            "available": available,
            "max_rank": max_rank,
            "weights": SCORE_WEIGHTS.params(),
        }
        page = {**params, "related_first": 4, "walk_limit": walk}
        [row] = await synthetic_store.read(Q.EXERCISE_PAGE, page)
        [near] = await synthetic_store.read(Q.EXERCISE_PAGE_NEAR, page)
        assert [flat(a) for a in row["alternatives"]] == await synthetic_store.read(Q.ALTERNATIVES, params)
        assert [flat(a) for a in near["alternatives"]] == await synthetic_store.read(Q.ALTERNATIVES_NEAR, params)
        related = await synthetic_store.read(Q.RELATED, page)
        assert row["related"] == near["related"]
        group = ("relation", "group_slug", "group_name", "total")
        assert {tuple(g[k] for k in group) for g in row["related"]} == {tuple(r[k] for k in group) for r in related}
        members = sorted((g["group_slug"], e["slug"], e["name"]) for g in row["related"] for e in g["exercises"])
        assert members == sorted((r["group_slug"], r["slug"], r["name"]) for r in related if r["slug"] is not None)
        [exercise] = await synthetic_store.read(Q.EXERCISES_BY_SLUGS, {"slugs": [x.slug]})
        assert {k: row[k] for k in exercise} == exercise
    # A part asked for 0 is not read, and an unknown slug has no page.
    [row] = await synthetic_store.read(Q.EXERCISE_PAGE, {**page, "first": 0, "related_first": 0})
    assert (row["slug"], row["alternatives"], row["related"]) == (x.slug, [], [])
    assert await synthetic_store.read(Q.EXERCISE_PAGE, {**page, "slug": "no-such-exercise"}) == []


def scans_every_exercise(operator: str) -> bool:
    """A plan line (Store.plan) that reads every exercise node, or every node, rather than following edges or
    seeking an index."""
    name, _, reads = operator.partition(" | ")
    name = name.replace(" ", "").lower()
    return name.startswith("allnode") or (name.startswith("nodebylabelscan") and ":Exercise" in reads)


async def test_statements_about_one_exercise_never_scan_every_exercise(synthetic_store: Store) -> None:
    slug = synthetic_bundle(GRAPH_SIZE, seed=11).exercises[0].slug
    alternative = {"slug": slug, "first": 5, "available": None, "max_rank": None, "weights": SCORE_WEIGHTS.params()}
    statements: list[tuple[Q, dict[str, Any]]] = [
        (Q.EXERCISES_BY_SLUGS, {"slugs": [slug]}),
        (Q.EXERCISE_LINKS, {"slugs": [slug]}),
        (Q.ALTERNATIVES, alternative),
        (Q.ALTERNATIVES_NEAR, alternative),
        (Q.ALTERNATIVES_SAME_TARGETS, alternative),
        (Q.RELATED, {"slug": slug, "related_first": 5, "walk_limit": 40}),
        (Q.EXERCISE_PAGE, {**alternative, "related_first": 5, "walk_limit": 40}),
        (Q.EXERCISE_PAGE_NEAR, {**alternative, "related_first": 5, "walk_limit": 40}),
        (Q.SEARCH, {"query": "press", "limit": 30}),
    ]
    for name, params in statements:
        plan = await synthetic_store.plan(name, params)
        assert plan, name
        assert not [line for line in plan if scans_every_exercise(line)], (name, plan)
    # The check itself recognises a scan when a plan has one.
    listing = await synthetic_store.plan(Q.EXERCISES_COUNT, dict.fromkeys(FILTER_PARAMS))
    assert [line for line in listing if scans_every_exercise(line)], listing
