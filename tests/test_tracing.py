"""OpenTelemetry tracing through the real app on both engines: a request that carries a `traceparent` gives a
request span, an operation span and statement spans in that trace, with names but no values; off by default, when
nothing of OpenTelemetry is imported."""

import json
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind

from graph_service.app import create_app
from graph_service.config import Settings
from graph_service.errors import ConfigError
from graph_service.operations.spans import Tracing
from graph_service.operations.tracing import start_tracing, tracing_mode
from graph_service.queries import Q
from graph_service.store import Store

TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"
PARENT_ID = "00f067aa0ba902b7"
TRACEPARENT = f"00-{TRACE_ID}-{PARENT_ID}-01"
SLUG = "barbell-hip-thrust"
PAGE = """query ExercisePage($slug: String!, $first: Int!) {
  exercise(slug: $slug) { name targets { slug } alternatives(first: $first) { exercise { slug } } }
}"""
STATEMENTS = {q.value for q in Q}


@pytest.fixture
def exporter() -> Iterator[InMemorySpanExporter]:
    found = InMemorySpanExporter()
    yield found
    found.shutdown()


@asynccontextmanager
async def traced(store: Store, settings: Settings, exporter: InMemorySpanExporter) -> AsyncIterator[httpx.AsyncClient]:
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    app = create_app(settings, store=store, clock=lambda: 0.0, tracing=Tracing(provider))
    try:
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
                yield client
    finally:
        provider.shutdown()


def by_id(spans: tuple[ReadableSpan, ...]) -> dict[int, ReadableSpan]:
    return {span.context.span_id: span for span in spans}


def ancestors(span: ReadableSpan, spans: dict[int, ReadableSpan]) -> list[ReadableSpan]:
    found = []
    while span.parent is not None and span.parent.span_id in spans:
        span = spans[span.parent.span_id]
        found.append(span)
    return found


def attribute_values(spans: tuple[ReadableSpan, ...]) -> list[str]:
    values = [str(v) for span in spans for v in (span.attributes or {}).values()]
    values += [str(span.status.description) for span in spans]
    return values + [str(v) for span in spans for event in span.events for v in (event.attributes or {}).values()]


async def test_a_traced_request_gives_request_operation_and_statement_spans_in_its_trace(
    kb_store: Store, settings: Settings, exporter: InMemorySpanExporter
) -> None:
    async with traced(kb_store, settings, exporter) as client:
        response = await client.post(
            "/graphql",
            json={"query": PAGE, "variables": {"slug": SLUG, "first": 3}},
            headers={"traceparent": TRACEPARENT},
        )
    assert response.status_code == 200 and "errors" not in response.json(), response.text
    assert response.headers["x-request-id"] == TRACE_ID
    spans = exporter.get_finished_spans()
    assert {format(span.context.trace_id, "032x") for span in spans} == {TRACE_ID}
    (request,) = [span for span in spans if span.kind is SpanKind.SERVER]
    assert request.name == "POST /graphql" and request.parent is not None
    assert format(request.parent.span_id, "016x") == PARENT_ID and request.parent.is_remote
    (operation,) = [span for span in spans if span.name == "query ExercisePage"]
    assert operation.parent is not None and operation.parent.span_id == request.context.span_id
    assert (operation.attributes or {})["graphql.operation.name"] == "ExercisePage"
    statements = [span for span in spans if span.kind is SpanKind.CLIENT]
    assert statements and {span.name for span in statements} <= STATEMENTS
    everything = by_id(spans)
    for statement in statements:
        assert operation in ancestors(statement, everything), statement.name
        assert (statement.attributes or {})["db.system.name"] == kb_store.engine
    # Names, never values: neither the variables nor the document reach a span.
    values = attribute_values(spans)
    assert not [v for v in values if SLUG in v or "alternatives(" in v]


async def test_a_get_request_keeps_its_query_string_out_of_the_spans(
    kb_store: Store, settings: Settings, exporter: InMemorySpanExporter
) -> None:
    params = {"query": PAGE, "variables": json.dumps({"slug": SLUG, "first": 2})}
    async with traced(kb_store, settings, exporter) as client:
        response = await client.get("/graphql", params=params, headers={"traceparent": TRACEPARENT})
    assert response.json()["data"]["exercise"]["name"] == "Barbell Hip Thrust"
    spans = exporter.get_finished_spans()
    assert any(span.kind is SpanKind.CLIENT for span in spans)
    assert not [v for v in attribute_values(spans) if SLUG in v or "variables" in v]


async def test_a_failing_operation_marks_its_span_with_the_code_only(
    kb_store: Store, settings: Settings, exporter: InMemorySpanExporter
) -> None:
    async with traced(kb_store, settings, exporter) as client:
        answer = await client.post("/graphql", json={"query": 'query Nope { exercise(slug: "x") { nope } }'})
    assert answer.json()["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    (operation,) = [span for span in exporter.get_finished_spans() if span.name == "query Nope"]
    assert operation.status.description == "GRAPHQL_VALIDATION_FAILED"


async def test_probes_are_not_traced(kb_store: Store, settings: Settings, exporter: InMemorySpanExporter) -> None:
    async with traced(kb_store, settings, exporter) as client:
        assert (await client.get("/healthz")).status_code == 200
        assert (await client.get("/readyz")).status_code == 200
    assert [span for span in exporter.get_finished_spans() if span.kind is SpanKind.SERVER] == []


@pytest.mark.parametrize(
    ("tracing", "environ", "mode"),
    [
        (None, {}, "off"),
        (None, {"OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:4318"}, "otlp"),
        (None, {"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "http://127.0.0.1:4318/v1/traces"}, "otlp"),
        (None, {"OTEL_EXPORTER_OTLP_ENDPOINT": "http://x:4318", "OTEL_SDK_DISABLED": "true"}, "off"),
        ("off", {"OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:4318"}, "off"),
        ("console", {}, "console"),
    ],
)
def test_tracing_runs_only_when_configured(tracing: str | None, environ: dict[str, str], mode: str) -> None:
    assert tracing_mode(Settings(tracing=tracing), environ) == mode  # type: ignore[arg-type]


def test_without_the_extra_a_configured_tracing_fails_at_start_up(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "opentelemetry.instrumentation.asgi", None)
    monkeypatch.delitem(sys.modules, "graph_service.operations.spans")
    with pytest.raises(ConfigError, match=r"pip install 'graph-service\[tracing\]'"):
        start_tracing(Settings(tracing="console"))


OFF = """
import sys
from graph_service.app import create_app
from graph_service.cli import app
from graph_service.config import Settings
served = create_app(Settings(neo4j_uri=None, embedded_db_path=sys.argv[1]))
print(sorted(m for m in sys.modules if m.startswith("opentelemetry") or m == "graph_service.operations.spans"))
print([m.cls.__name__ for m in served.user_middleware])
"""


def test_with_tracing_off_nothing_of_opentelemetry_is_imported(tmp_path: Any) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", OFF, str(tmp_path / "graph.db")], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    imported, middleware = result.stdout.splitlines()
    assert imported == "[]"
    assert "OpenTelemetryMiddleware" not in middleware and "ServiceGuard" in middleware
