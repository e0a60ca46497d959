"""Request bodies checked before the GraphQL view reads them.

A POST body over `MAX_BODY_SIZE` bytes gets 413 (declared or counted as it arrives; the connection is closed, as
the rest of the body is never read). A JSON body that is not UTF-8, names another charset, does not parse, nests
deeper than MAX_JSON_DEPTH, or is neither an object nor an array of objects (a batch) gets 400; so do over-deep
`variables` or `extensions` of a GET. Each refusal is a GraphQL-shaped JSON body with a code, and as the whole body
was read, the connection serves the next request.
"""

import json
from collections.abc import Iterable
from urllib.parse import parse_qsl

from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_JSON_DEPTH = 32  # GraphQL variables nest a few levels; anything near Python's recursion limit is an attack
UTF8 = frozenset({"utf-8", "utf8"})


class Refused(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def _reject_constant(name: str) -> object:
    raise ValueError(f"{name} is not JSON")


def parse_json(text: str | bytes, what: str) -> object:
    """A JSON value no deeper than MAX_JSON_DEPTH; Refused (400) otherwise."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            raise Refused(400, "UNSUPPORTED_ENCODING", f"The {what} is not UTF-8.") from None
    try:
        value = json.loads(text, parse_constant=_reject_constant)
    except RecursionError:
        raise Refused(400, "INVALID_JSON", f"The {what} nests deeper than {MAX_JSON_DEPTH} levels.") from None
    except ValueError as e:
        raise Refused(400, "INVALID_JSON", f"The {what} is not JSON: {e}") from None
    if too_deep(value):
        raise Refused(400, "INVALID_JSON", f"The {what} nests deeper than {MAX_JSON_DEPTH} levels.")
    return value


def too_deep(value: object) -> bool:
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            if depth > MAX_JSON_DEPTH:
                return True
            children: Iterable[object] = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return False


def media_type(content_type: str) -> tuple[str, str | None]:
    """The media type and the charset parameter of a Content-Type, both lower case."""
    media, _, params = content_type.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
    return media.strip().lower(), charset


def check_post(content_type: str, body: bytes) -> None:
    media, charset = media_type(content_type)
    if media != "application/json" and not media.endswith("+json"):
        return  # the view answers other media types itself
    if charset is not None and charset not in UTF8:
        raise Refused(400, "UNSUPPORTED_ENCODING", f"The body's charset is {charset}; only utf-8 is accepted.")
    value = parse_json(body, "body")
    if isinstance(value, list):
        if all(isinstance(item, dict) for item in value):
            return
    elif isinstance(value, dict):
        return
    raise Refused(400, "BAD_REQUEST", "The body must be a JSON object (or an array of them, a batch).")


def check_get(query_string: bytes) -> None:
    for key, value in parse_qsl(query_string.decode("latin-1"), keep_blank_values=True):
        if key in ("variables", "extensions") and value:
            parse_json(value, f"`{key}` parameter")


async def refuse(send: Send, refused: Refused, *, close: bool = False) -> None:
    body = json.dumps(
        {"errors": [{"message": refused.message, "extensions": {"code": refused.code}}]}, separators=(",", ":")
    ).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    if close:
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": refused.status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class CheckedBodies:
    """Wraps the GraphQL view (an ASGI app): reads and checks the body, then hands the view the same bytes."""

    def __init__(self, app: ASGIApp, *, max_body_size: int) -> None:
        self.app = app
        self.max_body_size = max_body_size

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        try:
            if scope["method"] == "POST":
                body = await self._read(scope, receive)
                if body is None:
                    return  # the client went away
                check_post(_header(scope, b"content-type"), body)
                receive = _replay(body, receive)
            elif scope["method"] == "GET":
                check_get(scope.get("query_string", b""))
        except Refused as refused:
            await refuse(send, refused, close=refused.status == 413)
            return
        await self.app(scope, receive, send)

    async def _read(self, scope: Scope, receive: Receive) -> bytes | None:
        too_large = Refused(
            413, "PAYLOAD_TOO_LARGE", f"The body is larger than the {self.max_body_size} bytes a request may send."
        )
        declared = _header(scope, b"content-length")
        if declared and (not declared.isdigit() or int(declared) > self.max_body_size):
            raise too_large if declared.isdigit() else Refused(400, "BAD_REQUEST", "Content-Length is not a number.")
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return None
            body += message.get("body", b"")
            if len(body) > self.max_body_size:
                raise too_large
            if not message.get("more_body", False):
                return bytes(body)


def _header(scope: Scope, name: bytes) -> str:
    for key, value in scope["headers"]:
        if key.lower() == name:
            return str(value.decode("latin-1"))
    return ""


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replay
