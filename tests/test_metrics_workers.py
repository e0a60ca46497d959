"""`graph-service serve` with two Uvicorn workers: whichever worker a scrape reaches, /metrics counts the requests
every worker served (prometheus-client's multiprocess mode, in a folder `serve` makes and removes).

On Neo4j: the embedded engine serves one process, and `serve` refuses several workers on it (test_faults.py).
"""

import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from fault_harness import alive, base_env, children, serving, wait_for
from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.parser import text_string_to_metric_families

from graph_service.operations.multiprocess import shared_metrics

pytestmark = pytest.mark.slow  # starts the service as a process, on Neo4j

QUERY = "query Ping { __typename }"
ROUND = 16
MAX_ROUNDS = 20  # at most 320 requests until both workers have served some


def requests_served(exposition: str) -> float:
    """graph_requests_total for the Ping operation answered OK, read with prometheus-client's own parser."""
    return sum(
        sample.value
        for family in text_string_to_metric_families(exposition)
        for sample in family.samples
        if sample.name == "graph_requests_total" and sample.labels == {"operation": "Ping", "code": "OK"}
    )


def served_by(worker: int, shared: Path, scratch: Path) -> float:
    """What one worker counted: its own counter file alone, read by the library's collector."""
    folder = scratch / str(worker)
    folder.mkdir(exist_ok=True)
    for old in folder.glob("*.db"):
        old.unlink()
    for counter in shared.glob(f"counter_{worker}.db"):
        shutil.copy(counter, folder)
    registry = CollectorRegistry()
    MultiProcessCollector(registry, path=str(folder))  # type: ignore[no-untyped-call]  # untyped in the library
    return requests_served(generate_latest(registry).decode())


def shared_folder(worker: int) -> Path:
    environ = dict(
        entry.split("=", 1) for entry in Path(f"/proc/{worker}/environ").read_text().split("\0") if "=" in entry
    )
    return Path(environ["PROMETHEUS_MULTIPROC_DIR"])


def ask(base: str) -> int:
    """One request on a connection of its own, so that either worker may accept it."""
    return httpx.post(f"{base}/graphql", json={"query": QUERY}, timeout=30).status_code


def test_two_workers_share_their_metrics(neo4j_uri: str, tmp_path: Path) -> None:
    env = base_env(
        neo4j_uri=neo4j_uri, neo4j_user="neo4j", neo4j_password=os.environ.get("NEO4J_PASSWORD", ""), workers=2
    )
    with serving(env, tmp_path / "serve.log") as service:
        found = wait_for(lambda: len(children(service.process.pid, "spawn_main")) == 2, timeout=30)
        assert found is not None, service.log_tail()
        workers = children(service.process.pid, "spawn_main")
        shared = shared_folder(workers[0])
        assert shared_folder(workers[1]) == shared and shared.is_dir()
        sent = 0
        with ThreadPoolExecutor(ROUND) as pool:
            for _ in range(MAX_ROUNDS):
                assert set(pool.map(ask, [service.base] * ROUND)) == {200}
                sent += ROUND
                if all(served_by(worker, shared, tmp_path) > 0 for worker in workers):
                    break
        each = [served_by(worker, shared, tmp_path) for worker in workers]
        assert all(count > 0 for count in each), f"one worker served all {sent} requests: {each}"
        assert sum(each) == sent
        # Every scrape, on a connection of its own and so from either worker, counts all of them.
        scrapes = [httpx.get(f"{service.base}/metrics", timeout=10).text for _ in range(6)]
        assert [requests_served(text) for text in scrapes] == [sent] * 6
    assert wait_for(lambda: not any(alive(worker) for worker in workers), timeout=10) is not None
    assert not shared.exists(), "the shared metrics folder outlived the service"


def test_serve_makes_the_folder_for_several_workers_only_and_removes_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PROMETHEUS_MULTIPROC_DIR", raising=False)
    with shared_metrics(1) as none:
        assert none is None and "PROMETHEUS_MULTIPROC_DIR" not in os.environ
    with shared_metrics(2) as made:
        assert made is not None and made.is_dir() and os.environ["PROMETHEUS_MULTIPROC_DIR"] == str(made)
    assert not made.exists() and "PROMETHEUS_MULTIPROC_DIR" not in os.environ


def test_a_folder_the_operator_names_is_kept_and_emptied_of_the_last_run(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "counter_123.db").write_bytes(b"stale")
    (tmp_path / "notes.txt").write_text("kept")
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))
    with shared_metrics(2) as given:
        assert given == tmp_path and not list(tmp_path.glob("*.db"))
    assert (tmp_path / "notes.txt").read_text() == "kept"
