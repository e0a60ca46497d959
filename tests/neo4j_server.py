"""Run a real Neo4j 5.26 Community server for tests, without Docker.

The tests need real Neo4j behaviour (Cypher, uniqueness constraints, Lucene
full-text indexes), which fakes cannot provide, and Docker is not available
everywhere the tests run. So ``tests/neo4j_launcher`` is a tiny Maven project
that starts an *embedded* Neo4j DBMS with a Bolt connector on 127.0.0.1 (port
chosen by the OS, auth disabled). It prints ``BOLT_PORT=<port>`` once the
default database is available and shuts down cleanly when its stdin is closed
(so it also goes away if the test process dies) or on SIGTERM.

Usage::

    build_launcher()
    with running_neo4j(tmp_path / "neo4j") as uri:   # "bolt://127.0.0.1:<port>"
        driver = GraphDatabase.driver(uri, auth=None)

    server = launch_neo4j(tmp_path / "neo4j", port=7699)   # fault tests: kill it, launch it again the same way

Needs ``java`` (17+) and, for the first build, ``mvn`` with access to Maven Central.
"""

from __future__ import annotations

import contextlib
import os
import selectors
import shutil
import subprocess
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from neo4j import GraphDatabase
from neo4j.exceptions import ServiceUnavailable, SessionExpired, TransientError

LAUNCHER_DIR = Path(__file__).resolve().parent / "neo4j_launcher"
MAIN_CLASS = "graphservice.testing.Neo4jLauncher"
JVM_OPTIONS = [
    "-Xms256m",
    "-Xmx512m",
    # Lets the page cache use direct buffers efficiently (avoids a warning in debug.log).
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
]
TEST_GC = "-XX:+UseSerialGC"
STARTUP_TIMEOUT_S = 120.0
SHUTDOWN_TIMEOUT_S = 30.0
LOG_NAME = "neo4j-launcher.log"


def _newest_source_mtime(project: Path) -> float:
    sources = [project / "pom.xml", *(p for p in (project / "src").rglob("*") if p.is_file())]
    return max(p.stat().st_mtime for p in sources)


