"""The same statements return the same rows on Neo4j and on the embedded engine."""

from pathlib import Path
from typing import Any

from conftest import GRAPH_CONTENTS

from graph_service.config import Settings
from graph_service.model import SCORE_WEIGHTS
from graph_service.queries import Q
from graph_service.reads.exercises import NAME_CEILING
from graph_service.reads.plans import FILTER_PARAMS, UNBOUNDED_WALK
from graph_service.seeding import clear_graph, load_seed, write_seed
from graph_service.store import open_store

NO_FILTER = dict.fromkeys(FILTER_PARAMS)
BACKWARD_WALK = {**NO_FILTER, "sort": "NAME", "name_ceiling": NAME_CEILING}
PAGE_PARTS = {"slug": "barbell-hip-thrust", "available": None, "max_rank": None, "weights": SCORE_WEIGHTS.params()}
READS: list[tuple[Q, dict[str, Any]]] = [
    (
        Q.EXERCISES_PAGE,
        {**NO_FILTER, "sort": "NAME", "after": None, "before": None, "limit": 50, "walk": UNBOUNDED_WALK},
    ),
    (
        Q.EXERCISES_PAGE_SORTED,
        {**NO_FILTER, "targets": ["glutes"], "sort": "NAME", "after": None, "before": None, "limit": 50},
    ),
    (
        Q.EXERCISES_PAGE,
        {
            **NO_FILTER,
            "targets": ["glutes", "quadriceps"],
            "after": [0, "Goblet Squat", "a"],
            "before": None,
            "limit": 9,
            "walk": 40,
        },
    ),
    (
        Q.EXERCISES_PAGE,
        {
            **NO_FILTER,
            "equipment": ["barbell"],
            "available": ["barbell", "bench"],
            "after": None,
            "before": None,
            "limit": 5,
            "walk": 30,
        },
    ),
    (
        Q.EXERCISES_PAGE_SORTED,
        {
            **NO_FILTER,
            "muscles": ["glutes"],
            "available": ["barbell", "body-weight"],
            "sort": "DIFFICULTY_DESC",
            "after": None,
            "before": None,
            "limit": 50,
        },
    ),
    # Pages read backward, between cursors. (From the end the walk is bounded by a name ceiling beyond ASCII, which
    # the embedded engine's index misreads; it never walks an index, and the API tests walk back from the end on both.)
    (
        Q.EXERCISES_PAGE_BACKWARD,
        {**BACKWARD_WALK, "after": None, "before": [0, "Zz", "z"], "limit": 50, "walk": UNBOUNDED_WALK},
    ),
    (
        Q.EXERCISES_PAGE_BACKWARD,
        {
            **BACKWARD_WALK,
            "targets": ["glutes", "quadriceps"],
            "after": [0, "B", "a"],
            "before": [0, "Goblet Squat", "z"],
            "limit": 9,
            "walk": 40,
        },
    ),
    (
        Q.EXERCISES_PAGE_SORTED_BACKWARD,
        {**NO_FILTER, "muscles": ["glutes"], "sort": "DIFFICULTY", "after": None, "before": [3, "P", "a"], "limit": 50},
    ),
    (Q.NAME_WALK_CUT_BACKWARD, {"before": [0, "Goblet Squat", "a"], "walk": 3, "name_ceiling": NAME_CEILING}),
    (Q.EXERCISES_COUNT, {**NO_FILTER, "text": "hip"}),
    (Q.EXERCISES_COUNT, {**NO_FILTER, "targets": ["glutes", "hamstrings"], "difficulties": ["beginner"]}),
    (Q.EXERCISES_COUNT, {**NO_FILTER, "muscles": ["glutes"], "categories": ["strength"]}),
    (Q.EXERCISES_COUNT, {**NO_FILTER, "equipment": ["dumbbell", "kettlebell"]}),
    (Q.EXERCISES_COUNT, {**NO_FILTER, "body_parts": ["legs"], "forces": ["push"]}),
    (
        Q.FACETS,
        {**NO_FILTER, "body_parts": ["chest"], "muscle_groups": [["deltoids", ["front-deltoids", "side-deltoids"]]]},
    ),
    (Q.EXERCISES_COUNT_ONE, {"relation": "TARGETS", "slug": "glutes"}),
    (Q.EXERCISES_COUNT_ONE, {"relation": "USES", "slug": "dumbbell"}),
    (Q.EXERCISES_COUNT_ONE, {"relation": "TRAINS", "slug": "legs"}),
    (Q.EXERCISES_BY_SLUGS, {"slugs": ["push-up", "barbell-hip-thrust", "missing"]}),
    (Q.EXERCISE_LINKS, {"slugs": ["barbell-hip-thrust", "glute-bridge"]}),
    (
        Q.ALTERNATIVES,
        {
            "slug": "barbell-hip-thrust",
            "first": 10,
            "available": None,
            "max_rank": None,
            "weights": SCORE_WEIGHTS.params(),
        },
    ),
    (
        Q.ALTERNATIVES_NEAR,
        {
            "slug": "barbell-hip-thrust",
            "first": 3,
            "available": None,
            "max_rank": None,
            "weights": SCORE_WEIGHTS.params(),
        },
    ),
    (
        Q.ALTERNATIVES_SAME_TARGETS,
        {"slug": "barbell-hip-thrust", "first": 5, "available": None, "max_rank": 1, "weights": SCORE_WEIGHTS.params()},
    ),
    (Q.RELATED, {"slug": "glute-bridge", "related_first": 3, "walk_limit": 1000}),
    (Q.RELATED, {"slug": "glute-bridge", "related_first": 3, "walk_limit": 0}),
    (Q.EXERCISE_PAGE, {**PAGE_PARTS, "first": 5, "related_first": 3, "walk_limit": 1000}),
    (Q.EXERCISE_PAGE_NEAR, {**PAGE_PARTS, "first": 3, "related_first": 2, "walk_limit": 0}),
    (Q.FACETS, {**NO_FILTER, "muscle_groups": None}),
    (Q.MUSCLES, {"slugs": None}),
    (Q.EQUIPMENT, {"slugs": None}),
    (Q.BODY_PARTS, {"slugs": None}),
    (Q.TAXONOMY_SLUGS, {}),
    (Q.GRAPH_COUNTS, {}),
]


