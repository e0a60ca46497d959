"""/graphql over HTTP as frontends use it: GraphQL over HTTP's media types and status codes, coded request
errors, batches, persisted documents, and cacheable GET queries.

Strawberry's ASGI view parses requests and runs operations; this subclass adds
- `Accept: application/graphql-response+json`: a request error (no `data`: the document did not parse or
  validate, variables did not coerce, the operation was not found) gets 400 and that media type; with
  `application/json` GraphQL-shaped answers stay 200, as the spec asks for older clients;
- a JSON error body with `extensions.code` for every request refused before GraphQL runs;
- a JSON array of operations in one POST, at most `BATCH_MAX_OPERATIONS`, each with its own result;
- persisted documents (graph_service.http.persisted), over POST and GET;
- GET only for queries (405 otherwise); GET answers carry `Cache-Control` and an ETag, and `If-None-Match` gets
  304 before anything runs (graph_service.http.caching); POST answers are `no-store`.
"""

import hashlib
from dataclasses import dataclass, field
from typing import Any

from cross_web import AsyncHTTPRequestAdapter, HTTPException
from graphql import GraphQLError, GraphQLSyntaxError
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send
from strawberry.asgi import GraphQL
from strawberry.exceptions import MissingQueryError
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData, GraphQLRequestProtocol, process_result
from strawberry.http.base import BaseRequestProtocol
from strawberry.schema.base import BaseSchema
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.types import ExecutionResult, SubscriptionExecutionResult
from strawberry.types.execution import PreExecutionError
from strawberry.types.graphql import OperationType

from graph_service import __version__
from graph_service.errors import GraphServiceError
from graph_service.http import caching
from graph_service.http.graphiql import GraphiQLPage
from graph_service.http.persisted import DocumentRefused, PersistedDocuments

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"
# Strawberry's own refusals carry no code: theirs by status.
HTTP_CODES = {404: "NOT_FOUND", 405: "METHOD_NOT_ALLOWED", 415: "UNSUPPORTED_MEDIA_TYPE"}
MISSING_QUERY = "GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension."


