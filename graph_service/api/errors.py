"""Expected failures reach clients with a stable `extensions.code`; anything else is masked."""

import logging
from collections.abc import Iterator

from graphql import ExecutionResult as GraphQLExecutionResult
from graphql.error import GraphQLError
from strawberry.extensions import SchemaExtension
from strawberry.types.execution import ExecutionResult

from graph_service.errors import GraphServiceError, StoreUnavailable

log = logging.getLogger(__name__)

MASKED = "Unexpected error."
UNAVAILABLE = "The exercise graph is unavailable right now; try again shortly."


def _with_code(error: GraphQLError, message: str, code: str) -> GraphQLError:
    return GraphQLError(
        message=message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        extensions={**(error.extensions or {}), "code": code},
    )


def classify(error: GraphQLError) -> GraphQLError:
    original = error.original_error
    if original is None:
        # Parse and validation errors speak about the client's own document; keep their words.
        return _with_code(error, error.message, (error.extensions or {}).get("code", "GRAPHQL_VALIDATION_FAILED"))
    if isinstance(original, StoreUnavailable):
        log.warning("store unavailable: %s", original)
        return _with_code(error, UNAVAILABLE, original.code)
    if isinstance(original, GraphServiceError) and original.code != "INTERNAL_SERVER_ERROR":
        return _with_code(error, str(original), original.code)
    log.error("unexpected error in %s", error.path, exc_info=original)
    return _with_code(error, MASKED, "INTERNAL_SERVER_ERROR")


class ErrorCodes(SchemaExtension):
    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if isinstance(result, GraphQLExecutionResult | ExecutionResult) and result.errors:
            result.errors = [classify(e) for e in result.errors]
