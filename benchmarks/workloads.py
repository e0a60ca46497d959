"""The workloads: GraphQL documents kept as files, and the request bodies each one sends against a given graph.

`workloads/<name>.graphql` holds the document and `workloads/<name>.json` its variables. Under load the
variables rotate so that no single answer is measured: `slug` over exercises spread evenly through the graph,
`targets` over the most popular muscles, `text` over a list of search terms.
"""

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph_service.seeding import SeedBundle

WORKLOAD_DIR = Path(__file__).resolve().parent / "workloads"
NAMES = ("exercise_page", "alternatives", "filtered_page", "facets", "search")
SLUG_SAMPLE = 64
TARGET_ROTATION = (["glutes"], ["quadriceps"], ["pectorals"], ["lats"], ["hamstrings"], ["biceps"])
SEARCH_TERMS = ("dumbbell press", "squat", "quads", "pecs", "kettlebell", "hamstrings", "row", "cable curl")


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


def vary(variables: dict[str, Any], bundle: SeedBundle) -> list[dict[str, Any]]:
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