class RequestError(HTTPException):
    """A request refused before GraphQL runs, answered with a JSON error body carrying `code`."""

    def __init__(self, status: int, reason: str, code: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(status, reason)
        self.code = code
        self.headers = headers or {}


@dataclass
class Outcome:
    """What one request's operations produced, noted as their results are processed."""

    batch: bool = False
    results: int = 0
    errors: bool = False
    # The status a lone request error asks for under GRAPHQL_RESPONSE (None: no request error).
    request_error_status: int | None = None
    codes: list[str] = field(default_factory=list)


def outcome(request: Request) -> Outcome:
    if not hasattr(request.state, "graphql_outcome"):
        request.state.graphql_outcome = Outcome()
    found: Outcome = request.state.graphql_outcome
    return found


def media_type(request: Request) -> str:
    """GRAPHQL_RESPONSE when the client accepts it (GraphQL over HTTP), JSON otherwise."""
    for part in request.headers.get("accept", "").split(","):
        kind, _, params = part.partition(";")
        if kind.strip().lower() == GRAPHQL_RESPONSE and "q=0" not in params.replace(" ", "").split(";"):
            return GRAPHQL_RESPONSE
    return JSON


def is_request_error(result: ExecutionResult) -> bool:
    """No execution started: parse, validation, variable and operation errors carry no path, and no data."""
    return result.data is None and bool(result.errors) and all(e.path is None for e in result.errors or ())


class GraphQLView(GraphQL[Any, None]):
    def __init__(
        self,
        schema: BaseSchema,
        *,
        documents: PersistedDocuments,
        graphiql: GraphiQLPage | None,
        batch_max_operations: int,
        cache_max_age: int,
    ) -> None:
        super().__init__(schema, graphql_ide="graphiql" if graphiql else None)
        self.documents = documents
        self.graphiql = graphiql
        self.batch_max_operations = batch_max_operations
        self.cache_max_age = cache_max_age
        # A new release or schema answers differently over the same graph: its ETags differ too.
        self.release = hashlib.sha256(f"{__version__}\n{schema.as_str()}".encode()).hexdigest()[:16]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        request = Request(scope, receive)
        try:
            response = await self.respond(request)
        except HTTPException as e:
            response = self.error_response(request, e)
        await response(scope, receive, send)

    async def respond(self, request: Request) -> Response:
        tag = None
        if request.method == "GET" and not self.should_render_graphql_ide(self.request_adapter_class(request)):
            try:
                version = await request.app.state.statistics.graph_version()
            except GraphServiceError:
                version = None  # the query itself will say what is wrong; its answer is not cached
            tag = caching.etag(request.query_params, f"{self.release}:{version}") if version is not None else None
            if tag is not None and caching.matches(request.headers.get("if-none-match"), tag):
                return Response(status_code=304, headers=caching.cacheable_headers(tag, self.cache_max_age))
        response = await self.run(request)
        done = outcome(request)
        if not done.results:  # GraphiQL's page
            return response
        kind = media_type(request)
        response.headers["content-type"] = f"{kind}; charset=utf-8"
        if kind == GRAPHQL_RESPONSE and not done.batch and done.request_error_status is not None:
            response.status_code = done.request_error_status
        if tag is not None and not done.errors and response.status_code == 200:
            response.headers.update(caching.cacheable_headers(tag, self.cache_max_age))
        else:
            response.headers.update(caching.UNCACHEABLE)
        return response

    def error_response(self, request: Request, error: HTTPException) -> Response:
        code = error.code if isinstance(error, RequestError) else HTTP_CODES.get(error.status_code, "BAD_REQUEST")
        headers = {**(error.headers if isinstance(error, RequestError) else {}), **caching.UNCACHEABLE}
        body = self.encode_json({"errors": [{"message": error.reason, "extensions": {"code": code}}]})
        return Response(body, status_code=error.status_code, media_type=media_type(request), headers=headers)

    def should_render_graphql_ide(self, request: BaseRequestProtocol) -> bool:
        # A GET that carries only a persisted query's hash is an operation, whatever it accepts.
        return super().should_render_graphql_ide(request) and request.query_params.get("extensions") is None

    async def render_graphql_ide(self, request: Request) -> Response:
        assert self.graphiql is not None  # the view renders the IDE only when it has one
        return self.graphiql.response()

    def _validate_batch_request(self, request_data: list[Any], protocol: GraphQLRequestProtocol) -> None:
        # Strawberry hands over the parsed JSON array before it reads its items.
        if not request_data:
            raise RequestError(400, "A batch holds at least one operation.", "BAD_REQUEST")
        if len(request_data) > self.batch_max_operations:
            raise RequestError(
                400,
                f"A batch holds at most {self.batch_max_operations} operations; this one has {len(request_data)}.",
                "BATCH_TOO_LARGE",
            )
        if not all(isinstance(item, dict) for item in request_data):
            raise RequestError(400, "Each operation of a batch is a JSON object.", "BAD_REQUEST")
        if protocol != "http":
            raise RequestError(400, "Batches are answered as one JSON array, not streamed.", "BAD_REQUEST")

    async def execute_operation(
        self,
        request: Request,
        request_adapter: AsyncHTTPRequestAdapter,
        request_data: GraphQLRequestData | list[GraphQLRequestData],
        context: Any,
        root_value: None,
        sub_response: Response,
    ) -> ExecutionResult | list[ExecutionResult] | SubscriptionExecutionResult:
        outcome(request).batch = isinstance(request_data, list)
        return await super().execute_operation(
            request, request_adapter, request_data, context, root_value, sub_response
        )

    async def execute_single(
        self,
        request: Request,
        request_adapter: AsyncHTTPRequestAdapter,
        sub_response: Response,
        context: Any,
        root_value: None,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        try:
            query = self.documents.resolve(request_data.query, request_data.extensions)
        except DocumentRefused as refused:
            error = GraphQLError(refused.message, extensions={"code": refused.code, "status": refused.status})
            return PreExecutionError(data=None, errors=[error])
        if not query:
            raise RequestError(400, MISSING_QUERY, "BAD_REQUEST")
        get = request_adapter.method == "GET"
        try:
            return await self.schema.execute(
                query,
                root_value=root_value,
                variable_values=request_data.variables,
                context_value=context,
                operation_name=request_data.operation_name,
                allowed_operation_types=self.allowed_operation_types(get),
                operation_extensions=request_data.extensions,
            )
        except CannotGetOperationTypeError as e:
            error = GraphQLError(e.as_http_error_reason(), extensions={"code": "OPERATION_RESOLUTION_FAILURE"})
            return PreExecutionError(data=None, errors=[error])
        except InvalidOperationTypeError as e:
            reason = e.as_http_error_reason(request_adapter.method)
            raise RequestError(405, reason, "METHOD_NOT_ALLOWED", {"allow": "POST"}) from e
        except MissingQueryError as e:
            raise RequestError(400, MISSING_QUERY, "BAD_REQUEST") from e

    @staticmethod
    def allowed_operation_types(get: bool) -> set[OperationType]:
        return {OperationType.QUERY} if get else {OperationType.QUERY, OperationType.MUTATION}

    async def process_result(self, request: Request, result: ExecutionResult) -> GraphQLHTTPResponse:
        for error in result.errors or ():
            if not (error.extensions or {}).get("code"):
                # Errors of the document's text reach here without passing the schema's error extension.
                code = "GRAPHQL_PARSE_FAILED" if isinstance(error, GraphQLSyntaxError) else "GRAPHQL_VALIDATION_FAILED"
                error.extensions = {**(error.extensions or {}), "code": code}
        processed = process_result(result)
        done = outcome(request)
        done.results += 1
        errors = result.errors or []
        done.errors = done.errors or bool(errors)
        done.codes.extend(str((e.extensions or {}).get("code")) for e in errors)
        if is_request_error(result):
            # A request error has no `data` entry at all (GraphQL spec, "Response").
            processed.pop("data", None)
            statuses = {int((e.extensions or {}).pop("status", 400)) for e in errors}
            done.request_error_status = max(statuses)
            processed["errors"] = [e.formatted for e in errors]
        return processed
