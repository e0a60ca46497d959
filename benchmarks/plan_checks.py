"""Answers to the planning workloads (build_session, plan_coverage) checked before timing.

The peer cannot run the service's planning (a greedy cover and coverage sums in Python), so these answers are
checked two other ways:

- on Neo4j, against the raw graph: each plan's coverage (sets per muscle as target and as secondary, the
  weighted total, sets per pattern, the untrained muscles, the push/pull and upper/lower balance) recomputed
  here from the TARGETS, WORKS_SECONDARY and FOLLOWS edges, where the service reads the slug lists kept on each
  exercise; each suggestion needs nothing outside the kit (its USES edges against the kit's INCLUDES) and is not
  in the plan; each session has as many exercises as asked, no two of one variation family (VARIATION_OF), each
  working a muscle asked for, and its coverage is recomputed the same way at 3 sets each;
- on the embedded engine, against the service on Neo4j over the same synthetic graph: the answers must be equal.
"""

from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from benchmarks.workloads import PLANNING

Json = dict[str, Any]
Read = Callable[[str, dict[str, Any]], Awaitable[list[dict[str, Any]]]]
SESSION_SETS = 3
SECONDARY_WEIGHT = 0.5  # a secondary set counts half a set: the schema's stated weighting

# Each comprehension names its own variable: the embedded engine binds a name reused across them only once.
EXERCISE_EDGES = """
UNWIND $slugs AS wanted
MATCH (e:Exercise {slug: wanted})
RETURN e.slug AS slug,
       [(e)-[:TARGETS]->(t:Muscle) | t.slug] AS targets,
       [(e)-[:WORKS_SECONDARY]->(s:Muscle) | s.slug] AS secondary,
       [(e)-[:FOLLOWS]->(p:MovementPattern) | p.slug] AS patterns,
       [(e)-[:USES]->(q:Equipment) | q.slug] AS equipment,
       coalesce(head([(e)-[:VARIATION_OF]->(b:Exercise) | b.slug]), e.slug) AS family
"""
MUSCLES = "MATCH (m:Muscle) RETURN m.slug AS slug"
PATTERNS = "MATCH (p:MovementPattern) RETURN p.slug AS slug, p.region AS region, p.direction AS direction"
KIT = "MATCH (:Kit {slug: $slug})-[:INCLUDES]->(q:Equipment) RETURN q.slug AS slug"


def _data(answer: Json) -> Json:
    if answer.get("errors") or not isinstance(answer.get("data"), dict):
        raise ValueError(f"answered with errors: {str(answer.get('errors'))[:200]}")
    return dict(answer["data"])


class RawGraph:
    """What the checks recompute from, read through `read` (a Cypher statement and its parameters to rows)."""

    def __init__(self, read: Read, muscles: set[str], patterns: dict[str, Json]) -> None:
        self.read, self.muscles, self.patterns = read, muscles, patterns

    @classmethod
    async def load(cls, read: Read) -> "RawGraph":
        muscles = {r["slug"] for r in await read(MUSCLES, {})}
        return cls(read, muscles, {r["slug"]: r for r in await read(PATTERNS, {})})

    async def exercises(self, slugs: Sequence[str]) -> dict[str, Json]:
        return {r["slug"]: r for r in await self.read(EXERCISE_EDGES, {"slugs": list(slugs)})}

    async def kit(self, slug: str) -> set[str]:
        return {r["slug"] for r in await self.read(KIT, {"slug": slug})}

    async def coverage(self, plan: Sequence[tuple[str, int]]) -> Json:
        """A plan's coverage from the edges: muscles most weighted sets first (then by slug), the rest as sets."""
        facts = await self.exercises([slug for slug, _ in plan])
        target: dict[str, float] = {}
        secondary: dict[str, float] = {}
        patterns: dict[str, float] = {}
        for slug, sets in plan:
            x = facts[slug]
            for m in x["targets"]:
                target[m] = target.get(m, 0.0) + sets
            for m in x["secondary"]:
                secondary[m] = secondary.get(m, 0.0) + sets
            for p in x["patterns"]:
                patterns[p] = patterns.get(p, 0.0) + sets
        rows = [
            (
                m,
                target.get(m, 0.0),
                secondary.get(m, 0.0),
                target.get(m, 0.0) + SECONDARY_WEIGHT * secondary.get(m, 0.0),
            )
            for m in {*target, *secondary}
        ]
        rows.sort(key=lambda r: (-r[3], r[0]))

        def sets_where(region: str, direction: str | None = None) -> float:
            return sum(
                n
                for p, n in patterns.items()
                if self.patterns[p]["region"] == region
                and (direction is None or self.patterns[p]["direction"] == direction)
            )

        push, pull = sets_where("upper", "push"), sets_where("upper", "pull")
        upper, lower = sets_where("upper"), sets_where("lower")
        return {
            "muscles": rows,
            "untrained": sorted(self.muscles - {*target, *secondary}),
            "patterns": patterns,
            "pushPullRatio": round(push / pull, 4) if pull else None,
            "upperLowerRatio": round(upper / lower, 4) if lower else None,
        }


