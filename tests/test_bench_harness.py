"""The benchmark harness's own logic: synthetic graphs, request variation, floor plans, wrk output, reports."""

import asyncio
import copy
import json
import shutil
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from benchmarks import plan_checks, report
from benchmarks.floor import _waves, body_key, record_plans
from benchmarks.loadgen import run_load
from benchmarks.workloads import NAMES, PLANNING, load_workloads, sample_slugs, write_bodies
from graph_service.api.context import Context
from graph_service.api.schema import schema
from graph_service.config import Settings
from graph_service.queries import Q
from graph_service.seeding import SeedBundle
from graph_service.seeding.loader import cross_reference_problems
from graph_service.seeding.models import ExerciseEntry
from graph_service.seeding.synthetic import synthetic_bundle
from graph_service.statistics import GraphStatistics
from graph_service.store import Store


@pytest.fixture(scope="module")
def bundle() -> SeedBundle:
    return synthetic_bundle(3000, seed=7)


def test_synthetic_graph_is_valid_seed_data(bundle: SeedBundle) -> None:
    assert len(bundle.exercises) == 3000
    assert cross_reference_problems(bundle) == []
    for x in bundle.exercises[::50]:  # built without validation for speed; the full model accepts them
        assert ExerciseEntry.model_validate(x.model_dump()) == x


def test_synthetic_graph_has_the_described_shape(bundle: SeedBundle) -> None:
    body_part_of = {m.slug: m.body_part for m in bundle.muscles}
    xs = bundle.exercises
    assert {len(x.targets) for x in xs} == {1, 2}
    assert {len(x.secondary) for x in xs} == {0, 1, 2, 3, 4}
    assert {len(x.equipment) for x in xs} == {1, 2}
    assert all(x.body_part == body_part_of[x.targets[0]] for x in xs)
    families = Counter(x.variation_of or x.slug for x in xs)
    assert set(families.values()) <= {1, 2, 3, 4, 5, 6}
    assert list(families.values()).count(1) <= 1  # only the last family may be cut short
    firsts = Counter(x.targets[0] for x in xs).most_common()
    assert [m for m, _ in firsts[:2]] == ["glutes", "quadriceps"]
    assert firsts[0][1] > 10 * firsts[-1][1]  # skewed, as real data is


def test_synthetic_graph_is_deterministic_and_seed_dependent() -> None:
    assert synthetic_bundle(500, seed=3) == synthetic_bundle(500, seed=3)
    assert synthetic_bundle(500, seed=3).exercises != synthetic_bundle(500, seed=4).exercises


def test_workload_bodies_rotate_over_the_graph(bundle: SeedBundle, tmp_path: Path) -> None:
    workloads = {w.name: w for w in load_workloads()}
    assert set(workloads) == set(NAMES)
    slugs = sample_slugs(bundle)
    assert len(set(slugs)) == 64
    page = workloads["exercise_page"].bodies(bundle)
    assert [b["variables"]["slug"] for b in page] == slugs
    lines = write_bodies(tmp_path / "b.jsonl", page).read_text().splitlines()
    assert [json.loads(line) for line in lines] == page
    assert lines[0] == body_key(page[0])


def test_planning_workloads_vary_over_the_graph(bundle: SeedBundle) -> None:
    workloads = {w.name: w for w in load_workloads(list(PLANNING))}
    slugs = {x.slug for x in bundle.exercises}
    plans = [b["variables"]["plan"] for b in workloads["plan_coverage"].bodies(bundle)]
    assert len(plans) == 16 and all(len(p) == 12 for p in plans)
    assert len({i["slug"] for p in plans for i in p}) == 16 * 12 and {i["slug"] for p in plans for i in p} <= slugs
    assert {i["sets"] for p in plans for i in p} == {2, 3, 4, 5}
    sessions = [b["variables"] for b in workloads["build_session"].bodies(bundle)]
    assert len({json.dumps(v, sort_keys=True) for v in sessions}) == len(sessions) == 12
    assert all(2 <= len(v["muscles"]) <= 3 and v["size"] == 6 for v in sessions)


