"""Readiness: the engine answers within a short deadline of its own, and the last load of the graph completed.

`/healthz` (graph_service.app) stays a liveness probe: it answers while the process serves, whatever the engine.
"""

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from graph_service.errors import GraphServiceError
from graph_service.store import Store

log = logging.getLogger(__name__)

LOADING = "the graph is being loaded"


class LoadWatch:
    """Whether the last load of the graph is incomplete, read again every `interval` seconds in the background,
    so that requests are refused while it is without a statement of their own."""

    def __init__(self, store: Store, *, interval: float) -> None:
        self.store = store
        self.interval = interval
        self.loading = False

    async def check(self) -> bool:
        loading = await self.store.load_in_progress()
        if loading != self.loading:
            log.warning("%s", LOADING) if loading else log.info("the graph is complete: serving")
        self.loading = loading
        return loading

    @asynccontextmanager
    async def watching(self) -> AsyncIterator["LoadWatch"]:
        with contextlib.suppress(GraphServiceError):
            await self.check()
        task = asyncio.get_running_loop().create_task(self._poll(), name="load-watch")
        try:
            yield self
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _poll(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            # An engine that does not answer is the readiness probe's to report; the last answer stands meanwhile.
            with contextlib.suppress(GraphServiceError, TimeoutError):
                async with asyncio.timeout(self.interval * 5):
                    await self.check()


async def readyz(request: Request) -> Response:
    state = request.app.state
    store: Store = state.store
    timeout: float = state.settings.readiness_timeout
    try:
        # Reading the load mark is the probe's statement: it proves that the engine answers, and what it holds.
        async with asyncio.timeout(timeout):
            loading = await state.load_watch.check()
    except TimeoutError:
        return _unavailable(store, f"the {store.engine} engine did not answer within {timeout:.1f} s")
    except GraphServiceError as e:
        return _unavailable(store, str(e))
    if loading:
        return _unavailable(store, LOADING)
    return JSONResponse({"status": "ready", "engine": store.engine})


def _unavailable(store: Store, reason: str) -> Response:
    log.info("not ready: %s", reason)
    return JSONResponse({"status": "unavailable", "engine": store.engine, "reason": reason}, status_code=503)
