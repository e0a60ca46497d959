"""`graph-service serve` as users start it, with tracing configured by the SDK's own variables only: its spans
arrive over OTLP/HTTP at a collector of the test's own (loopback), and its JSON log lines carry their trace id."""

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from fault_harness import HOST, base_env, serving
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import (
    ExportTraceServiceRequest,
    ExportTraceServiceResponse,
)
from opentelemetry.proto.common.v1.common_pb2 import AnyValue

pytestmark = pytest.mark.slow  # starts the service as a process

TRACE_ID = "0af7651916cd43dd8448eb211c80319c"
TRACEPARENT = f"00-{TRACE_ID}-b7ad6b7169203331-01"
QUERY = 'query OnePage { exercise(slug: "push-up") { name targets { slug } } }'


@dataclass(frozen=True)
class Span:
    trace_id: str
    name: str
    attributes: dict[str, object]


def value(given: AnyValue) -> object:
    kind = given.WhichOneof("value")
    return getattr(given, kind) if kind else None


@dataclass
class Collector:
    """The OTLP/HTTP trace endpoint: what it received, as (resource attributes, span) pairs."""

    spans: list[tuple[dict[str, str], Span]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def received(self, body: bytes) -> None:
        request = ExportTraceServiceRequest.FromString(body)
        with self.lock:
            for resource_spans in request.resource_spans:
                resource = {a.key: a.value.string_value for a in resource_spans.resource.attributes}
                for scope in resource_spans.scope_spans:
                    for span in scope.spans:
                        attributes = {a.key: value(a.value) for a in span.attributes}
                        self.spans.append((resource, Span(span.trace_id.hex(), span.name, attributes)))


@pytest.fixture
def collector() -> Iterator[tuple[Collector, str]]:
    found = Collector()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["content-length"]))
            if self.path == "/v1/traces":
                found.received(body)
            answer = ExportTraceServiceResponse().SerializeToString()
            self.send_response(200)
            self.send_header("content-type", "application/x-protobuf")
            self.send_header("content-length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer((HOST, 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield found, f"http://{HOST}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_serve_exports_its_spans_over_otlp_and_logs_their_trace_id(
    collector: tuple[Collector, str], tmp_path: Path
) -> None:
    received, endpoint = collector
    env = base_env(
        embedded_db_path=tmp_path / "graph.db", log_format="json", access_log="true", otel_service_name="graphs-test"
    )
    env |= {"OTEL_EXPORTER_OTLP_ENDPOINT": endpoint, "OTEL_BSP_SCHEDULE_DELAY": "100"}
    log = tmp_path / "serve.log"
    with serving(env, log) as service:
        answer = httpx.post(
            f"{service.base}/graphql", json={"query": QUERY}, headers={"traceparent": TRACEPARENT}, timeout=30
        )
        assert answer.json()["data"]["exercise"]["name"] == "Push-Up"
    # Stopped: the batch processor sent what it held.
    ours = [(resource, span) for resource, span in received.spans if span.trace_id == TRACE_ID]
    names = {span.name for _, span in ours}
    assert {"POST /graphql", "query OnePage"} <= names, names
    statements = [span for _, span in ours if span.attributes.get("db.system.name") == "falkordb"]
    assert statements and all(span.attributes["db.query.summary"] == span.name for span in statements)
    assert {resource["service.name"] for resource, _ in ours} == {"graphs-test"}
    lines = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    (access,) = [line for line in lines if line.get("path") == "/graphql"]
    assert access["trace_id"] == TRACE_ID and access["request_id"] == TRACE_ID
