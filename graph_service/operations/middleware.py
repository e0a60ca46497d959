"""The service's own guard around every request: a request id, a bound on GraphQL requests in flight, the load
gate, a per-request deadline, metrics and the access log. Pure ASGI, so it adds no task or copy per request."""

import asyncio
import json
import logging
import re
import time
import uuid
from typing import Any

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graph_service.config import Settings
from graph_service.operations.logs import REQUEST_ID
from graph_service.operations.metrics import Metrics
from graph_service.operations.outcome import OK, outcomes
from graph_service.operations.probes import LOADING

access = logging.getLogger("graph_service.access")

GRAPHQL_PATH = "/graphql"
REQUEST_ID_HEADER = "x-request-id"
CLIENT_REQUEST_ID = re.compile(r"[A-Za-z0-9._:/+=-]{1,128}")
TRACEPARENT = re.compile(r"[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}")

OVERLOADED_MESSAGE = "The service is serving as many requests as it allows; try again shortly."
LOADING_MESSAGE = "The exercise graph is unavailable right now: " + LOADING + "; try again shortly."
TIMEOUT_MESSAGE = "The request took longer than the service allows ({seconds:.1f} s)."


def request_id(scope: Scope) -> str:
    """The client's `x-request-id` if it is a sane token, else the trace id of its `traceparent`, else a new id."""
    headers: dict[bytes, bytes] = dict(scope["headers"])
    given = headers.get(REQUEST_ID_HEADER.encode(), b"").decode("latin-1")
    if CLIENT_REQUEST_ID.fullmatch(given):
        return given
    if match := TRACEPARENT.fullmatch(headers.get(b"traceparent", b"").decode("latin-1").strip()):
        return str(match.group(1))
    return uuid.uuid4().hex


class ServiceGuard:
    def __init__(self, app: ASGIApp, *, settings: Settings, metrics: Metrics) -> None:
        self.app = app
        self.settings = settings
        self.metrics = metrics
        self.in_flight = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid = request_id(scope)
        token = REQUEST_ID.set(rid)
        started = time.perf_counter()
        status = 0

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message).append(REQUEST_ID_HEADER, rid)
            await send(message)

        try:
            if scope["path"] == GRAPHQL_PATH:
                await self._graphql(scope, receive, send_with_id)
            else:
                await self.app(scope, receive, send_with_id)
        finally:
            seconds = time.perf_counter() - started
            found = outcomes(scope)
            if scope["path"] == GRAPHQL_PATH:
                for name, code in found or [(None, OK if status < 400 else f"HTTP_{status}")]:
                    self.metrics.request(name, code, seconds)
            if self.settings.access_log:
                _log_access(scope, status, seconds, found)
            REQUEST_ID.reset(token)

    async def _graphql(self, scope: Scope, receive: Receive, send: Send) -> None:
        retry_after = {"retry-after": str(self.settings.retry_after)}
        if self.in_flight >= self.settings.max_in_flight:
            await self._refuse(scope, send, 503, "OVERLOADED", OVERLOADED_MESSAGE, retry_after)
            return
        if scope["app"].state.load_watch.loading:
            await self._refuse(scope, send, 503, "SERVICE_UNAVAILABLE", LOADING_MESSAGE, retry_after)
            return
        deadline = self.settings.request_deadline
        responded = False

        async def tracking_send(message: Message) -> None:
            nonlocal responded
            responded = True
            await send(message)

        self.in_flight += 1
        self.metrics.in_flight.inc()
        try:
            async with asyncio.timeout(deadline) as timer:
                await self.app(scope, receive, tracking_send)
        except TimeoutError:
            if not timer.expired() or responded:
                raise
            await self._refuse(scope, send, 504, "TIMEOUT", TIMEOUT_MESSAGE.format(seconds=deadline), {})
        finally:
            self.in_flight -= 1
            self.metrics.in_flight.dec()

    async def _refuse(
        self, scope: Scope, send: Send, status: int, code: str, message: str, headers: dict[str, str]
    ) -> None:
        """Answer without running the request: a GraphQL error body with the code, as every client can read."""
        outcomes(scope).append((None, code))
        self.metrics.refusals.labels(code).inc()
        body = json.dumps({"data": None, "errors": [{"message": message, "extensions": {"code": code}}]}).encode()
        raw: list[tuple[bytes, bytes]] = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            *((k.encode(), v.encode()) for k, v in headers.items()),
        ]
        await send({"type": "http.response.start", "status": status, "headers": raw})
        await send({"type": "http.response.body", "body": body})


def _log_access(scope: Scope, status: int, seconds: float, found: list[tuple[str | None, str]]) -> None:
    operation = ",".join(name or "-" for name, _ in found) or "-"
    code = ",".join(code for _, code in found) or "-"
    fields: dict[str, Any] = {
        "method": scope["method"],
        "path": scope["path"],
        "status": status,
        "duration_ms": round(seconds * 1000, 1),
        "operation": operation,
        "code": code,
    }
    access.info(
        "%s %s %s %.1f ms operation=%s code=%s",
        scope["method"],
        scope["path"],
        status,
        seconds * 1000,
        operation,
        code,
        extra=fields,
    )