def canonical(value: Any) -> Any:
    """Cypher leaves the order of collected lists and of unordered rows unspecified; compare them as sets.
    Floats are compared to 12 significant digits (the embedded engine prints 15)."""
    if isinstance(value, dict):
        return tuple(sorted((k, canonical(v)) for k, v in value.items()))
    if isinstance(value, list):
        return tuple(sorted((canonical(v) for v in value), key=repr))
    if isinstance(value, float):
        return float(f"{value:.12g}")
    return value


async def test_same_rows_on_both_engines(neo4j_uri: str, mini_seed: Path, tmp_path: Path) -> None:
    stores = [
        await open_store(Settings(neo4j_uri=neo4j_uri)),
        await open_store(Settings(neo4j_uri=None, embedded_db_path=tmp_path / "agree.db")),
    ]
    try:
        answers = []
        for store in stores:
            GRAPH_CONTENTS[store.engine] = "scratch"
            await clear_graph(store)
            await write_seed(store, load_seed(mini_seed), batch_size=100)
            answers.append([await store.read(name, params) for name, params in READS])
        for (name, _), on_neo4j, embedded in zip(READS, *answers, strict=True):
            assert on_neo4j, f"{name} returned nothing"
            ordered = name in (
                Q.EXERCISES_PAGE,
                Q.EXERCISES_PAGE_SORTED,
                Q.EXERCISES_PAGE_BACKWARD,
                Q.EXERCISES_PAGE_SORTED_BACKWARD,
                Q.ALTERNATIVES,
                Q.MUSCLES,
                Q.EQUIPMENT,
                Q.BODY_PARTS,
            )
            if ordered:
                assert [r.get("slug") for r in on_neo4j] == [r.get("slug") for r in embedded], name
            assert canonical(on_neo4j) == canonical(embedded), name
    finally:
        for store in stores:
            await store.close()