def build_launcher() -> Path:
    """Build the launcher with Maven if it is missing or stale; return its project dir."""
    classes = LAUNCHER_DIR / "target" / "classes"
    dependencies = LAUNCHER_DIR / "target" / "dependency"
    if classes.is_dir() and dependencies.is_dir() and classes.stat().st_mtime >= _newest_source_mtime(LAUNCHER_DIR):
        return LAUNCHER_DIR
    mvn = shutil.which("mvn")
    if mvn is None:
        raise RuntimeError("mvn not found on PATH; needed to build tests/neo4j_launcher")
    result = subprocess.run(
        [mvn, "-q", "-B", "package"],
        cwd=LAUNCHER_DIR,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    if result.returncode != 0:
        raise RuntimeError(f"Maven build of {LAUNCHER_DIR} failed (exit {result.returncode}):\n{result.stdout}")
    # Mark the build as fresh even if Maven had nothing to recompile (e.g. only pom.xml changed).
    os.utime(classes)
    return LAUNCHER_DIR


def _java() -> str:
    java_home = os.environ.get("JAVA_HOME")
    return str(Path(java_home) / "bin" / "java") if java_home else "java"


def _log_tail(log_path: Path, lines: int = 40) -> str:
    try:
        text = log_path.read_text(errors="replace")
    except OSError:
        return "(no launcher log)"
    return "\n".join(text.splitlines()[-lines:]) or "(launcher log is empty)"


def _read_bolt_port(proc: subprocess.Popen[bytes], deadline: float) -> int:
    """Read the launcher's stdout until ``BOLT_PORT=<port>``; raise on exit or timeout."""
    assert proc.stdout is not None
    fd = proc.stdout.fileno()
    buffer = b""
    with selectors.DefaultSelector() as selector:
        selector.register(fd, selectors.EVENT_READ)
        while True:
            while b"\n" in buffer:
                line, buffer = buffer.split(b"\n", 1)
                text = line.decode(errors="replace").strip()
                if text.startswith("BOLT_PORT="):
                    return int(text.removeprefix("BOLT_PORT="))
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("no BOLT_PORT line before the deadline")
            if selector.select(timeout=remaining):
                chunk = os.read(fd, 4096)
                if not chunk:
                    raise EOFError(f"launcher exited early (exit code {proc.wait()})")
                buffer += chunk


def _wait_for_bolt(uri: str, proc: subprocess.Popen[bytes], deadline: float) -> None:
    """Retry until a Cypher statement is answered (as the compose healthcheck asks), with a short backoff, or the
    deadline passes. A started server answers Bolt's handshake long before its first statement: that one loads
    Cypher's runtime, which takes seconds on a busy host, and would otherwise be charged to the first client."""
    backoff = 0.05
    with GraphDatabase.driver(uri, auth=None) as driver:
        while True:
            try:
                driver.verify_connectivity()
                driver.execute_query("RETURN 1 AS ok")
                return
            except (ServiceUnavailable, SessionExpired, TransientError) as error:
                if proc.poll() is not None:
                    raise EOFError(f"launcher exited (exit code {proc.returncode})") from error
                if time.monotonic() + backoff > deadline:
                    raise TimeoutError(f"Bolt not ready at {uri}: {error}") from error
            time.sleep(backoff)
            backoff = min(backoff * 2, 0.5)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """Close stdin (the launcher's shutdown signal), then escalate to SIGTERM and SIGKILL."""
    with contextlib.suppress(OSError):
        if proc.stdin is not None:
            proc.stdin.close()
    try:
        proc.wait(timeout=SHUTDOWN_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    if proc.stdout is not None:
        proc.stdout.close()


@dataclass
class Neo4jProcess:
    """A launched server: fault tests freeze it (SIGSTOP), kill it, and launch it again on the same port and home."""

    process: subprocess.Popen[bytes]
    uri: str
    data_dir: Path

    @property
    def port(self) -> int:
        return int(self.uri.rsplit(":", 1)[1])

    def stop(self) -> None:
        _stop(self.process)


def launch_neo4j(data_dir: Path, jvm_options: Sequence[str] = (), *, port: int = 0) -> Neo4jProcess:
    """Start Neo4j with its home in ``data_dir`` (Bolt on ``port``, 0 for one the OS picks) and return once Bolt
    answers; the caller stops it (``Neo4jProcess.stop``)."""
    project = build_launcher()
    data_dir = Path(data_dir).resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    log_path = data_dir / LOG_NAME
    classpath = os.pathsep.join([str(project / "target" / "classes"), str(project / "target" / "dependency" / "*")])
    # The serial collector suits a small test heap; a caller choosing its own collector gets only that one.
    gc = [] if any(o.startswith("-XX:+Use") and o.endswith("GC") for o in jvm_options) else [TEST_GC]
    command = [_java(), *JVM_OPTIONS, *gc, *jvm_options, "-cp", classpath, MAIN_CLASS, str(data_dir), str(port)]
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    with log_path.open("ab") as log:
        proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log)
    try:
        bolt_port = _read_bolt_port(proc, deadline)
        uri = f"bolt://127.0.0.1:{bolt_port}"
        _wait_for_bolt(uri, proc, deadline)
    except (EOFError, TimeoutError) as error:
        _stop(proc)
        raise RuntimeError(
            f"Neo4j launcher failed to start: {error}\n"
            f"command: {' '.join(command)}\n"
            f"--- tail of {log_path} (Neo4j logs: {data_dir / 'logs'}) ---\n"
            f"{_log_tail(log_path)}"
        ) from error
    except BaseException:
        _stop(proc)
        raise
    return Neo4jProcess(proc, uri, data_dir)


@contextlib.contextmanager
def running_neo4j(data_dir: Path, jvm_options: Sequence[str] = (), *, port: int = 0) -> Iterator[str]:
    """Start Neo4j with its home in ``data_dir`` and yield ``bolt://127.0.0.1:<port>``.

    ``jvm_options`` follow the defaults, so a benchmark can raise the heap (``-Xmx2g``) or the page cache
    (``-Dneo4j.pagecache.mb=1024``) for a bigger graph. ``port`` fixes Bolt's port (0: one the OS picks).

    The launcher's stderr goes to ``data_dir/neo4j-launcher.log``; Neo4j's own logs are
    in ``data_dir/logs``. The server is stopped when the context exits.
    """
    server = launch_neo4j(data_dir, jvm_options, port=port)
    try:
        yield server.uri
    finally:
        server.stop()
