"""The Starlette application: its lifespan owns the store; /graphql, /healthz and /readyz."""

import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from graph_service.api.context import Context
from graph_service.api.muscle_maps import exercise_muscle_map, plan_muscle_map
from graph_service.api.schema import schema, schema_with
from graph_service.config import Settings, get_settings
from graph_service.http.bodies import CheckedBodies
from graph_service.http.graphiql import GraphiQLPage, assets_mount
from graph_service.http.middleware import frontend_middleware
from graph_service.http.persisted import PersistedDocuments
from graph_service.http.view import GraphQLView
from graph_service.operations.exposure import log_exposure
from graph_service.operations.metrics import Metrics, metrics_endpoint
from graph_service.operations.middleware import ServiceGuard
from graph_service.operations.outcome import RecordsOutcome
from graph_service.operations.probes import LoadWatch, readyz
from graph_service.operations.tracing import start_tracing
from graph_service.seeding import graph_counts, load_seed, write_seed
from graph_service.statistics import Clock, GraphStatistics
from graph_service.store import Store, open_store

if TYPE_CHECKING:
    from graph_service.operations.spans import Tracing

log = logging.getLogger(__name__)

# A request allocates thousands of short-lived objects (GraphQL results, rows, Strawberry types), nearly all freed
# by reference counting; the cycle collector's default first threshold (700) makes it run every few hundred
# allocations all the same. A serving process collects its youngest generation 14 times less often. The older
# generations keep Python's thresholds: what requests in flight leave in cycles reaches the oldest generation, and
# a full collection there (cheap after gc.freeze()) must come often enough to free it. At 50 and 50 a service
# under 32 connections went 5 minutes without one and grew by 10-15% (benchmarks/faults.py, the soak).
GC_THRESHOLDS = (10_000, 10, 10)


def tune_collector() -> None:
    """For a serving process: move what start-up built (schema, modules, the store) out of the collector's sight
    with gc.freeze(), so a full collection walks only what requests left behind, and collect less often."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


class GraphQLApp(RecordsOutcome, GraphQLView):
    async def get_context(self, request: Any, response: Any = None) -> Context:
        state = request.app.state
        return Context(store=state.store, statistics=state.statistics, settings=state.settings)


async def prepare_graph(store: Store, settings: Settings) -> None:
    """Bring the schema up to date; an empty embedded graph is seeded first, the load applying the schema in its
    own order (graph_service.store.base.Store.loading)."""
    # The keys first: they also make the embedded engine's graph exist, which an empty data file has not yet.
    await store.apply_keys()
    empty_embedded = settings.engine == "falkordb" and settings.seed_if_empty
    if await store.load_in_progress():
        log.warning("the last load of the graph did not complete: not ready until `graph-service seed` completes")
    elif empty_embedded and not (await graph_counts(store)).nodes.get("Exercise"):
        log.info("empty graph: loading the bundled knowledge base from %s", settings.seed_dir)
        await write_seed(store, load_seed(settings.seed_dir), batch_size=settings.write_batch_size)
        return
    await store.apply_indexes()


async def healthz(request: Request) -> Response:
    return JSONResponse({"status": "ok"})


def create_app(
    settings: Settings | None = None,
    store: Store | None = None,
    *,
    clock: Clock | None = None,
    tracing: "Tracing | None" = None,
) -> Starlette:
    """With `store` given the caller owns it (tests); otherwise the lifespan opens and closes one. The graph
    statistics belong to the app and run on `clock` (by default the monotonic clock). Spans go to `tracing` when
    given (tests), else to what the settings configure (graph_service.operations.tracing)."""
    settings = settings or get_settings()
    metrics = Metrics()
    tracing = tracing or start_tracing(settings)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        app.state.settings = settings
        app.state.store = store or await open_store(settings)
        app.state.statistics = (
            GraphStatistics(app.state.store) if clock is None else GraphStatistics(app.state.store, clock=clock)
        )
        app.state.metrics = metrics
        app.state.store.observer = metrics
        app.state.store.tracer = tracing
        try:
            if store is None:
                log_exposure(settings)
                await prepare_graph(app.state.store, settings)
                tune_collector()
            watch = LoadWatch(app.state.store, interval=settings.load_check_interval)
            async with watch.watching() as app.state.load_watch:
                yield
        finally:
            app.state.store.observer = None
            app.state.store.tracer = None
            metrics.worker_stopped()
            if tracing is not None:
                tracing.shutdown()
            if store is None:
                await app.state.store.close()

    graphql = GraphQLApp(
        schema if tracing is None else schema_with(tracing.operation_spans()),
        documents=PersistedDocuments.from_settings(
            cache_size=settings.apq_cache_size, manifest=settings.persisted_documents
        ),
        graphiql=GraphiQLPage.build() if settings.serves_graphiql else None,
        batch_max_operations=settings.batch_max_operations,
        cache_max_age=settings.cache_max_age,
    )
    middleware = [
        *(tracing.middleware() if tracing is not None else []),
        *frontend_middleware(settings),
        Middleware(ServiceGuard, settings=settings, metrics=metrics),
    ]
    return Starlette(
        routes=[
            Route("/graphql", CheckedBodies(graphql, max_body_size=settings.max_body_size), methods=["GET", "POST"]),
            *([assets_mount()] if settings.serves_graphiql else []),
            Route("/exercises/{slug}/muscles.svg", exercise_muscle_map),
            Route("/plans/muscles.svg", plan_muscle_map),
            Route("/healthz", healthz),
            Route("/readyz", readyz),
            *([Route("/metrics", metrics_endpoint)] if settings.metrics else []),
        ],
        middleware=middleware,
        lifespan=lifespan,
    )
