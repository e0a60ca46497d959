"""Expected failures reach clients with a stable `extensions.code`; anything else is masked."""

import logging
from collections.abc import Iterator

from graphql import ExecutionResult as GraphQLExecutionResult
from graphql.error import GraphQLError, GraphQLSyntaxError
from strawberry.exceptions import MissingQueryError
from strawberry.extensions import SchemaExtension
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
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
    given = (error.extensions or {}).get("code")
    if original is None and (given or error.path is None):
        # Parse and validation errors speak about the client's own document; keep their words.
        default = "GRAPHQL_PARSE_FAILED" if isinstance(error, GraphQLSyntaxError) else "GRAPHQL_VALIDATION_FAILED"
        return _with_code(error, error.message, given or default)
    if isinstance(original, GraphQLError) and error.path is None:
        # graphql-core refusing a variable's value: its message names the variable and what was wrong.
        return _with_code(error, error.message, "BAD_USER_INPUT")
    if original is None:
        # Located but raised by graphql-core itself: a value the schema cannot represent, the service's fault.
        log.error("unrepresentable result at %s: %s", error.path, error.message)
        return _with_code(error, MASKED, "INTERNAL_SERVER_ERROR")
    if isinstance(original, StoreUnavailable):
        log.warning("store unavailable: %s", original)
        return _with_code(error, UNAVAILABLE, original.code)
    if isinstance(original, GraphServiceError) and original.code != "INTERNAL_SERVER_ERROR":
        log.info("%s at %s: %s", original.code, error.path, original)  # expected: one line, no traceback
        return _with_code(error, str(original), original.code)
    log.error("unexpected error in %s", error.path, exc_info=original)
    return _with_code(error, MASKED, "INTERNAL_SERVER_ERROR")


class ErrorCodes(SchemaExtension):
    def on_operation(self) -> Iterator[None]:
        try:
            yield
        except GraphQLError as e:
            # Raised by a hook before execution (parsing, graph_service.api.document_limits): Strawberry answers it
            # as it is, without the result below.
            raise classify(e) from None
        except (CannotGetOperationTypeError, InvalidOperationTypeError, MissingQueryError):
            raise  # the HTTP view answers these (an unknown operation name, a mutation over GET, no document)
        except Exception as e:
            log.error("unexpected error before execution", exc_info=e)
            raise GraphQLError(MASKED, extensions={"code": "INTERNAL_SERVER_ERROR"}) from None
        result = self.execution_context.result
        if isinstance(result, GraphQLExecutionResult | ExecutionResult) and result.errors:
            result.errors = [classify(e) for e in result.errors]
