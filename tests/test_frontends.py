"""What frontends meet over HTTP, on both engines in-process: persisted documents, batches, GraphQL over HTTP's
media types and status codes, GET caching with ETags, CORS, compression and the local GraphiQL."""

import base64
import hashlib
import json
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytest_asyncio
from api_client import api_for

from graph_service.config import Settings
from graph_service.http.graphiql import ASSETS, ASSETS_PATH
from graph_service.integrity import check_graph, repair_keys
from graph_service.queries import Q
from graph_service.seeding import load_seed, write_seed
from graph_service.statistics import VERSION_TTL_S, GraphStatistics
from graph_service.store import Store

THRUST = '{ exercise(slug: "barbell-hip-thrust") { slug name } }'
MUSCLES = "{ muscles { slug } }"
PAGE_100 = """query Page($first: Int!) {
  exercises(first: $first) {
    edges { node { slug name description } }
    pageInfo { hasNextPage endCursor }
  }
}"""
GRAPHQL_RESPONSE = "application/graphql-response+json"


def sha(document: str) -> str:
    return hashlib.sha256(document.encode()).hexdigest()


def persisted(document: str) -> dict[str, Any]:
    return {"persistedQuery": {"version": 1, "sha256Hash": sha(document)}}


def code(body: dict[str, Any]) -> str:
    return str(body["errors"][0]["extensions"]["code"])


