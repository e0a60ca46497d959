"""Shared fixtures: both engines for real, each test starting from a clean graph.

Neo4j comes from NEO4J_URI when set (for example `docker compose up -d neo4j`), otherwise from the
Maven-built launcher in tests/neo4j_launcher. If neither works the run fails: Neo4j tests never skip.
"""

import os
import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import pytest_asyncio
from api_client import Api, api_for
from pydantic import SecretStr

from graph_service.config import PROJECT_ROOT, Settings
from graph_service.seeding import SeedBundle, clear_graph, load_seed, write_seed
from graph_service.store import Store, open_store

ENGINES = ("neo4j", "falkordb")
FIXTURES = Path(__file__).parent / "fixtures"
SHARED = PROJECT_ROOT.parent / "shared"
# What each engine's test graph holds, so read-only tests reload the knowledge base only after a writer.
GRAPH_CONTENTS: dict[str, str] = {}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """`slow` marks what the quick loop (`scripts/test -m "not slow"`) leaves out: every test on Neo4j (a JVM to
    start and warm up) and whatever a module marks itself (servers and commands run as processes)."""
    for item in items:
        callspec = getattr(item, "callspec", None)
        if "neo4j_uri" in getattr(item, "fixturenames", ()) or (callspec and callspec.params.get("engine") == "neo4j"):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def neo4j_uri(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if uri := os.environ.get("NEO4J_URI"):
        yield uri
        return
    from neo4j_server import build_launcher, running_neo4j

    build_launcher()
    with running_neo4j(tmp_path_factory.mktemp("neo4j")) as uri:
        yield uri


def engine_settings(engine: str, request: pytest.FixtureRequest, tmp: Path, **overrides: object) -> Settings:
    if engine == "neo4j":
        uri = request.getfixturevalue("neo4j_uri")
        return Settings(
            neo4j_uri=uri,
            neo4j_user=os.environ.get("NEO4J_USER", "neo4j"),
            neo4j_password=SecretStr(os.environ.get("NEO4J_PASSWORD", "")),
            # Served as on the embedded engine: the tests use both; their defaults are tested in test_exposure.py.
            **{"graphiql": True, "introspection": True} | overrides,  # type: ignore[arg-type]
        )
    return Settings(neo4j_uri=None, embedded_db_path=tmp / "graph.db", **overrides)  # type: ignore[arg-type]


@pytest.fixture(scope="session", params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="session")
def settings(engine: str, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return engine_settings(engine, request, tmp_path_factory.mktemp(f"{engine}-data"))


@pytest_asyncio.fixture(scope="session")
async def session_store(settings: Settings) -> AsyncIterator[Store]:
    store = await open_store(settings)
    await store.apply_schema()
    yield store
    await store.close()


@pytest_asyncio.fixture
async def store(session_store: Store) -> Store:
    """The engine's store with an empty graph."""
    await clear_graph(session_store)
    GRAPH_CONTENTS[session_store.engine] = "scratch"
    return session_store


@pytest.fixture(scope="session")
def knowledge_base() -> SeedBundle:
    return load_seed(PROJECT_ROOT / "seed")


@pytest_asyncio.fixture
async def kb_store(session_store: Store, knowledge_base: SeedBundle) -> Store:
    """The engine's store holding exactly the bundled knowledge base; loaded again only after another test
    changed the graph. Tests using it must not write."""
    if GRAPH_CONTENTS.get(session_store.engine) != "knowledge-base":
        await write_seed(session_store, knowledge_base, batch_size=500, reset=True)
        GRAPH_CONTENTS[session_store.engine] = "knowledge-base"
    return session_store


@pytest_asyncio.fixture
async def api(kb_store: Store, settings: Settings) -> AsyncIterator[Api]:
    """The API in process over the bundled knowledge base."""
    async with api_for(kb_store, settings) as client:
        yield client


@pytest.fixture
def mini_seed(tmp_path: Path) -> Path:
    """A seed folder: the bundled taxonomy plus a handful of test exercises."""
    root = tmp_path / "seed"
    shutil.copytree(FIXTURES / "mini_seed", root)
    for name in ("body_parts.yaml", "muscles.yaml", "equipment.yaml", "movement_patterns.yaml", "kits.yaml"):
        shutil.copy(PROJECT_ROOT / "seed" / name, root / name)
    return root