def _muscle_rows(coverage: Json, full: bool) -> list[tuple[Any, ...]]:
    return [
        (r["muscle"]["slug"], r["targetSets"], r["secondarySets"], r["weightedSets"])
        if full
        else (r["muscle"]["slug"], r["weightedSets"])
        for r in coverage["muscles"]
    ]


async def check_plan_coverage(graph: RawGraph, variables: Json, answer: Json) -> str:
    """Empty when the answer agrees with the raw graph, else what differs."""
    got = _data(answer)["planCoverage"]
    plan = [(i["slug"], i["sets"]) for i in variables["plan"]]
    want = await graph.coverage(plan)
    if _muscle_rows(got, full=True) != want["muscles"]:
        return f"muscles: service {_muscle_rows(got, full=True)} / graph {want['muscles']}"
    if sorted(m["slug"] for m in got["untrainedMuscles"]) != want["untrained"]:
        return f"untrained muscles: service {got['untrainedMuscles']} / graph {want['untrained']}"
    if {p["pattern"]["slug"]: p["sets"] for p in got["patterns"]} != want["patterns"]:
        return f"patterns: service {got['patterns']} / graph {want['patterns']}"
    for ratio in ("pushPullRatio", "upperLowerRatio"):
        if got[ratio] != want[ratio]:
            return f"{ratio}: service {got[ratio]} / graph {want[ratio]}"
    kit = await graph.kit(variables["kit"])
    suggested = [s["exercise"]["slug"] for s in got["suggestions"]]
    facts = await graph.exercises(suggested)
    for slug in suggested:
        if slug in {s for s, _ in plan} or not set(facts[slug]["equipment"]) <= kit:
            return f"suggestion {slug} is in the plan or needs {sorted(set(facts[slug]['equipment']) - kit)}"
    return ""


async def check_build_session(graph: RawGraph, variables: Json, answer: Json) -> str:
    """Empty when the session keeps its promises on the raw graph, else what it breaks."""
    got = _data(answer)["buildSession"]
    slugs = [i["exercise"]["slug"] for i in got["items"]]
    if len(slugs) != variables["size"]:
        return f"{len(slugs)} exercises for a size of {variables['size']}: {got.get('explanation')}"
    facts = await graph.exercises(slugs)
    families = [facts[s]["family"] for s in slugs]
    if len(set(families)) != len(families):
        return f"two exercises of one family: {slugs}"
    asked = set(variables["muscles"])
    for slug in slugs:
        if not asked & {*facts[slug]["targets"], *facts[slug]["secondary"]}:
            return f"{slug} works none of {sorted(asked)}"
    want = [(m, w) for m, _, _, w in (await graph.coverage([(s, SESSION_SETS) for s in slugs]))["muscles"]]
    if _muscle_rows(got["coverage"], full=False) != want:
        return f"coverage muscles: service {_muscle_rows(got['coverage'], full=False)} / graph {want}"
    return ""


CHECKS: dict[str, Callable[[RawGraph, Json, Json], Awaitable[str]]] = {
    "build_session": check_build_session,
    "plan_coverage": check_plan_coverage,
}
assert set(CHECKS) == set(PLANNING)


async def against_graph(workload: str, graph: RawGraph, bodies: Sequence[Json], answers: Sequence[Json]) -> str:
    """Empty when every answer to `workload` agrees with the raw graph, else the first problem with its request."""
    for i, (body, answer) in enumerate(zip(bodies, answers, strict=True)):
        try:
            problem = await CHECKS[workload](graph, body["variables"], answer)
        except (ValueError, KeyError, TypeError) as e:
            problem = f"{type(e).__name__}: {e}"
        if problem:
            return f"request {i + 1} of {len(bodies)}: {problem}"[:300]
    return ""


def against_reference(bodies: Sequence[Json], answers: Sequence[Json], reference: Sequence[Json]) -> str:
    """Empty when every answer equals the reference's answer to the same request, else the first difference."""
    for i, (ours, theirs) in enumerate(zip(answers, reference, strict=True)):
        try:
            a, b = _data(ours), _data(theirs)
        except ValueError as e:
            return f"request {i + 1} of {len(bodies)}: {e}"[:300]
        if a != b:
            return f"request {i + 1} of {len(bodies)}: embedded {a!r} / Neo4j {b!r}"[:300]
    return ""
