"""Results of a run as Markdown tables, JSON and a PNG of latency against graph size."""

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

Results = dict[str, Any]

# Where the full run's figures are judged; each target names the measurement it reads.
EXERCISE_PAGE_PEER_THROUGHPUT = 1.5
EXERCISE_PAGE_DRIVER_P50 = 1.3
ALTERNATIVES_P50_MS = 10.0
ALTERNATIVES_GROWTH = 3.0
SEEDING_S = 20.0
COLD_START_S = 5.0
# The planning workloads: p50 at the largest graph on Neo4j at concurrency 1, and growth from the smallest.
PLANNING_P50_MS = {"build_session": 30.0, "plan_coverage": 15.0}
PLANNING_GROWTH = 3.0


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]], right_from: int = 1) -> str:
    align = ["---" if i < right_from else "---:" for i in range(len(headers))]
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def _cell(value: Any) -> str:
    if value == float("inf"):
        return "none completed"
    if isinstance(value, float):
        return f"{value:,.2f}" if value < 100 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _size(n: int) -> str:
    return f"{n // 1000}k" if n >= 1000 and n % 1000 == 0 else str(n)


def _complete(r: dict[str, Any]) -> dict[str, Any]:
    """A point where no request completed within the measured seconds has no latency: count it as unbounded."""
    return r if r["requests"] else r | {"p50_ms": float("inf"), "p99_ms": float("inf")}


def find(results: Results, **match: Any) -> list[dict[str, Any]]:
    return [_complete(r) for r in results["load"] if all(r.get(k) == v for k, v in match.items())]


def one(results: Results, **match: Any) -> dict[str, Any] | None:
    rows = find(results, **match)
    return rows[0] if rows else None


def load_tables(results: Results) -> str:
    parts = []
    for size in results["config"]["sizes"]:
        rows = [
            (r["workload"], r["contender"], r["concurrency"], r["rps"], r["p50_ms"], r["p99_ms"], r["errors"])
            for r in map(_complete, results["load"])
            if r["size"] == size
        ]
        if rows:
            parts.append(f"### {_size(size)} exercises\n")
            headers = ("workload", "contender", "concurrency", "requests/s", "p50 ms", "p99 ms", "errors")
            parts.append(table(headers, rows, right_from=2) + "\n")
    return "\n".join(parts)


def growth_table(results: Results) -> str:
    sizes = results["config"]["sizes"]
    rows = []
    for workload in ("alternatives", "exercise_page", *PLANNING_P50_MS):
        for contender in ("service (Neo4j)", "raw driver (Neo4j)", "service (embedded)"):
            p50 = {
                s: r["p50_ms"]
                for s in sizes
                if (r := one(results, workload=workload, contender=contender, size=s, concurrency=1))
            }
            if not p50 or (contender == "raw driver (Neo4j)" and workload not in PLANNING_P50_MS):
                continue
            ratio = p50[max(p50)] / p50[min(p50)] if len(p50) > 1 and p50[min(p50)] else None
            rows.append((workload, contender, *(p50.get(s, "-") for s in sizes), "-" if ratio is None else ratio))
    label = f"{_size(max(sizes))}/{_size(min(sizes))}"
    headers = ("workload", "engine", *(f"p50 ms at {_size(s)}" for s in sizes), label)
    return table(headers, rows, right_from=2)


def round_trip_table(results: Results) -> str:
    rows = [
        (_size(int(size)), workload, r["waves"], r["statements"])
        for size, per in results.get("round_trips", {}).items()
        for workload, r in per.items()
    ]
    return table(("graph", "workload", "waves", "statements"), rows, right_from=2)


def seeding_table(results: Results) -> str:
    def cpu(r: dict[str, Any], key: str) -> Any:
        return r.get(key, "n/a")

    rows = [
        (r["engine"], _size(r["size"]), r["run"], r["exercises"], r["edges"], r["seconds"],
         cpu(r, "cpu_s"), cpu(r, "jit_cpu_s"), cpu(r, "gc_cpu_s"), r["slowest"])
        for r in results["seeding"]
    ]  # fmt: skip
    headers = (
        "engine", "exercises", "run", "exercise nodes", "edges", "seconds",
        "engine CPU (s)", "of it JIT compilers (s)", "of it GC (s)", "slowest statements (s)",
    )  # fmt: skip
    return table(headers, rows, right_from=3)


def _seeding_detail(row: dict[str, Any]) -> str:
    detail = f"slowest: {row['slowest']}"
    if "cpu_s" in row:
        detail += f"; Neo4j CPU {row['cpu_s']:.1f} s, of which JIT compilers {row['jit_cpu_s']:.1f} s"
    return detail


def cold_start_table(results: Results) -> str:
    return table(
        ("embedded engine start", "seconds to /readyz 200"), [(r["case"], r["seconds"]) for r in results["cold_start"]]
    )


