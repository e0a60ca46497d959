"""The processes a benchmark run starts: each on 127.0.0.1, in its own process group, stopped when done."""

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from graph_service.config import PROJECT_ROOT

HOST = "127.0.0.1"
READY_TIMEOUT_S = 120.0
STOP_TIMEOUT_S = 20.0
PROBE = json.dumps({"query": "{ __typename }"}).encode()


@dataclass(frozen=True)
class Server:
    name: str
    port: int
    process: subprocess.Popen[bytes]
    log: Path

    @property
    def graphql_url(self) -> str:
        return f"http://{HOST}:{self.port}/graphql"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def answers(url: str, body: bytes | None = None, timeout: float = 2.0) -> bool:
    request = urllib.request.Request(url, data=body, headers={"content-type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return int(response.status) == 200
    except (urllib.error.URLError, OSError):
        return False


def post_json(url: str, body: Mapping[str, object], timeout: float = 30.0) -> dict[str, object]:
    data = json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, headers={"content-type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return dict(json.loads(response.read()))


def spawn(
    command: list[str], *, env: Mapping[str, str], log: Path, cwd: Path = PROJECT_ROOT
) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:
        return subprocess.Popen(
            command,
            cwd=cwd,
            env={**os.environ, **env},
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so stopping it also stops its workers
        )


def wait_until(process: subprocess.Popen[bytes], url: str, *, body: bytes | None, log: Path, poll_s: float) -> float:
    """Seconds until `url` answers 200; raise with the log's tail if the process exits or time runs out."""
    started = time.perf_counter()
    while not answers(url, body, timeout=max(poll_s * 10, 1.0)):
        if process.poll() is not None or time.perf_counter() - started > READY_TIMEOUT_S:
            tail = "\n".join(log.read_text(errors="replace").splitlines()[-25:])
            stop(process)
            raise RuntimeError(f"{process.args!r} did not get ready (log {log}):\n{tail}")
        time.sleep(poll_s)
    return time.perf_counter() - started


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@contextlib.contextmanager
def serving(
    name: str,
    command: list[str],
    *,
    env: Mapping[str, str],
    log: Path,
    port: int,
    ready_path: str = "/readyz",
    cwd: Path = PROJECT_ROOT,
) -> Iterator[Server]:
    process = spawn(command, env=env, log=log, cwd=cwd)
    try:
        body = PROBE if ready_path == "/graphql" else None
        wait_until(process, f"http://{HOST}:{port}{ready_path}", body=body, log=log, poll_s=0.1)
        yield Server(name, port, process, log)
    finally:
        stop(process)


def graph_service_command() -> list[str]:
    """`graph-service serve` from the same environment as this process."""
    script = Path(sys.executable).with_name("graph-service")
    return (
        [str(script), "serve"]
        if script.exists()
        else [sys.executable, "-c", "from graph_service.cli import app; app()", "serve"]
    )


def service_env(*, port: int, workers: int, neo4j_uri: str | None, db_path: Path | None = None) -> dict[str, str]:
    """Production settings: no GraphiQL, loopback only; the embedded engine on a pre-seeded file, no seeding."""
    env = {"HOST": HOST, "PORT": str(port), "WORKERS": str(workers), "GRAPHIQL": "false", "NEO4J_PASSWORD": ""}
    if neo4j_uri:
        env["NEO4J_URI"] = neo4j_uri
    else:
        env["NEO4J_URI"] = ""
        env["SEED_IF_EMPTY"] = "false"
    if db_path is not None:
        env["EMBEDDED_DB_PATH"] = str(db_path)
    return env
