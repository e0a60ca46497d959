"""A plan's candidates found by walking the exercise name index are those read from each muscle's or pattern's
exercises and sorted: the two statements agree on the bundled base, and so does the choice between them."""

from typing import Any

import pytest

from graph_service.model import WorkKind
from graph_service.queries import Q
from graph_service.reads import training
from graph_service.statistics import GraphStatistics
from graph_service.store import Store

ASKS: list[dict[str, Any]] = [
    {"available": None, "max_rank": None, "exclude": []},
    {"available": ["body-weight"], "max_rank": None, "exclude": []},
    {"available": ["body-weight", "dumbbell", "bench"], "max_rank": 0, "exclude": ["glute-bridge", "goblet-squat"]},
    {"available": ["sled"], "max_rank": 2, "exclude": []},  # few or none fit
]
PAIRS = [
    (Q.PLAN_CANDIDATES_BY_MUSCLE, Q.PLAN_CANDIDATES_WALK_BY_MUSCLE, ["glutes", "hamstrings", "neck", "lats"]),
    (Q.PLAN_CANDIDATES_BY_PATTERN, Q.PLAN_CANDIDATES_WALK_BY_PATTERN, ["hinge", "squat", "carry", "vertical-pull"]),
]


def slugs(rows: list[dict[str, Any]]) -> list[str]:
    return sorted(row["slug"] for row in rows)


@pytest.mark.parametrize("per_source", [3, 60])
@pytest.mark.parametrize("ask", ASKS)
async def test_the_walk_finds_what_the_read_finds(kb_store: Store, ask: dict[str, Any], per_source: int) -> None:
    for read, walk, wanted in PAIRS:
        params = {**ask, "kinds": [WorkKind.TRAINING.value], "per_source": per_source, "slugs": wanted}
        by_read = await kb_store.read(read, params)
        by_walk = await kb_store.read(walk, params)
        assert slugs(by_walk) == slugs(by_read), (walk, ask)
        assert sorted(by_walk, key=lambda r: r["slug"]) == sorted(by_read, key=lambda r: r["slug"])
    everything = {**ASKS[0], "kinds": [WorkKind.TRAINING.value], "per_source": per_source, "slugs": ["glutes"]}
    assert len(await kb_store.read(Q.PLAN_CANDIDATES_WALK_BY_MUSCLE, everything)) == per_source


async def test_candidates_are_the_same_whichever_statement_is_chosen(kb_store: Store) -> None:
    statistics = GraphStatistics(kb_store)
    for ask in ASKS:
        asked: dict[str, Any] = {
            "muscles": ["glutes", "quadriceps", "neck"],
            "patterns": ["hinge", "carry"],
            "kinds": {WorkKind.TRAINING},
            "available": ask["available"],
            "max_rank": ask["max_rank"],
            "exclude": ask["exclude"],
        }
        read = await training.candidates(kb_store, **asked)
        chosen = await training.candidates(kb_store, **asked, statistics=statistics)
        assert [x.slug for x in chosen] == [x.slug for x in read]
    if kb_store.ordered_index_reads:  # on the bundled base the most worked muscles are walked on Neo4j
        walked = await training.walk_sources(kb_store, statistics, "muscles", ["glutes", "neck"])
        assert walked == {"glutes"}
