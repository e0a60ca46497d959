"""Deadlines, admission, the load gate, request ids and metrics, over the API on both engines."""

import asyncio
import re
from collections.abc import AsyncIterator

from api_client import Api, api_for
from prometheus_client.parser import text_string_to_metric_families

from graph_service.config import Settings
from graph_service.errors import StoreTimeout
from graph_service.queries import Q
from graph_service.seeding import SeedBundle, write_seed
from graph_service.store import Store

QUERY = 'query OneExercise { exercise(slug: "push-up") { name } }'


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of a Prometheus text exposition, parsed by the client library's own parser."""
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


async def test_metrics_count_requests_by_operation_and_code_and_statements_by_name(api: Api) -> None:
    assert (await api.data(QUERY))["exercise"]["name"] == "Push-Up"
    await api.error('query Missing { exercise(slug: "push-up") { nope } }')
    response = await api.client.get("/metrics")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/plain")
    found = samples(response.text)
    assert found[("graph_requests_total", (("code", "OK"), ("operation", "OneExercise")))] >= 1
    assert found[("graph_requests_total", (("code", "GRAPHQL_VALIDATION_FAILED"), ("operation", "Missing")))] >= 1
    assert found[("graph_request_seconds_count", (("operation", "OneExercise"),))] >= 1
    assert found[("graph_requests_in_flight", ())] == 0
    statements = {labels for name, labels in found if name == "graph_store_statements_total"}
    assert (("code", "OK"), ("statement", "exercises_by_slugs")) in statements
    assert found[("graph_store_statement_seconds_count", (("statement", "exercises_by_slugs"),))] >= 1
    assert ("graph_engine_restarts_total", ()) in found


async def test_operation_names_from_clients_are_bounded_labels(api: Api) -> None:
    await api.client.post("/graphql", json={"query": QUERY, "operationName": "x" * 300})
    found = samples((await api.client.get("/metrics")).text)
    operations = {dict(labels).get("operation") for name, labels in found if name == "graph_requests_total"}
    assert "x" * 300 not in operations


async def test_request_id_is_taken_from_the_client_or_made_and_echoed(api: Api) -> None:
    given = await api.client.post("/graphql", json={"query": QUERY}, headers={"x-request-id": "order-42"})
    assert given.headers["x-request-id"] == "order-42"
    trace = "4bf92f3577b34da6a3ce929d0e0e4736"
    traced = await api.client.get("/healthz", headers={"traceparent": f"00-{trace}-00f067aa0ba902b7-01"})
    assert traced.headers["x-request-id"] == trace
    made = await api.client.get("/healthz", headers={"x-request-id": "bad id\twith spaces"})
    assert re.fullmatch(r"[0-9a-f]{32}", made.headers["x-request-id"])


async def test_requests_beyond_the_bound_are_refused_at_once_with_overloaded(
    kb_store: Store, settings: Settings
) -> None:
    release = asyncio.Event()

    async def slow_body() -> AsyncIterator[bytes]:
        # The first request stays in flight until its body is complete.
        yield b'{"query": "{ exercise(slug: \\"push-up\\") { name } }"'
        await release.wait()
        yield b"}"

    async with api_for(kb_store, settings.model_copy(update={"max_in_flight": 1, "retry_after": 3})) as api:
        held = asyncio.ensure_future(
            api.client.post("/graphql", content=slow_body(), headers={"content-type": "application/json"})
        )
        for _ in range(100):
            await asyncio.sleep(0.01)
            refused = await api.client.post("/graphql", json={"query": QUERY})
            if refused.status_code == 503:
                break
        assert refused.status_code == 503 and refused.headers["retry-after"] == "3"
        assert refused.json()["errors"][0]["extensions"]["code"] == "OVERLOADED"
        assert (await api.client.get("/healthz")).status_code == 200  # probes are not GraphQL requests
        release.set()
        assert (await held).json()["data"]["exercise"]["name"] == "Push-Up"
        assert (await api.client.post("/graphql", json={"query": QUERY})).status_code == 200
        found = samples((await api.client.get("/metrics")).text)
        assert found[("graph_refusals_total", (("code", "OVERLOADED"),))] >= 1


async def test_a_request_past_its_deadline_is_answered_with_timeout(kb_store: Store, settings: Settings) -> None:
    async with api_for(kb_store, settings.model_copy(update={"request_timeout": 1e-6})) as api:
        response = await api.client.post("/graphql", json={"query": QUERY})
        assert response.status_code == 504
        assert response.json()["errors"][0]["extensions"]["code"] == "TIMEOUT"
        assert (await api.client.get("/readyz")).status_code == 200


async def test_a_statement_past_the_services_own_deadline_fails_with_timeout(kb_store: Store) -> None:
    before = kb_store.statement_timeout
    kb_store.statement_timeout = 1e-6
    try:
        try:
            await kb_store.read(Q.GRAPH_COUNTS)
        except StoreTimeout as e:
            assert e.code == "TIMEOUT" and "did not answer within" in str(e)
        else:
            raise AssertionError("no timeout")
    finally:
        kb_store.statement_timeout = before
    assert await kb_store.read(Q.PING) == [{"ok": 1}]  # the store serves on after a cancelled statement


async def test_an_incomplete_load_makes_the_service_unavailable_until_a_load_completes(
    store: Store, settings: Settings, knowledge_base: SeedBundle
) -> None:
    await write_seed(store, knowledge_base, batch_size=500)
    async with api_for(store, settings) as api:
        assert (await api.client.get("/readyz")).status_code == 200
        try:
            async with store.loading():
                await store.write(Q.CLEAR_GRAPH, {"limit": 5})
                raise RuntimeError("the load dies half way")
        except RuntimeError:
            pass
        assert await store.load_in_progress()
        ready = await api.client.get("/readyz")
        assert ready.status_code == 503 and ready.json()["reason"] == "the graph is being loaded"
        refused = await api.client.post("/graphql", json={"query": QUERY})
        assert refused.status_code == 503 and "being loaded" in refused.json()["errors"][0]["message"]
        assert refused.json()["errors"][0]["extensions"]["code"] == "SERVICE_UNAVAILABLE"
        # A reset inside a load keeps the mark until the load ends; then the graph is complete again.
        await write_seed(store, knowledge_base, batch_size=500, reset=True)
        assert not await store.load_in_progress()
        assert (await api.client.get("/readyz")).status_code == 200
        assert (await api.data(QUERY))["exercise"]["name"] == "Push-Up"


async def test_readiness_names_the_engine(api: Api, settings: Settings) -> None:
    ready = await api.client.get("/readyz")
    assert ready.json() == {"status": "ready", "engine": settings.engine}
