"""What frontends meet, measured against a live `graph-service serve` on loopback (embedded engine, bundled base):

- the bytes of a 100-exercise page, plain and gzip-compressed;
- exercise-page throughput with wrk (8 connections, --seconds each) for POST, for GET, and for a GET answered 304;
- GraphiQL's load time in Debian's headless Chromium with every host but the server cut off (median of --loads).

Run: .venv/bin/python -m benchmarks.frontends [--seconds 10] [--loads 5]. Prints a table; asserts nothing.
"""

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import httpx

from graph_service.config import PROJECT_ROOT

sys.path.insert(0, str(PROJECT_ROOT / "tests"))  # the browser the tests drive, with the same flags

from browser import CHROMIUM, CHROMIUM_ARGS

WORKLOADS = Path(__file__).parent / "workloads"
PAGE_100 = """query Page($first: Int!) {
  exercises(first: $first) {
    edges { node { slug name difficulty category description
      targets { slug name } equipment { slug name } bodyPart { slug name } } }
    pageInfo { hasNextPage endCursor }
  }
}"""
WRK_SCRIPT = """
wrk.method = "{method}"
wrk.body = {body}
{headers}
local threads = {{}}
function setup(thread) table.insert(threads, thread) end
function init(args) unexpected = 0 end
function response(status, headers, body) if status ~= {status} then unexpected = unexpected + 1 end end
function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do bad = bad + t:get("unexpected") end
  io.write(string.format("RESULT %d %d %.0f %.0f %d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), bad + summary.errors.status))
end
"""


def lua_string(text: str) -> str:
    return "[==[" + text + "]==]"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(folder: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "EMBEDDED_"))}
    # The page of 100 exercises with their muscles and equipment costs more than the default limit allows.
    env |= {"EMBEDDED_DB_PATH": str(folder / "graph.db"), "MAX_QUERY_COST": "1000000"}
    log = (folder / "server.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "graph_service", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit((folder / "server.log").read_text())
        try:
            if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                return process, base
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    process.terminate()
    raise SystemExit("the server was not ready within 120 s")


def page_bytes(base: str) -> tuple[int, int, int]:
    body = {"query": PAGE_100, "variables": {"first": 100}}
    plain = httpx.post(f"{base}/graphql", json=body, headers={"accept-encoding": "identity"})
    assert len(plain.json()["data"]["exercises"]["edges"]) == 100, plain.text[:300]
    with httpx.Client() as client:
        packed = client.post(f"{base}/graphql", json=body, headers={"accept-encoding": "gzip"})
    assert packed.headers.get("content-encoding") == "gzip"
    brotli = httpx.post(f"{base}/graphql", json=body, headers={"accept-encoding": "br"})
    assert brotli.headers.get("content-encoding") == "br"
    return len(plain.content), int(packed.headers["content-length"]), int(brotli.headers["content-length"])


def wrk(url: str, *, method: str, body: str, headers: dict[str, str], status: int, seconds: int) -> dict[str, float]:
    lines = "\n".join(f"wrk.headers[{json.dumps(k)}] = {json.dumps(v)}" for k, v in headers.items())
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(
            WRK_SCRIPT.format(method=method, body=lua_string(body) if body else "nil", headers=lines, status=status)
        )
    try:
        run = subprocess.run(
            ["wrk", "-t2", "-c8", f"-d{seconds}s", "-s", script.name, url],
            capture_output=True,
            text=True,
            check=False,
            timeout=seconds + 60,
        )
    finally:
        os.unlink(script.name)
    out = run.stdout
    if "RESULT" not in out:
        raise SystemExit(f"wrk failed ({run.returncode}): {run.stdout}\n{run.stderr}")
    requests, duration_us, p50, p99, bad = (float(x) for x in out.split("RESULT", 1)[1].split())
    return {"rps": requests / (duration_us / 1e6), "p50_ms": p50 / 1000, "p99_ms": p99 / 1000, "bad": bad}


def throughput(base: str, seconds: int) -> dict[str, dict[str, float]]:
    query = (WORKLOADS / "exercise_page.graphql").read_text(encoding="utf-8")
    variables = {"slug": "barbell-hip-thrust"}
    get_url = f"{base}/graphql?" + urlencode({"query": query, "variables": json.dumps(variables)})
    first = httpx.get(get_url)
    assert first.status_code == 200 and "errors" not in first.json(), first.text[:300]
    tag = first.headers["etag"]
    json_body = json.dumps({"query": query, "variables": variables})
    runs = {
        "POST": ("POST", f"{base}/graphql", json_body, {"Content-Type": "application/json"}, 200),
        "GET": ("GET", get_url, "", {}, 200),
        "GET 304": ("GET", get_url, "", {"If-None-Match": tag}, 304),
    }
    results = {}
    for name, (method, url, body, headers, status) in runs.items():
        wrk(url, method=method, body=body, headers=headers, status=status, seconds=2)  # warm-up
        results[name] = wrk(url, method=method, body=body, headers=headers, status=status, seconds=seconds)
    return results


def graphiql_load_times(base: str, loads: int) -> list[float]:
    from playwright.sync_api import Route, sync_playwright

    own = urlsplit(base).netloc
    times = []
    with sync_playwright() as playwright:
        for _ in range(loads):
            profile = Path(tempfile.mkdtemp(prefix="graphiql-profile-"))
            context = playwright.chromium.launch_persistent_context(
                profile, executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
            )
            refused: list[str] = []

            def only_the_server(route: Route, refused: list[str] = refused) -> None:
                if urlsplit(route.request.url).netloc == own:
                    route.continue_()
                else:
                    refused.append(route.request.url)
                    route.abort()

            try:
                context.route("**/*", only_the_server)
                page = context.new_page()
                started = time.perf_counter()
                page.goto(f"{base}/graphql")
                # Ready: the editor shows the example and the explorer lists the schema's root fields.
                page.locator(".graphiql-query-editor .CodeMirror").get_by_text("ExercisePage").first.wait_for()
                page.get_by_text("alternatives", exact=True).first.wait_for()
                times.append(time.perf_counter() - started)
                assert not refused, refused
            finally:
                context.close()
                shutil.rmtree(profile, ignore_errors=True)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=10, help="seconds of each wrk run")
    parser.add_argument("--loads", type=int, default=5, help="GraphiQL page loads to time")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-frontends-"))
    process, base = start_server(folder)
    try:
        plain, packed, brotli = page_bytes(base)
        rates = throughput(base, args.seconds)
        loads = graphiql_load_times(base, args.loads)
    finally:
        process.terminate()
        process.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(
        f"100-exercise page: {plain:,} bytes plain, {packed:,} gzip ({plain / packed:.1f}x smaller), "
        f"{brotli:,} brotli ({plain / brotli:.1f}x)"
    )
    print(f"\nexercise page, wrk -t2 -c8 -d{args.seconds}s, loopback, embedded engine")
    print(f"{'request':<10} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'unexpected':>10}")
    for name, r in rates.items():
        print(f"{name:<10} {r['rps']:>8.0f} {r['p50_ms']:>8.2f} {r['p99_ms']:>8.2f} {r['bad']:>10.0f}")
    print(
        f"\nGraphiQL ready in headless Chromium, network cut off ({len(loads)} loads): "
        f"median {statistics.median(loads) * 1000:.0f} ms, "
        f"min {min(loads) * 1000:.0f} ms, max {max(loads) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
