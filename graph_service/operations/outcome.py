"""What each GraphQL operation of a request came to: its name and its first error's code (OK without errors),
left in the request's scope for graph_service.operations.middleware to count and log."""

import re
from collections.abc import MutableMapping
from typing import Any, cast

from starlette.requests import Request
from strawberry.types import ExecutionResult

OUTCOMES = "graph_outcomes"
OK = "OK"
# The name of a document's first operation, when the request gave no operationName: read from the text, for the
# metrics' label only, so the document is not parsed a second time.
FIRST_OPERATION = re.compile(r"\s*(?:#[^\n]*\n\s*)*(?:query|mutation|subscription)\s+([A-Za-z_][A-Za-z0-9_]*)")


def outcomes(scope: MutableMapping[str, Any]) -> list[tuple[str | None, str]]:
    found: list[tuple[str | None, str]] = scope.setdefault("state", {}).setdefault(OUTCOMES, [])
    return found


class RecordsOutcome:
    """A mixin for Strawberry's GraphQL view (put before it): records each operation's outcome."""

    async def execute_single(
        self,
        request: Request,
        request_adapter: Any,
        sub_response: Any,
        context: Any,
        root_value: Any,
        request_data: Any,
    ) -> ExecutionResult:
        recorded = outcomes(request.scope)
        name: str | None = request_data.operation_name
        if name is None and isinstance(request_data.query, str):
            name = match.group(1) if (match := FIRST_OPERATION.match(request_data.query)) else None
        try:
            view = cast(Any, super())
            result: ExecutionResult = await view.execute_single(
                request, request_adapter, sub_response, context, root_value, request_data
            )
        except Exception:
            # Strawberry's HTTP errors: no query, a method that does not allow the operation (answered with 400).
            recorded.append((name, "BAD_REQUEST"))
            raise
        recorded.append((name, _code(result)))
        return result


def _code(result: ExecutionResult) -> str:
    if not result.errors:
        return OK
    code = (result.errors[0].extensions or {}).get("code")
    return code if isinstance(code, str) else "INTERNAL_SERVER_ERROR"
