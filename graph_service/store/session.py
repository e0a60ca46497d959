"""The one way to open a store and close it again, with the graph statistics that belong to it."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from graph_service.config import Settings
from graph_service.statistics import Clock, GraphStatistics
from graph_service.store import Store, open_store


@dataclass(frozen=True)
class Graph:
    """An open store and its statistics."""

    store: Store
    statistics: GraphStatistics


@asynccontextmanager
async def store_session(settings: Settings, *, clock: Clock | None = None) -> AsyncIterator[Graph]:
    store = await open_store(settings)
    try:
        statistics = GraphStatistics(store) if clock is None else GraphStatistics(store, clock=clock)
        yield Graph(store, statistics)
    finally:
        await store.close()
