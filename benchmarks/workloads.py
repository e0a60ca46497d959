"""The workloads: GraphQL documents kept as files, and the request bodies each one sends against a given graph.

`workloads/<name>.graphql` holds the document and `workloads/<name>.json` its variables. Under load the
variables rotate so that no single answer is measured: `slug` over exercises spread evenly through the graph,
`targets` over the most popular muscles, `text` over a list of search terms, `plan` over plans of 12 exercises
spread through the graph (2-5 sets each), `muscles` (a session built to order) over pairs and triples of popular
muscles, each with two seeds.
"""

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph_service.seeding import SeedBundle

WORKLOAD_DIR = Path(__file__).resolve().parent / "workloads"
NAMES = ("exercise_page", "alternatives", "filtered_page", "facets", "search", "build_session", "plan_coverage")
# The workloads of training plans: answered by the service's own planning in Python, which the peer cannot run.
PLANNING = ("build_session", "plan_coverage")
SLUG_SAMPLE = 64
TARGET_ROTATION = (["glutes"], ["quadriceps"], ["pectorals"], ["lats"], ["hamstrings"], ["biceps"])
SEARCH_TERMS = ("dumbbell press", "squat", "quads", "pecs", "kettlebell", "hamstrings", "row", "cable curl")
PLAN_COUNT = 16
PLAN_SIZE = 12
PLAN_SETS = (3, 4, 2, 5)
SESSION_MUSCLES = (
    ["glutes", "hamstrings"],
    ["quadriceps", "glutes", "calves"],
    ["pectorals", "triceps"],
    ["lats", "biceps", "rear-deltoids"],
    ["pectorals", "front-deltoids", "triceps"],
    ["lats", "rhomboids"],
)
SESSION_SEEDS = (1, 2)


@dataclass(frozen=True)
class Workload:
    name: str
    query: str
    variables: dict[str, Any]

    def bodies(self, bundle: SeedBundle) -> list[dict[str, Any]]:
        return [{"query": self.query, "variables": v} for v in vary(self.variables, bundle)]


def load_workloads(names: Sequence[str] = NAMES, folder: Path = WORKLOAD_DIR) -> list[Workload]:
    return [
        Workload(
            name=name,
            query=(folder / f"{name}.graphql").read_text(encoding="utf-8"),
            variables=json.loads((folder / f"{name}.json").read_text(encoding="utf-8")),
        )
        for name in names
    ]


def sample_slugs(bundle: SeedBundle, k: int = SLUG_SAMPLE) -> list[str]:
    exercises = bundle.exercises
    step = max(1, len(exercises) // k)
    return [x.slug for x in exercises[::step][:k]]


def sample_plans(bundle: SeedBundle) -> list[list[dict[str, Any]]]:
    """PLAN_COUNT plans of PLAN_SIZE exercises each: the sample interleaved, so each plan spans the graph."""
    slugs = sample_slugs(bundle, PLAN_COUNT * PLAN_SIZE)
    plans = [slugs[i::PLAN_COUNT] for i in range(PLAN_COUNT)]
    return [
        [{"slug": slug, "sets": PLAN_SETS[(i + j) % len(PLAN_SETS)]} for j, slug in enumerate(plan)]
        for i, plan in enumerate(plans)
    ]


def vary(variables: dict[str, Any], bundle: SeedBundle) -> list[dict[str, Any]]:
    if "plan" in variables:
        return [variables | {"plan": p} for p in sample_plans(bundle)]
    if "muscles" in variables:
        return [variables | {"muscles": m, "seed": s} for s in SESSION_SEEDS for m in SESSION_MUSCLES]
    if "slug" in variables:
        return [variables | {"slug": s} for s in sample_slugs(bundle)]
    if "text" in variables:
        return [variables | {"text": t} for t in SEARCH_TERMS]
    if "targets" in variables:
        return [variables | {"targets": t} for t in TARGET_ROTATION]
    return [variables]


def write_bodies(path: Path, bodies: Sequence[dict[str, Any]]) -> Path:
    """One compact JSON document a line: the file the load generator reads."""
    path.write_text("".join(json.dumps(b, separators=(",", ":")) + "\n" for b in bodies), encoding="utf-8")
    return path
