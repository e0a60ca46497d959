"""Load from a separate process: wrk with a Lua script that POSTs GraphQL bodies and reports percentiles as JSON.

wrk runs one thread per connection so that its script can time every request itself (see wrk_graphql.lua). The
percentiles reported are those of the measured requests. wrk's own percentiles add synthetic samples for
coordinated omission: for every request slower than twice the mean interval, samples one interval shorter, down to
that interval. For a workload that mixes fast and slow requests this moves its p50 far from any measured request;
they are kept beside the measured ones as `co_p50_ms` and `co_p99_ms`.
"""

import json
import shutil
import subprocess
from dataclasses import asdict, dataclass
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent / "wrk_graphql.lua"


class MissingTool(RuntimeError):
    pass


def require_wrk() -> str:
    wrk = shutil.which("wrk")
    if wrk is None:
        raise MissingTool("wrk is not installed; the benchmarks use it to generate load: apt-get install -y wrk")
    return wrk


@dataclass(frozen=True)
class LoadResult:
    concurrency: int
    seconds: float
    requests: int
    rps: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float
    mean_ms: float
    co_p50_ms: float
    co_p99_ms: float
    errors: int

    def as_dict(self) -> dict[str, float | int]:
        return asdict(self)


def _wrk(url: str, bodies: Path, *, concurrency: int, seconds: float, timeout_s: float) -> dict[str, float]:
    command = [
        require_wrk(),
        "--threads",
        str(concurrency),
        "--connections",
        str(concurrency),
        "--duration",
        f"{max(1, round(seconds))}s",
        "--timeout",
        f"{round(timeout_s)}s",
        "--script",
        str(SCRIPT),
        url,
        "--",
        str(bodies),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + timeout_s + 30, check=False)
    for line in done.stdout.splitlines():
        if line.startswith("WRK_JSON "):
            return dict(json.loads(line.removeprefix("WRK_JSON ")))
    raise RuntimeError(f"wrk gave no summary (exit {done.returncode}): {done.stderr.strip() or done.stdout.strip()}")


def run_load(
    url: str, bodies: Path, *, concurrency: int, seconds: float, warmup: float, timeout_s: float = 10.0
) -> LoadResult:
    """Warm up for `warmup` seconds (not counted), then measure for `seconds` at `concurrency` connections."""
    if warmup > 0:
        _wrk(url, bodies, concurrency=concurrency, seconds=warmup, timeout_s=timeout_s)
    s = _wrk(url, bodies, concurrency=concurrency, seconds=seconds, timeout_s=timeout_s)
    duration = s["duration_us"] / 1e6
    errors = s["connect_errors"] + s["read_errors"] + s["write_errors"] + s["timeouts"] + s["bad_answers"]
    return LoadResult(
        concurrency=concurrency,
        seconds=round(duration, 2),
        requests=int(s["requests"]),
        rps=round(s["requests"] / duration, 1) if duration else 0.0,
        p50_ms=round(s["p50_us"] / 1000, 2),
        p90_ms=round(s["p90_us"] / 1000, 2),
        p99_ms=round(s["p99_us"] / 1000, 2),
        max_ms=round(s["max_us"] / 1000, 2),
        mean_ms=round(s["mean_us"] / 1000, 2),
        co_p50_ms=round(s["co_p50_us"] / 1000, 2),
        co_p99_ms=round(s["co_p99_us"] / 1000, 2),
        errors=int(errors),
    )