def check_table(results: Results) -> str:
    rows = [
        (
            _size(c["size"]),
            c["workload"],
            c.get("engine", "service (Neo4j)"),
            c.get("against", "peer"),
            c["bodies"],
            "yes" if c["agree"] else f"no: {c['detail']}",
        )
        for c in results["checks"]
    ]
    headers = ("graph", "workload", "answers of", "checked against", "requests compared", "agree")
    return table(headers, rows, right_from=4)


def targets(results: Results) -> list[tuple[str, str, str, str]]:
    """(target, figure, met/missed, detail) for each target the run has figures for."""
    out: list[tuple[str, str, str, str]] = []
    sizes = results["config"]["sizes"]

    def verdict(ok: bool) -> str:
        return "met" if ok else "**missed**"

    ratios = []
    for size in sizes:
        for c in results["config"]["concurrencies"]:
            ours = one(results, workload="exercise_page", contender="service (Neo4j)", size=size, concurrency=c)
            peer = one(results, workload="exercise_page", contender="peer (Neo4j)", size=size, concurrency=c)
            if ours and peer and peer["rps"]:
                ratios.append((ours["rps"] / peer["rps"], size, c))
    if ratios:
        worst = min(ratios)
        detail = ", ".join(f"{_size(s)} c{c}: {r:.2f}x" for r, s, c in ratios)
        out.append(
            (
                "exercise page throughput ≥ 1.5x the peer's at every concurrency",
                f"lowest {worst[0]:.2f}x ({_size(worst[1])}, c{worst[2]})",
                verdict(worst[0] >= EXERCISE_PAGE_PEER_THROUGHPUT),
                detail,
            )
        )
    else:
        out.append(("exercise page throughput ≥ 1.5x the peer's", "-", "not measured", results["peer"]["reason"]))
    floor = []
    for size in sizes:
        ours = one(results, workload="exercise_page", contender="service (Neo4j)", size=size, concurrency=1)
        raw = one(results, workload="exercise_page", contender="raw driver (Neo4j)", size=size, concurrency=1)
        if ours and raw and raw["p50_ms"]:
            floor.append((ours["p50_ms"] / raw["p50_ms"], size, ours["p50_ms"], raw["p50_ms"]))
    if floor:
        worst_floor = max(floor)
        detail = ", ".join(f"{_size(s)}: {o:.2f} vs {d:.2f} ms" for _, s, o, d in floor)
        out.append(
            (
                "exercise page p50 at c1 ≤ 1.3x the raw driver's",
                f"highest {worst_floor[0]:.2f}x ({_size(worst_floor[1])})",
                verdict(worst_floor[0] <= EXERCISE_PAGE_DRIVER_P50),
                detail,
            )
        )
    big, small = max(sizes), min(sizes)
    alt_big = one(results, workload="alternatives", contender="service (Neo4j)", size=big, concurrency=1)
    alt_small = one(results, workload="alternatives", contender="service (Neo4j)", size=small, concurrency=1)
    if alt_big:
        out.append(
            (
                f"alternatives p50 at {_size(big)} on Neo4j ≤ 10 ms",
                f"{alt_big['p50_ms']:.2f} ms",
                verdict(alt_big["p50_ms"] <= ALTERNATIVES_P50_MS),
                f"concurrency 1; p99 {alt_big['p99_ms']:.2f} ms; with wrk's coordinated-omission samples: "
                f"p50 {alt_big.get('co_p50_ms', float('nan')):.2f} ms",
            )
        )
    if alt_big and alt_small and big != small:
        ratio = alt_big["p50_ms"] / alt_small["p50_ms"]
        out.append(
            (
                f"alternatives p50 {_size(big)}/{_size(small)} < 3",
                f"{ratio:.2f}",
                verdict(ratio < ALTERNATIVES_GROWTH),
                f"{alt_small['p50_ms']:.2f} → {alt_big['p50_ms']:.2f} ms",
            )
        )
    out += _planning_targets(results, big, small)
    seeded = [r for r in results["seeding"] if r["engine"] == "neo4j" and r["run"] == "first" and r["size"] == big]
    if seeded:
        s = seeded[0]
        out.append(
            (
                f"seeding {_size(big)} exercises into Neo4j ≤ 20 s",
                f"{s['seconds']:.1f} s",
                verdict(s["seconds"] <= SEEDING_S),
                _seeding_detail(s),
            )
        )
    for r in results["cold_start"]:
        out.append(
            (
                f"embedded cold start ≤ 5 s ({r['case']})",
                f"{r['seconds']:.2f} s",
                verdict(r["seconds"] <= COLD_START_S),
                "",
            )
        )
    return out


