"""Store layer: `open_store` picks the engine from the settings."""

from graph_service.config import Settings
from graph_service.queries import CypherLibrary
from graph_service.store.base import Row, Store

__all__ = ["Row", "Store", "open_store"]


async def open_store(settings: Settings) -> Store:
    queries = CypherLibrary.load(settings.cypher_dir, settings.engine)
    if settings.engine == "neo4j":
        from graph_service.store.neo4j_store import Neo4jStore

        return await Neo4jStore.connect(settings, queries)
    from graph_service.store.falkordb_store import FalkorDBStore

    return await FalkorDBStore.open(settings, queries)