@pytest_asyncio.fixture
async def client(kb_store: Store, settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    async with api_for(kb_store, settings) as api:
        yield api.client


async def test_apq_round_trip_over_post(client: httpx.AsyncClient) -> None:
    first = await client.post("/graphql", json={"extensions": persisted(THRUST)})
    assert first.status_code == 200
    assert first.json() == {
        "errors": [{"message": "PersistedQueryNotFound", "extensions": {"code": "PERSISTED_QUERY_NOT_FOUND"}}]
    }
    registered = await client.post("/graphql", json={"query": THRUST, "extensions": persisted(THRUST)})
    assert registered.json() == {"data": {"exercise": {"slug": "barbell-hip-thrust", "name": "Barbell Hip Thrust"}}}
    later = await client.post("/graphql", json={"extensions": persisted(THRUST)})
    assert later.json() == registered.json()


async def test_apq_round_trip_over_get(client: httpx.AsyncClient) -> None:
    query = "query One($slug: String!) { exercise(slug: $slug) { name } }"
    params = {"extensions": json.dumps(persisted(query)), "variables": json.dumps({"slug": "goblet-squat"})}
    # Apollo Client's own Accept; a hash-only GET is an operation, never GraphiQL's page
    accept = {"accept": f"{GRAPHQL_RESPONSE},application/json;q=0.9"}
    missing = await client.get("/graphql", params=params, headers=accept)
    assert missing.status_code == 200 and code(missing.json()) == "PERSISTED_QUERY_NOT_FOUND"
    assert missing.headers["cache-control"] == "no-store"  # a CDN must not keep the "not found"
    sent = await client.get("/graphql", params={**params, "query": query}, headers=accept)
    assert sent.json() == {"data": {"exercise": {"name": "Goblet Squat"}}}
    again = await client.get("/graphql", params=params, headers={"accept": "*/*"})
    assert again.json() == sent.json()
    assert again.headers["cache-control"].startswith("public")


async def test_a_document_that_does_not_match_its_hash_is_refused_and_not_stored(client: httpx.AsyncClient) -> None:
    lying = {"persistedQuery": {"version": 1, "sha256Hash": sha(MUSCLES)}}
    refused = await client.post("/graphql", json={"query": THRUST, "extensions": lying})
    assert code(refused.json()) == "PERSISTED_QUERY_HASH_MISMATCH" and "data" not in refused.json()
    assert code((await client.post("/graphql", json={"extensions": lying})).json()) == "PERSISTED_QUERY_NOT_FOUND"
    bad = await client.post("/graphql", json={"extensions": {"persistedQuery": {"version": 2, "sha256Hash": "x"}}})
    assert code(bad.json()) == "BAD_REQUEST"


async def test_the_apq_store_keeps_the_most_recently_used_documents(kb_store: Store, settings: Settings) -> None:
    documents = [f'{{ exercise(slug: "{slug}") {{ name }} }}' for slug in ("goblet-squat", "push-up", "side-plank")]
    async with api_for(kb_store, settings.model_copy(update={"apq_cache_size": 2})) as api:
        for document in documents:
            await api.client.post("/graphql", json={"query": document, "extensions": persisted(document)})
        answers = [(await api.client.post("/graphql", json={"extensions": persisted(d)})).json() for d in documents]
    assert code(answers[0]) == "PERSISTED_QUERY_NOT_FOUND"  # the oldest went when the third came
    assert [a["data"]["exercise"] for a in answers[1:]] == [{"name": "Push-Up"}, {"name": "Side Plank"}]


@pytest.mark.parametrize("shape", ["apollo", "flat"])
async def test_trusted_documents_run_and_nothing_else(
    kb_store: Store, settings: Settings, tmp_path: Path, shape: str
) -> None:
    manifest = tmp_path / "persisted-query-manifest.json"
    if shape == "apollo":
        operations = [{"id": sha(THRUST), "name": "Thrust", "type": "query", "body": THRUST}]
        manifest.write_text(
            json.dumps({"format": "apollo-persisted-query-manifest", "version": 1, "operations": operations})
        )
    else:
        manifest.write_text(json.dumps({sha(THRUST): THRUST}))
    async with api_for(kb_store, settings.model_copy(update={"persisted_documents": manifest})) as api:
        by_hash = await api.client.post("/graphql", json={"extensions": persisted(THRUST)})
        in_full = await api.client.post("/graphql", json={"query": THRUST})
        other = await api.client.post("/graphql", json={"query": MUSCLES}, headers={"accept": GRAPHQL_RESPONSE})
        registering = await api.client.post("/graphql", json={"query": MUSCLES, "extensions": persisted(MUSCLES)})
        after = await api.client.post("/graphql", json={"extensions": persisted(MUSCLES)})
    assert (
        by_hash.json()["data"]
        == in_full.json()["data"]
        == {"exercise": {"slug": "barbell-hip-thrust", "name": "Barbell Hip Thrust"}}
    )
    assert other.status_code == 400 and code(other.json()) == "PERSISTED_QUERY_NOT_IN_LIST"
    assert code(registering.json()) == code(after.json()) == "PERSISTED_QUERY_NOT_IN_LIST"  # nothing was stored


async def test_a_batch_answers_each_operation_and_is_bounded(kb_store: Store, settings: Settings) -> None:
    async with api_for(kb_store, settings.model_copy(update={"batch_max_operations": 3})) as api:
        batch = [
            {"query": THRUST},
            {"query": "query M { muscles { slug } }", "operationName": "M"},
            {"query": "{ nope }"},
        ]
        answered = await api.client.post("/graphql", json=batch)
        too_many = await api.client.post("/graphql", json=[{"query": THRUST}] * 4)
        not_objects = await api.client.post("/graphql", json=[THRUST])
        empty = await api.client.post("/graphql", json=[])
    first, second, third = answered.json()
    assert answered.status_code == 200
    assert first["data"]["exercise"]["slug"] == "barbell-hip-thrust"
    assert {"slug": "glutes"} in second["data"]["muscles"]
    assert code(third) == "GRAPHQL_VALIDATION_FAILED"
    assert too_many.status_code == 400 and code(too_many.json()) == "BATCH_TOO_LARGE"
    assert "at most 3" in too_many.json()["errors"][0]["message"]
    assert (not_objects.status_code, code(not_objects.json())) == (400, "BAD_REQUEST")
    assert (empty.status_code, code(empty.json())) == (400, "BAD_REQUEST")


@pytest.mark.parametrize(
    ("body", "expected_code"),
    [
        ({"query": "{ exercise(slug: "}, "GRAPHQL_PARSE_FAILED"),
        ({"query": "{ nope }"}, "GRAPHQL_VALIDATION_FAILED"),
        ({"query": "query Q($n: Int!) { exercises(first: $n) { totalCount } }", "variables": {"n": "x"}}, None),
        ({"query": "query A { muscles { slug } }", "operationName": "B"}, "OPERATION_RESOLUTION_FAILURE"),
    ],
)
async def test_request_errors_are_400_with_the_graphql_response_media_type(
    client: httpx.AsyncClient, body: dict[str, Any], expected_code: str | None
) -> None:
    modern = await client.post("/graphql", json=body, headers={"accept": GRAPHQL_RESPONSE})
    assert modern.status_code == 400
    assert modern.headers["content-type"].startswith(GRAPHQL_RESPONSE)
    assert "data" not in modern.json()  # a request error has no data entry
    assert all(e["extensions"]["code"] for e in modern.json()["errors"])
    if expected_code:
        assert code(modern.json()) == expected_code
    legacy = await client.post("/graphql", json=body, headers={"accept": "application/json"})
    assert legacy.status_code == 200 and legacy.headers["content-type"].startswith("application/json")
    assert legacy.json() == modern.json()


async def test_field_errors_keep_200_and_their_data(client: httpx.AsyncClient) -> None:
    answer = await client.post(
        "/graphql",
        json={"query": '{ exercises(first: 1, filter: {targets: ["gills"]}) { totalCount } }'},
        headers={"accept": GRAPHQL_RESPONSE},
    )
    assert answer.status_code == 200 and "data" in answer.json() and answer.json()["errors"][0]["path"]


async def test_http_errors_carry_a_code(client: httpx.AsyncClient) -> None:
    not_json = await client.post("/graphql", content=b"{", headers={"content-type": "application/json"})
    assert not_json.status_code == 400 and code(not_json.json())  # coded by the body checks
    no_query = await client.post("/graphql", json={"variables": {}})
    assert no_query.status_code == 400 and code(no_query.json()) == "BAD_REQUEST"


async def test_get_runs_queries_only(client: httpx.AsyncClient) -> None:
    mutation = await client.get("/graphql", params={"query": "mutation { anything }"})
    assert mutation.status_code == 405 and mutation.headers["allow"] == "POST"
    assert code(mutation.json()) == "METHOD_NOT_ALLOWED"
    query = await client.get("/graphql", params={"query": THRUST})
    assert query.status_code == 200 and query.json()["data"]["exercise"]["slug"] == "barbell-hip-thrust"


async def test_get_answers_are_cacheable_and_revalidated_without_running(
    kb_store: Store, client: httpx.AsyncClient
) -> None:
    params = {"query": PAGE_100, "variables": json.dumps({"first": 5})}
    first = await client.get("/graphql", params=params)
    tag = first.headers["etag"]
    assert re.fullmatch(r'W/"[0-9a-f]{40}"', tag) and first.headers["cache-control"] == "public, max-age=60"
    # The same variables written differently are the same answer.
    respaced = {"query": PAGE_100, "variables": '{ "first" : 5 }'}
    before = kb_store.round_trips
    revalidated = await client.get("/graphql", params=respaced, headers={"if-none-match": tag})
    assert revalidated.status_code == 304 and revalidated.content == b"" and revalidated.headers["etag"] == tag
    assert kb_store.round_trips == before  # answered without running the query
    other = await client.get(
        "/graphql", params={**params, "variables": json.dumps({"first": 6})}, headers={"if-none-match": tag}
    )
    assert other.status_code == 200 and other.headers["etag"] != tag
    posted = await client.post("/graphql", json={"query": PAGE_100, "variables": {"first": 5}})
    assert posted.headers["cache-control"] == "no-store" and "etag" not in posted.headers
    failed = await client.get("/graphql", params={"query": "{ nope }"})
    assert failed.headers["cache-control"] == "no-store" and "etag" not in failed.headers


async def test_a_load_changes_every_etag(store: Store, settings: Settings, mini_seed: Path) -> None:
    await write_seed(store, load_seed(mini_seed), batch_size=100)
    params = {"query": MUSCLES}
    async with api_for(store, settings) as api:
        tag = (await api.client.get("/graphql", params=params)).headers["etag"]
        assert (await api.client.get("/graphql", params=params, headers={"if-none-match": tag})).status_code == 304
    await write_seed(store, load_seed(mini_seed), batch_size=100)  # the same data, loaded again
    async with api_for(store, settings) as api:
        after = await api.client.get("/graphql", params=params, headers={"if-none-match": tag})
    assert after.status_code == 200 and after.headers["etag"] != tag


async def test_a_repair_changes_the_graph_version(store: Store, mini_seed: Path) -> None:
    await write_seed(store, load_seed(mini_seed), batch_size=100)
    statistics = GraphStatistics(store, clock=lambda: 0.0)
    before = await statistics.graph_version()
    # An edge added around the service (Neo4j Browser), then `graph-service check --repair`.
    await store.run_text(
        "MATCH (e:Exercise {slug: 'push-up'}), (m:Muscle {slug: 'triceps'}) MERGE (e)-[:TARGETS]->(m)", {}, write=True
    )
    assert await statistics.graph_version() == before  # an edit made around the service is not a load
    assert await repair_keys(store, await check_graph(store, batch_size=10), batch_size=10) == ["push-up"]
    assert await statistics.graph_version() != before


async def test_a_load_by_another_process_is_seen_within_the_version_ttl(store: Store, mini_seed: Path) -> None:
    now = [0.0]
    statistics = GraphStatistics(store, clock=lambda: now[0])
    assert await statistics.graph_version() == "none"
    await write_seed(store, load_seed(mini_seed), batch_size=100)
    first = await statistics.graph_version()
    assert first != "none"
    # Another process's load: written past this store, whose write count does not move.
    await store._run(store.queries[Q.MARK_GRAPH_CHANGED], {"token": "elsewhere", "changed_at": 0.0}, write=True)
    assert await statistics.graph_version() == first
    now[0] = VERSION_TTL_S + 0.1
    assert await statistics.graph_version() == "elsewhere"


async def test_a_browser_app_on_another_origin_may_read_without_credentials(client: httpx.AsyncClient) -> None:
    headers = ",".join(
        [
            "content-type",
            "apollographql-client-name",
            "apollographql-client-version",
            "apollo-require-preflight",
            "traceparent",
            "tracestate",
            "x-request-id",
        ]
    )
    preflight = await client.options(
        "/graphql",
        headers={
            "origin": "https://shop.example",
            "access-control-request-method": "POST",
            "access-control-request-headers": headers,
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "*"
    assert "access-control-allow-credentials" not in preflight.headers
    assert preflight.headers["access-control-max-age"] == "600"
    allowed = {h.strip().lower() for h in preflight.headers["access-control-allow-headers"].split(",")}
    assert set(headers.split(",")) <= allowed
    answer = await client.post("/graphql", json={"query": THRUST}, headers={"origin": "https://shop.example"})
    assert answer.headers["access-control-allow-origin"] == "*"
    assert "etag" in answer.headers["access-control-expose-headers"].lower()


async def test_cors_can_be_narrowed(kb_store: Store, settings: Settings) -> None:
    narrowed = settings.model_copy(update={"cors_origins": ["https://app.example"], "cors_headers": ["content-type"]})
    async with api_for(kb_store, narrowed) as api:

        async def preflight(origin: str, headers: str) -> httpx.Response:
            return await api.client.options(
                "/graphql",
                headers={
                    "origin": origin,
                    "access-control-request-method": "POST",
                    "access-control-request-headers": headers,
                },
            )

        assert (await preflight("https://app.example", "content-type")).status_code == 200
        assert (await preflight("https://evil.example", "content-type")).status_code == 400
        assert (await preflight("https://app.example", "content-type,x-custom")).status_code == 400
    async with api_for(kb_store, settings.model_copy(update={"cors_origins": []})) as api:
        answer = await api.client.post("/graphql", json={"query": THRUST}, headers={"origin": "https://app.example"})
        assert "access-control-allow-origin" not in answer.headers


async def test_large_answers_are_compressed(client: httpx.AsyncClient) -> None:
    body = {"query": PAGE_100, "variables": {"first": 100}}
    plain = await client.post("/graphql", json=body, headers={"accept-encoding": "identity"})
    packed = await client.post("/graphql", json=body, headers={"accept-encoding": "gzip"})
    assert "content-encoding" not in plain.headers
    assert packed.headers["content-encoding"] == "gzip"
    assert int(packed.headers["content-length"]) < len(plain.content) / 2
    assert packed.json() == plain.json()  # httpx decompressed it
    brotli = await client.post("/graphql", json=body, headers={"accept-encoding": "gzip, deflate, br"})
    assert brotli.headers["content-encoding"] == "br"
    assert int(brotli.headers["content-length"]) < int(packed.headers["content-length"])
    assert brotli.json() == plain.json()
    small = await client.post("/graphql", json={"query": THRUST}, headers={"accept-encoding": "gzip, br"})
    assert "content-encoding" not in small.headers  # below GZIP_MINIMUM_SIZE


async def test_graphiql_is_served_from_the_service_with_integrity_hashes(client: httpx.AsyncClient) -> None:
    assert (ASSETS / "graphiql.min.js").is_file(), "GraphiQL's files are not installed: run scripts/install-js"
    page = await client.get("/graphql", headers={"accept": "text/html"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    html = page.text
    assert "ExercisePage" in html and "barbell-hip-thrust" in html and "explorerPlugin" in html
    assert not re.search(r'(src|href)="(https?:)?//', html)  # nothing from another host
    references = re.findall(r'(?:src|href)="([^"]+)" integrity="(sha384-[^"]+)"', html)
    assert len(references) == 6
    for url, integrity in references:
        assert url.startswith(ASSETS_PATH + "/")
        served = await client.get(url)
        assert served.status_code == 200
        assert integrity == "sha384-" + base64.b64encode(hashlib.sha384(served.content).digest()).decode()


async def test_graphiql_can_be_switched_off(kb_store: Store, settings: Settings) -> None:
    async with api_for(kb_store, settings.model_copy(update={"graphiql": False})) as api:
        page = await api.client.get("/graphql", headers={"accept": "text/html"})
        assert page.status_code == 404 and page.json()["errors"][0]["extensions"]["code"] == "NOT_FOUND"
        assert (await api.client.get(f"{ASSETS_PATH}/graphiql.min.js")).status_code == 404
