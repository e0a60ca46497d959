"""Store layer: `open_store` picks the engine from the settings."""

from graph_service.config import Settings
from graph_service.queries import CypherLibrary
from graph_service.store.base import Row, Store

__all__ = ["Row", "Store", "open_store"]


async def open_store(settings: Settings) -> Store:
    queries = CypherLibrary.load(settings.cypher_dir, settings.engine)
    store: Store
    if settings.engine == "neo4j":
        from graph_service.store.neo4j_store import Neo4jStore

        store = await Neo4jStore.connect(settings, queries)
    else:
        from graph_service.store.falkordb_store import FalkorDBStore

        store = await FalkorDBStore.open(settings, queries)
    store.statement_timeout = settings.statement_deadline
    return store
