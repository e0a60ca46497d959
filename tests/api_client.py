"""Drive the Starlette app in-process over HTTP (httpx's ASGI transport), lifespan included."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx

from graph_service.app import create_app
from graph_service.config import Settings
from graph_service.store import Store


class Api:
    def __init__(self, client: httpx.AsyncClient, store: Store) -> None:
        self.client = client
        self.store = store

    async def post(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        response = await self.client.post("/graphql", json={"query": query, "variables": variables or {}})
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    async def data(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        body = await self.post(query, variables)
        assert "errors" not in body, body["errors"]
        result: dict[str, Any] = body["data"]
        return result

    async def error(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        body = await self.post(query, variables)
        assert body.get("errors"), body
        error: dict[str, Any] = body["errors"][0]
        return error


@asynccontextmanager
async def api_for(store: Store, settings: Settings) -> AsyncIterator[Api]:
    # A clock that stands still: the app's graph statistics are forgotten after writes only, never mid-test.
    app = create_app(settings, store=store, clock=lambda: 0.0)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            yield Api(client, store)
