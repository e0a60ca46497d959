"""Real processes for fault tests and the fault benchmark: `graph-service serve` and `seed` as users run them,
their engine processes found by pid, and requests timed from outside. Loopback only; every process is stopped by
its own id."""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import httpx

HOST = "127.0.0.1"
READY_TIMEOUT_S = 90.0
QUERY = '{ exercise(slug: "push-up") { name } }'


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def base_env(**settings: object) -> dict[str, str]:
    """The environment of a child: this one without the engine's settings, plus `settings` by name."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "EMBEDDED_"))}
    return env | {k.upper(): str(v) for k, v in settings.items()}


def alive(pid: int) -> bool:
    """Whether a process runs: a zombie (ended, not yet reaped) does not."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def children(pid: int, name: str) -> list[int]:
    """The live child processes of `pid` whose command line contains `name`."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            command = (entry / "cmdline").read_bytes()
        except (OSError, IndexError, ValueError):
            continue
        if ppid == pid and name.encode() in command and alive(int(entry.name)):
            found.append(int(entry.name))
    return found


@dataclass
class Service:
    process: subprocess.Popen[bytes]
    port: int
    log: Path
    env: dict[str, str] = field(default_factory=dict)

    @property
    def base(self) -> str:
        return f"http://{HOST}:{self.port}"

    def log_tail(self, lines: int = 30) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def engine_pid(self) -> int:
        found = children(self.process.pid, "redis-server")
        assert len(found) == 1, f"engine processes of {self.process.pid}: {found}"
        return found[0]

    def wait_ready(self, timeout: float = READY_TIMEOUT_S) -> float:
        """Seconds until /readyz answers 200."""
        started = time.monotonic()
        while True:
            assert self.process.poll() is None, self.log_tail()
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(f"{self.base}/readyz", timeout=2).status_code == 200:
                    return time.monotonic() - started
            assert time.monotonic() - started < timeout, "not ready in time:\n" + self.log_tail()
            time.sleep(0.05)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_service(env: Mapping[str, str], log: Path) -> Service:
    port = free_port()
    with log.open("ab") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "graph_service", "serve", "--host", HOST, "--port", str(port)],
            env=dict(env),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    return Service(process, port, log, dict(env))


@contextlib.contextmanager
def serving(env: Mapping[str, str], log: Path) -> Iterator[Service]:
    service = start_service(env, log)
    try:
        service.wait_ready()
        yield service
    finally:
        service.stop()


def start_cli(env: Mapping[str, str], log: Path, *args: str) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "graph_service", *args],
            env=dict(env),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def readiness(base: str, timeout: float = 10.0) -> tuple[int, str, float]:
    """/readyz's status, its reason (or status word) and how long it took."""
    started = time.monotonic()
    try:
        response = httpx.get(f"{base}/readyz", timeout=timeout)
    except httpx.TransportError as e:
        return 0, type(e).__name__, time.monotonic() - started
    body = response.json()
    return response.status_code, str(body.get("reason", body.get("status"))), time.monotonic() - started


def metric(base: str, name: str) -> float:
    """One unlabelled sample of /metrics, read with prometheus_client's parser."""
    from prometheus_client.parser import text_string_to_metric_families

    text = httpx.get(f"{base}/metrics", timeout=5).text
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == name and not sample.labels:
                return float(sample.value)
    raise KeyError(name)


@dataclass(frozen=True)
class Answer:
    status: int
    code: str  # the first error's extensions.code, OK without errors, or the transport error's name
    seconds: float


def client() -> httpx.Client:
    """One client for many threads: making a client per request costs more CPU than the request on a busy host."""
    return httpx.Client(limits=httpx.Limits(max_connections=64, max_keepalive_connections=64))


def ask(base: str, query: str = QUERY, timeout: float = 30.0, *, via: httpx.Client | None = None) -> Answer:
    session = via or client()
    started = time.monotonic()
    try:
        response = session.post(f"{base}/graphql", json={"query": query}, timeout=timeout)
    except httpx.TransportError as e:
        return Answer(0, type(e).__name__, time.monotonic() - started)
    finally:
        if via is None:
            session.close()
    seconds = time.monotonic() - started
    try:
        errors = response.json().get("errors")
    except ValueError:
        return Answer(response.status_code, f"HTTP_{response.status_code}", seconds)
    code = errors[0].get("extensions", {}).get("code", "UNCODED") if errors else "OK"
    return Answer(response.status_code, code, seconds)


def wait_for(predicate: Callable[[], bool], timeout: float, poll: float = 0.02) -> float | None:
    """Seconds until `predicate()` holds, or None if it did not within `timeout`."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if predicate():
            return time.monotonic() - started
        time.sleep(poll)
    return None


def freeze(pid: int) -> None:
    os.kill(pid, signal.SIGSTOP)


def thaw(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGCONT)
