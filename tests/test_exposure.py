"""GraphiQL and introspection: on for the embedded engine on loopback, off when the service is exposed (serving
Neo4j or listening beyond loopback) unless set, on both engines through the app."""

import pytest
from api_client import api_for
from graphql import get_introspection_query

from graph_service.config import Settings
from graph_service.operations.exposure import describe_exposure
from graph_service.store import Store

PAGE = {"accept": "text/html"}
TYPENAME = '{ __typename exercise(slug: "push-up") { __typename slug } }'


@pytest.mark.parametrize(
    ("neo4j_uri", "host", "exposed"),
    [
        (None, "127.0.0.1", False),
        (None, "localhost", False),
        (None, "::1", False),
        (None, "0.0.0.0", True),
        (None, "::", True),
        (None, "api.example.com", True),
        ("bolt://127.0.0.1:7687", "127.0.0.1", True),
    ],
)
def test_defaults_follow_the_engine_and_the_address(neo4j_uri: str | None, host: str, exposed: bool) -> None:
    settings = Settings(neo4j_uri=neo4j_uri, host=host)
    assert settings.exposed is exposed
    assert settings.serves_graphiql is settings.allows_introspection is not exposed
    assert ("exposed" in describe_exposure(settings)) is exposed


def test_an_explicit_setting_wins_either_way() -> None:
    exposed = Settings(neo4j_uri="bolt://127.0.0.1:7687", graphiql=True, introspection=True)
    assert exposed.serves_graphiql and exposed.allows_introspection
    assert "GraphiQL on (set), introspection on (set)" in describe_exposure(exposed)
    local = Settings(neo4j_uri=None, graphiql=False, introspection=False)
    assert not local.serves_graphiql and not local.allows_introspection


def test_the_environment_sets_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GRAPHIQL", "false")
    monkeypatch.setenv("INTROSPECTION", "true")
    monkeypatch.setenv("HOST", "0.0.0.0")
    settings = Settings()
    assert not settings.serves_graphiql and settings.allows_introspection


async def test_an_exposed_service_refuses_introspection_and_serves_no_graphiql(
    kb_store: Store, settings: Settings
) -> None:
    exposed = settings.model_copy(update={"graphiql": None, "introspection": None, "host": "0.0.0.0"})
    async with api_for(kb_store, exposed) as api:
        refused = await api.error(get_introspection_query())
        assert refused["extensions"]["code"] == "INTROSPECTION_DISABLED"
        assert "Introspection is turned off" in refused["message"]
        refused = await api.error('{ __type(name: "Exercise") { name } }')
        assert refused["extensions"]["code"] == "INTROSPECTION_DISABLED"
        # __typename is not introspection: normalised caches ask for it everywhere.
        assert await api.data(TYPENAME) == {
            "__typename": "Query",
            "exercise": {"__typename": "Exercise", "slug": "push-up"},
        }
        page = await api.client.get("/graphql", headers=PAGE)
        assert "text/html" not in page.headers.get("content-type", "")


async def test_turned_on_they_are_served_on_either_engine(kb_store: Store, settings: Settings) -> None:
    on = settings.model_copy(update={"graphiql": True, "introspection": True, "host": "0.0.0.0"})
    async with api_for(kb_store, on) as api:
        assert (await api.data(get_introspection_query()))["__schema"]["queryType"]["name"] == "Query"
        page = await api.client.get("/graphql", headers=PAGE)
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