def _planning_targets(results: Results, big: int, small: int) -> list[tuple[str, str, str, str]]:
    out: list[tuple[str, str, str, str]] = []
    for workload, limit_ms in PLANNING_P50_MS.items():
        at_big = one(results, workload=workload, contender="service (Neo4j)", size=big, concurrency=1)
        at_small = one(results, workload=workload, contender="service (Neo4j)", size=small, concurrency=1)
        floor = one(results, workload=workload, contender="raw driver (Neo4j)", size=big, concurrency=1)
        if at_big:
            beside = f"; its statements alone (raw driver): {floor['p50_ms']:.2f} ms" if floor else ""
            out.append(
                (
                    f"{workload} p50 at {_size(big)} on Neo4j ≤ {limit_ms:.0f} ms",
                    f"{at_big['p50_ms']:.2f} ms",
                    "met" if at_big["p50_ms"] <= limit_ms else "**missed**",
                    f"concurrency 1; p99 {at_big['p99_ms']:.2f} ms{beside}",
                )
            )
        if at_big and at_small and big != small:
            ratio = at_big["p50_ms"] / at_small["p50_ms"]
            out.append(
                (
                    f"{workload} p50 {_size(big)}/{_size(small)} < 3",
                    f"{ratio:.2f}",
                    "met" if ratio < PLANNING_GROWTH else "**missed**",
                    f"{at_small['p50_ms']:.2f} → {at_big['p50_ms']:.2f} ms",
                )
            )
    return out


METHOD = """\
How it is measured (`scripts/bench`, code in `benchmarks/`):

- **Graphs**: the bundled taxonomy with n synthetic exercises, deterministic from the seed
  (`graph_service/seeding/synthetic.py`): Zipf-like muscle and equipment popularity (glutes, quadriceps,
  pectorals and lats carry most exercises), 1-2 targets, 0-4 secondary muscles, 1-2 pieces of equipment, the
  first target's body part, variation families of 2-6. Written with the seeder's own `write_seed` (the same
  `UNWIND` batches).
- **Contenders**, on one Neo4j with the same data, one after the other: *service (Neo4j)* is
  `graph-service serve` under Uvicorn with production settings (GraphiQL off, loopback, the worker count shown);
  *raw driver (Neo4j)* is the floor: the Cypher statements the service runs for each request (recorded from the
  service itself, in the same concurrent waves), sent with the official async Python driver from a bare ASGI app
  under the same Uvicorn and worker count, answering the raw records; it pays for HTTP, Uvicorn, the driver and
  Neo4j, and nothing of GraphQL. *peer (Neo4j)* is @neo4j/graphql with Apollo Server on Node
  (`benchmarks/peer/`), its custom fields running the service's statements; for alternatives that is
  `cypher/alternatives.cypher`, which scores every candidate, where the service first reads the exercises near
  the source and keeps that answer when its score bound proves it exact. *service (embedded)* is
  `graph-service serve` on the embedded engine (one worker: the engine is a child process per data file), on the
  same synthetic graph.
- **Neo4j** for the contenders runs as a production server does: a fixed 3 GiB heap, a 2 GiB page cache, the
  default 256 MiB transaction-log rotation, and the JVM options of the server's shipped `neo4j.conf` (G1, heap
  committed at start, final fields trusted, explicit GC off).
- **Answers**: before timing, every request of every workload is sent to the service and to the peer and the
  answers compared (`benchmarks/peer/compare.py`). The peer cannot run the service's planning (a greedy set
  cover and coverage sums in Python), so build_session and plan_coverage are not compared with it and not
  loaded on it; their answers are checked instead (`benchmarks/plan_checks.py`): on Neo4j against the raw graph,
  each plan's coverage (target, secondary and weighted sets per muscle, sets per pattern, untrained muscles,
  push/pull and upper/lower balance) recomputed from the TARGETS, WORKS_SECONDARY and FOLLOWS edges (the service
  reads slug lists kept on each exercise), each suggestion within the kit and outside the plan, each session of
  the size asked, no two exercises of one variation family, each working a muscle asked for, and its coverage
  recomputed the same way; on the embedded engine, every answer must equal the service's on Neo4j over the
  same graph. The raw driver replays the statements the service sent for these requests, like any other.
- **Load**: wrk (a Lua script POSTing the workload's bodies round robin; one thread per connection) from a
  separate process, every contender warmed up first, then each point measured for the stated seconds after its
  own warm-up, once the database has finished the requests still in flight from the point before.
  p50 and p99 are those of the requests as measured, each timed by the script on the monotonic clock from its
  write to its answer. wrk's own percentiles add synthetic samples for coordinated omission (for each request
  slower than twice the mean interval, copies one interval shorter); `results.json` keeps them as `co_p50_ms`
  and `co_p99_ms`.
  Requests whose answer is not 200 or carries `errors` count as errors. Each request varies: 64 exercises spread
  through the graph, six popular target muscles, eight search terms, 16 plans of 12 exercises spread through
  the graph (2-5 sets each), six pairs and triples of popular muscles with two seeds each.
- **Workloads**: `benchmarks/workloads/*.graphql` (variables beside them): the exercise page (exercise, muscles,
  equipment, body part, 5 alternatives, related links), alternatives alone (10), a filtered page of 20 with
  totalCount, facets for one target muscle, search; build_session (6 exercises for two or three muscles with a
  seed: each with its reason, and the session's coverage per muscle) and plan_coverage (a 12-exercise plan:
  sets per muscle and pattern, untrained muscles and patterns, the balance ratios, 3 suggestions within the
  home dumbbells-and-bench kit).
- **Seeding**: first load into an empty database, then the same again (idempotent re-run); the slowest
  statements are listed. For Neo4j, the CPU its process spent during each load is read from `/proc` per thread
  (`benchmarks/process_cpu.py`): the share of HotSpot's C1/C2 compiler threads and of its GC threads shows what
  a new JVM spends warming up, next to the statements' own work.
  **Cold start**: process start to `/readyz` 200 on the embedded engine with the bundled base, from an empty
  data file (it seeds itself) and from the already seeded file (best of three).
"""