async def test_planning_answers_are_checked_against_the_raw_graph(kb_store: Store, knowledge_base: SeedBundle) -> None:
    """The checks that stand in for the peer's comparison: the service's answers pass them, altered ones fail."""
    store, bundle = kb_store, knowledge_base
    statistics = GraphStatistics(store)

    async def read(statement: str, params: dict[str, object]) -> list[dict[str, object]]:
        return await store._run(statement, params, write=False)

    graph = await plan_checks.RawGraph.load(read)
    answered: dict[str, list[dict[str, Any]]] = {}
    for workload in load_workloads(list(PLANNING)):
        bodies = workload.bodies(bundle)
        answers = answered[workload.name] = []
        for body in bodies:
            context = Context(store=store, statistics=statistics, settings=Settings())
            result = await schema.execute(body["query"], variable_values=body["variables"], context_value=context)
            assert not result.errors, result.errors
            answers.append({"data": result.data})
        assert await plan_checks.against_graph(workload.name, graph, bodies, answers) == ""
        assert plan_checks.against_reference(bodies, answers, copy.deepcopy(answers)) == ""
        wrong = copy.deepcopy(answers)
        data = wrong[-1]["data"]
        coverage = data["planCoverage"] if workload.name == "plan_coverage" else data["buildSession"]["coverage"]
        coverage["muscles"][0]["weightedSets"] += 0.5
        problem = await plan_checks.against_graph(workload.name, graph, bodies, wrong)
        assert problem.startswith(f"request {len(bodies)} of {len(bodies)}: ") and "muscles" in problem
        assert plan_checks.against_reference(bodies, answers, wrong) != ""
    sessions = load_workloads(["build_session"])[0].bodies(bundle)
    first = copy.deepcopy(answered["build_session"][0])
    items = first["data"]["buildSession"]["items"]
    asked = set(sessions[0]["variables"]["muscles"])
    items[1]["exercise"]["slug"] = next(x.slug for x in bundle.exercises if not asked & {*x.targets, *x.secondary})
    problem = await plan_checks.against_graph("build_session", graph, sessions[:1], [first])
    assert "works none of" in problem


def test_floor_waves_follow_what_ran_concurrently() -> None:
    a, b, c, d = ({"cypher": name} for name in "abcd")
    # a alone; then b and c together (both started before either ended); then d after c returned
    calls = [(0.0, 1.0, a), (1.1, 2.0, b), (1.2, 1.8, c), (2.1, 3.0, d)]
    assert _waves(calls) == [[a], [b, c], [d]]
    assert _waves([]) == []


