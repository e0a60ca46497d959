"""OpenTelemetry spans, when tracing runs (graph_service.operations.tracing decides): one for each HTTP request
(the ASGI instrumentation, which continues the trace of an incoming `traceparent`), one for each GraphQL operation
with Strawberry's extension below it (parsing, validation, resolvers), and one for each statement sent to the
engine, named by its Cypher file.

Spans carry names, never values: no query string, no GraphQL document or argument, no statement parameter.
"""

import hashlib
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager
from typing import Any, Self

from graphql import GraphQLResolveInfo
from opentelemetry import context as otel_context
from opentelemetry import trace
from opentelemetry.instrumentation.asgi import OpenTelemetryMiddleware
from opentelemetry.sdk.resources import SERVICE_NAME, SERVICE_VERSION, Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, ConsoleSpanExporter, SpanExporter
from opentelemetry.trace import SpanKind, Status, StatusCode
from starlette.middleware import Middleware
from starlette.types import ASGIApp, Receive, Scope, Send
from strawberry.extensions import LifecycleStep, SchemaExtension
from strawberry.extensions.tracing import OpenTelemetryExtension

from graph_service import __version__
from graph_service.operations.logs import TRACE_ID

SERVICE = "graph-service"
# Probes and scrapes answer every few seconds: spans of them would drown the requests'.
UNTRACED_PATHS = "/healthz,/readyz,/metrics"
HIDDEN_QUERY_STRING = "graph_service.query_string"


class OperationSpans(OpenTelemetryExtension):
    """Strawberry's extension with an operation span of the service's own: named `query Name` once the document is
    parsed, current while the operation runs (so statements sent outside resolvers belong to it too), carrying the
    operation's name and type, the document's SHA-256 and the first error's code, but neither the document nor
    argument values, which hold what users typed."""

    def __init__(self, *, tracer_provider: trace.TracerProvider) -> None:
        super().__init__(tracer_provider=tracer_provider, arg_filter=_no_arguments)

    def on_operation(self) -> Generator[None, None, None]:
        context = self.execution_context
        span = self._tracer.start_span("GraphQL operation", kind=SpanKind.INTERNAL)
        span.set_attribute("component", "graphql")
        if context.query:
            span.set_attribute("graphql.document.sha256", hashlib.sha256(context.query.encode()).hexdigest())
        self._span_holder[LifecycleStep.OPERATION] = span
        token = otel_context.attach(trace.set_span_in_context(span))
        try:
            yield
        finally:
            otel_context.detach(token)
            _describe_operation(span, context)
            span.end()


def _no_arguments(args: dict[str, Any], info: GraphQLResolveInfo[Any]) -> dict[str, Any]:
    return {}


def _describe_operation(span: trace.Span, context: Any) -> None:
    name = context.operation_name
    try:
        kind = context.operation_type.value
    except Exception:  # no document, or one that did not parse: the span keeps its first name
        kind = None
    if kind:
        span.update_name(f"{kind} {name}" if name else kind)
        span.set_attribute("graphql.operation.type", kind)
    if name:
        span.set_attribute("graphql.operation.name", name)
    errors = getattr(context.result, "errors", None)
    if errors:
        code = (errors[0].extensions or {}).get("code")
        span.set_status(Status(StatusCode.ERROR, code if isinstance(code, str) else "INTERNAL_SERVER_ERROR"))


class HideQueryString:
    """Outside the ASGI instrumentation: it would put the query string, a GET request's document and variables,
    in the request span's attributes. RevealQueryString gives it back inside."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("query_string"):
            scope = {**scope, HIDDEN_QUERY_STRING: scope["query_string"], "query_string": b""}
        await self.app(scope, receive, send)


class RevealQueryString:
    """Inside the instrumentation: the query string back, and the request span's trace id for the log lines."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if HIDDEN_QUERY_STRING in scope:
            scope = {**scope, "query_string": scope[HIDDEN_QUERY_STRING]}
            del scope[HIDDEN_QUERY_STRING]
        span = trace.get_current_span().get_span_context()
        if not span.is_valid:
            await self.app(scope, receive, send)
            return
        token = TRACE_ID.set(trace.format_trace_id(span.trace_id))
        try:
            await self.app(scope, receive, send)
        finally:
            TRACE_ID.reset(token)


class Tracing:
    """The spans of one app, from a tracer provider of its own (no global provider is set)."""

    def __init__(self, provider: trace.TracerProvider, *, owned: bool = False) -> None:
        self.provider = provider
        self.tracer = provider.get_tracer("graph_service", __version__)
        self.owned = owned

    @classmethod
    def exporting(cls, mode: str) -> Self:
        """A provider that sends spans in batches over OTLP (configured by the SDK's OTEL_* variables) or prints
        them (`console`). OTEL_SERVICE_NAME names the service, `graph-service` by default."""
        resource = Resource.create({SERVICE_VERSION: __version__})
        if str(resource.attributes.get(SERVICE_NAME, "")).startswith("unknown_service"):
            resource = resource.merge(Resource({SERVICE_NAME: SERVICE}))
        provider = TracerProvider(resource=resource)
        provider.add_span_processor(BatchSpanProcessor(_exporter(mode)))
        return cls(provider, owned=True)

    def middleware(self) -> list[Middleware]:
        return [
            Middleware(HideQueryString),
            Middleware(
                OpenTelemetryMiddleware,
                tracer_provider=self.provider,
                excluded_urls=UNTRACED_PATHS,
                exclude_spans=["receive", "send"],
            ),
            Middleware(RevealQueryString),
        ]

    def operation_spans(self) -> Callable[[], SchemaExtension]:
        return lambda: OperationSpans(tracer_provider=self.provider)

    # graph_service.store.base.StatementTracer
    @contextmanager
    def statement(self, name: str, *, engine: str, write: bool) -> Iterator[trace.Span]:
        """A span in the running request's trace; none outside one (start-up, the load watch's poll every second),
        whose lone spans would only crowd the traces."""
        if not trace.get_current_span().get_span_context().is_valid:
            yield trace.INVALID_SPAN
            return
        attributes: dict[str, str | bool] = {"db.system.name": engine, "db.query.summary": name, "graph.write": write}
        with self.tracer.start_as_current_span(
            name,
            kind=SpanKind.CLIENT,
            attributes=attributes,
            # An exception's message may quote a value: the span gets the error's code only.
            record_exception=False,
            set_status_on_exception=False,
        ) as span:
            try:
                yield span
            except BaseException as e:
                span.set_status(Status(StatusCode.ERROR, str(getattr(e, "code", type(e).__name__))))
                raise

    def shutdown(self) -> None:
        """Send what is left and stop the exporter, for a provider this app made."""
        if self.owned and isinstance(self.provider, TracerProvider):
            self.provider.shutdown()


def _exporter(mode: str) -> SpanExporter:
    if mode == "console":
        return ConsoleSpanExporter()
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

    return OTLPSpanExporter()