def markdown(results: Results) -> str:
    meta = results["meta"]
    cfg = results["config"]
    lines = [
        METHOD,
        f"Run {meta['date']} at commit {meta.get('commit', '?')} on {meta['machine']} "
        f"(load average {meta.get('load_average_before', '?')} before, "
        f"{meta.get('load_average_after', '?')} after; {meta.get('seconds', '?')} s in all); {meta['versions']}.",
        f"Graphs of {', '.join(_size(s) for s in cfg['sizes'])} synthetic exercises (seed {cfg['seed']}); "
        f"concurrency {', '.join(map(str, cfg['concurrencies']))}; {cfg['seconds']} s measured per point after "
        f"{cfg['warmup']} s of warm-up; service and raw driver with {cfg['workers']} Uvicorn worker(s); "
        f"peer: {'available' if results['peer']['available'] else 'not available: ' + results['peer']['reason']}."
        + (f" Answered and checked, not loaded: {', '.join(cfg['checked_only'])}." if cfg.get("checked_only") else ""),
        "",
        "## Targets",
        "",
        table(("target", "figure", "verdict", "detail"), targets(results), right_from=4),
        "",
        "## Answers checked before timing",
        "",
        check_table(results) if results["checks"] else "No comparison: " + results["peer"]["reason"],
        "",
        "## Statements per request",
        "",
        "What the service sent to Neo4j for one request (most over the rotated variables), recorded for the floor; "
        "a wave is a group of statements sent concurrently.",
        "",
        round_trip_table(results),
        "",
        "## Not served",
        "",
        "\n".join(f"- {_size(r['size'])}, {r['contender']}, {r['workload']}: {r['reason']}" for r in results["skipped"])
        or "Every contender served every workload at every size.",
        "",
        "## Growth (p50 at concurrency 1)",
        "",
        growth_table(results),
        "",
        "## Seeding",
        "",
        seeding_table(results),
        "",
        "## Cold start",
        "",
        cold_start_table(results),
        "",
        "## Load",
        "",
        load_tables(results),
    ]
    return "\n".join(lines)


def write_json(results: Results, path: Path) -> None:
    path.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


def plot(results: Results, path: Path) -> bool:
    """p50 at concurrency 1 against graph size, one panel per workload; False when matplotlib is missing."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    sizes = results["config"]["sizes"]
    workloads = list(dict.fromkeys(r["workload"] for r in results["load"]))
    contenders = list(dict.fromkeys(r["contender"] for r in results["load"]))
    columns = min(3, len(workloads))
    rows = -(-len(workloads) // columns)
    fig, axes = plt.subplots(rows, columns, figsize=(4.5 * columns, 3.6 * rows), squeeze=False)
    panels = [ax for row in axes for ax in row]
    for ax in panels[len(workloads) :]:
        ax.set_visible(False)
    for ax, workload in zip(panels, workloads, strict=False):
        for contender in contenders:
            points = [
                (s, r["p50_ms"])
                for s in sizes
                if (r := one(results, workload=workload, contender=contender, size=s, concurrency=1))
            ]
            if points:
                ax.plot([p[0] for p in points], [p[1] for p in points], marker="o", label=contender)
        ax.set_title(workload.replace("_", " "))
        ax.set_xscale("log")
        ax.set_xlabel("exercises in the graph")
        ax.set_ylabel("p50 latency, ms (concurrency 1)")
        ax.grid(True, alpha=0.3)
    panels[0].legend(fontsize="small")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return True