def test_targets_report_misses_with_their_figures() -> None:
    load = [
        {"size": s, "contender": who, "workload": w, "concurrency": c, "rps": rps, "requests": int(rps * 8),
         "p50_ms": p50, "p99_ms": 2 * p50, "errors": 0}
        for s, who, w, c, rps, p50 in [
            (1000, "service (Neo4j)", "exercise_page", 1, 300.0, 4.0),
            (1000, "peer (Neo4j)", "exercise_page", 1, 100.0, 9.0),
            (1000, "raw driver (Neo4j)", "exercise_page", 1, 400.0, 2.0),
            (1000, "service (Neo4j)", "alternatives", 1, 300.0, 3.0),
            (100000, "service (Neo4j)", "alternatives", 1, 30.0, 12.0),
            (1000, "service (Neo4j)", "build_session", 1, 100.0, 10.0),
            (100000, "service (Neo4j)", "build_session", 1, 25.0, 40.0),
            (100000, "raw driver (Neo4j)", "build_session", 1, 30.0, 35.0),
            (1000, "service (Neo4j)", "plan_coverage", 1, 100.0, 8.0),
            (100000, "service (Neo4j)", "plan_coverage", 1, 80.0, 12.0),
        ]
    ]  # fmt: skip
    results = {
        "config": {"sizes": [1000, 100000], "concurrencies": [1]},
        "peer": {"available": True, "reason": ""},
        "load": load,
        "seeding": [{"engine": "neo4j", "size": 100000, "run": "first", "seconds": 12.5, "slowest": "x 1.0"}],
        "cold_start": [{"case": "already seeded", "seconds": 1.5}],
    }
    verdicts = {t[0]: (t[1], t[2]) for t in report.targets(results)}
    assert verdicts["exercise page throughput ≥ 1.5x the peer's at every concurrency"] == (
        "lowest 3.00x (1k, c1)",
        "met",
    )
    assert verdicts["exercise page p50 at c1 ≤ 1.3x the raw driver's"] == ("highest 2.00x (1k)", "**missed**")
    assert verdicts["alternatives p50 at 100k on Neo4j ≤ 10 ms"] == ("12.00 ms", "**missed**")
    assert verdicts["alternatives p50 100k/1k < 3"] == ("4.00", "**missed**")
    assert verdicts["build_session p50 at 100k on Neo4j ≤ 30 ms"] == ("40.00 ms", "**missed**")
    assert verdicts["build_session p50 100k/1k < 3"] == ("4.00", "**missed**")
    assert verdicts["plan_coverage p50 at 100k on Neo4j ≤ 15 ms"] == ("12.00 ms", "met")
    assert verdicts["plan_coverage p50 100k/1k < 3"] == ("1.50", "met")
    assert verdicts["seeding 100k exercises into Neo4j ≤ 20 s"] == ("12.5 s", "met")
    assert verdicts["embedded cold start ≤ 5 s (already seeded)"] == ("1.50 s", "met")


def _paced_app() -> Starlette:
    """Answers each POST after the delay (ms) its JSON body names."""

    async def answer(request: Request) -> JSONResponse:
        await asyncio.sleep((await request.json())["delay_ms"] / 1000)
        return JSONResponse({"data": {}})

    return Starlette(routes=[Route("/", answer, methods=["POST"])])


@pytest.mark.skipif(shutil.which("wrk") is None, reason="the load generator wrk is not installed")
def test_load_percentiles_are_those_of_the_measured_requests(tmp_path: Path) -> None:
    # Three fast requests for every two slow ones: the median request is a fast one, the 99th percentile a slow one.
    # wrk's coordinated-omission samples (one mean interval shorter than each slow request) outnumber the fast
    # requests, so its own median is far slower than any fast request.
    bodies = tmp_path / "bodies.txt"
    bodies.write_text("".join(json.dumps({"delay_ms": ms}) + "\n" for ms in (5, 5, 5, 400, 400)))
    server = uvicorn.Server(uvicorn.Config(_paced_app(), host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        while not server.started:
            time.sleep(0.05)
        port = server.servers[0].sockets[0].getsockname()[1]
        result = run_load(f"http://127.0.0.1:{port}/", bodies, concurrency=2, seconds=3, warmup=0)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    assert result.errors == 0 and result.requests >= 20
    assert 5 <= result.p50_ms < 50
    assert 400 <= result.p99_ms < 600
    assert 120 < result.mean_ms < 250
    assert result.co_p50_ms > 100


async def test_recorded_plans_hold_what_a_warm_service_sends(kb_store: Store, knowledge_base: SeedBundle) -> None:
    """The floor replays each recorded plan on every request, so a plan must not carry the reads of the graph
    statistics a serving process keeps (known slugs, source sizes, the exercise count), even from cold ones."""
    bodies = [b for w in load_workloads(["filtered_page", "exercise_page"]) for b in w.bodies(knowledge_base)]
    plans = await record_plans(kb_store, Settings(), bodies)
    hint_reads = {kb_store.queries[q] for q in (Q.TAXONOMY_SLUGS, Q.SOURCE_SIZES, Q.EXERCISE_TOTAL)}
    sent = [s["cypher"] for plan in plans.values() for wave in plan for s in wave]
    assert sent and not hint_reads & set(sent)
    for body in bodies[:6]:  # the filtered pages: the page and its count, together
        assert [len(wave) for wave in plans[body_key(body)]] == [2]
