"""Prometheus metrics of one serving process, in a registry of its own (one per app, never a module global).

With several workers, `serve` gives them a shared folder (graph_service.operations.multiprocess): prometheus-client
then keeps each worker's values in files there, and a scrape of any worker answers the sum over all of them.
"""

import os
import re

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from prometheus_client.multiprocess import MultiProcessCollector, mark_process_dead
from starlette.requests import Request
from starlette.responses import Response

# Operation names come from clients: a label takes a well-formed name only, and only so many distinct ones.
OPERATION_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")
MAX_OPERATION_NAMES = 200
ANONYMOUS = "(anonymous)"
OTHER = "(other)"
LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


class Metrics:
    """Requests by operation and outcome code, their latency, statements by name, in-flight requests, refusals
    and engine restarts. Also the store's observer (graph_service.store.base.StoreObserver)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        # prometheus-client's own variable, read by it when it is imported; set by `serve` for several workers.
        self.shared_dir = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
        self._names: set[str] = set()
        self.requests = Counter(
            "graph_requests",
            "GraphQL requests answered, by operation name and outcome code (OK when no error)",
            ["operation", "code"],
            registry=self.registry,
        )
        self.request_seconds = Histogram(
            "graph_request_seconds",
            "Time to answer a GraphQL request, by operation name",
            ["operation"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.in_flight = Gauge(
            "graph_requests_in_flight",
            "GraphQL requests being served",
            registry=self.registry,
            multiprocess_mode="livesum",  # over the workers alive
        )
        self.refusals = Counter(
            "graph_refusals",
            "Requests refused before execution, by code (OVERLOADED, SERVICE_UNAVAILABLE, TIMEOUT)",
            ["code"],
            registry=self.registry,
        )
        self.statements = Counter(
            "graph_store_statements",
            "Statements sent to the graph engine, by statement name and outcome code",
            ["statement", "code"],
            registry=self.registry,
        )
        self.statement_seconds = Histogram(
            "graph_store_statement_seconds",
            "Time one statement took, by statement name",
            ["statement"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.engine_restarts = Counter(
            "graph_engine_restarts", "Times the embedded engine was restarted after it died", registry=self.registry
        )

    def operation(self, name: str | None) -> str:
        if not name:
            return ANONYMOUS
        if name in self._names:
            return name
        if not OPERATION_NAME.fullmatch(name) or len(self._names) >= MAX_OPERATION_NAMES:
            return OTHER
        self._names.add(name)
        return name

    def request(self, operation: str | None, code: str, seconds: float) -> None:
        label = self.operation(operation)
        self.requests.labels(label, code).inc()
        self.request_seconds.labels(label).observe(seconds)

    # graph_service.store.base.StoreObserver
    def statement(self, name: str, seconds: float, outcome: str) -> None:
        self.statements.labels(name, outcome).inc()
        self.statement_seconds.labels(name).observe(seconds)

    def engine_restarted(self) -> None:
        self.engine_restarts.inc()

    def worker_stopped(self) -> None:
        """A stopping worker's live gauges (requests in flight) leave the sum."""
        if self.shared_dir is not None:
            mark_process_dead(os.getpid(), self.shared_dir)  # type: ignore[no-untyped-call]  # untyped in the library

    def exposition(self) -> bytes:
        if self.shared_dir is None:
            return generate_latest(self.registry)
        # Every worker's files, read afresh for each scrape, as prometheus-client's multiprocess mode prescribes.
        registry = CollectorRegistry()
        MultiProcessCollector(registry, path=self.shared_dir)  # type: ignore[no-untyped-call]  # untyped in the library
        return generate_latest(registry)


async def metrics_endpoint(request: Request) -> Response:
    metrics: Metrics = request.app.state.metrics
    return Response(metrics.exposition(), media_type=CONTENT_TYPE_LATEST)
