"""Hostile documents and bodies on both engines: each refused quickly with its code, nothing answered with a 5xx
or an uncoded error, the graph unchanged; in process where the API decides, through `graph-service serve` where
HTTP does (bodies, connections, a bystander's /healthz)."""

import base64
import http.client
import os
import time
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
import pytest_asyncio
from api_client import Api, api_for
from conftest import GRAPH_CONTENTS
from graphql import get_introspection_query
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings

from benchmarks.hostile import HOSTILE_BODIES, HOSTILE_DOCUMENTS, fragment_bomb, fuzzed_requests, uncoded
from benchmarks.servers import HOST, free_port, graph_service_command, serving
from graph_service.api import limits
from graph_service.api.document_limits import DocumentChecks
from graph_service.api.schema import schema
from graph_service.config import Settings
from graph_service.seeding import SeedBundle, write_seed
from graph_service.store import Store

FUZZ_EXAMPLES = 1_000
SLOW_FUZZ_EXAMPLES = 10_000
LIVENESS_S = 2.0  # a loose bound: /healthz answers while hostile requests are refused

SHARED_LOOKUP = """{
  a: exercise(slug: "archer-pull-up") { variations { slug } }
  b: exercise(slug: "archer-pull-up") { variations { slug } related(first: 101) { kind } }
}"""


# In process: what the API answers.


async def test_a_failing_field_does_not_cancel_a_lookup_its_sibling_awaits(api: Api) -> None:
    body = await api.post(SHARED_LOOKUP)
    assert body["data"]["b"] is None
    assert [e["extensions"]["code"] for e in body["errors"]] == ["BAD_USER_INPUT"]
    assert body["errors"][0]["path"] == ["b", "related"]
    alone = await api.data('{ exercise(slug: "archer-pull-up") { variations { slug } } }')
    assert body["data"]["a"] == alone["exercise"] and alone["exercise"]["variations"]


async def test_a_base_exercise_lists_its_variations(api: Api) -> None:
    base = (await api.data('{ exercise(slug: "pull-up") { variations { slug } } }'))["exercise"]
    variant = (await api.data('{ exercise(slug: "archer-pull-up") { variations { slug } } }'))["exercise"]
    assert {"slug": "archer-pull-up"} in base["variations"] and {"slug": "pull-up"} in variant["variations"]


DEEP_CURSOR = base64.urlsafe_b64encode(b"[" * 5000).decode()
CODED: list[tuple[str, dict[str, Any], str, str]] = [
    ("query($f: Int!) { exercises(first: $f) { totalCount } }", {"f": "abc"}, "BAD_USER_INPUT", "Int cannot represent"),
    ("query($s: String!) { exercise(slug: $s) { slug } }", {}, "BAD_USER_INPUT", "to be provided"),
    ('{ exercise(slug: "push\\u0000up") { slug } }', {}, "BAD_USER_INPUT", "NUL"),
    ("query($s: String!) { exercise(slug: $s) { slug } }", {"s": "push\x00up"}, "BAD_USER_INPUT", "NUL"),
    # [2**63, "a", "b"] as a cursor: past the engines' 64-bit integers.
    ('{ exercises(after: "WzkyMjMzNzIwMzY4NTQ3NzU4MDgsImEiLCJiIl0=") { totalCount } }', {}, "BAD_USER_INPUT", "cursor"),
    ("query($c: String) { exercises(after: $c) { totalCount } }", {"c": DEEP_CURSOR}, "BAD_USER_INPUT", "cursor"),
    ("{ exercises(first: " + "9" * 5000 + ") { totalCount } }", {}, "BAD_USER_INPUT", "Numbers"),
    ("{ muscles { slug ", {}, "GRAPHQL_PARSE_FAILED", "Syntax Error"),
    ("{ muscles { nope } }", {}, "GRAPHQL_VALIDATION_FAILED", "nope"),
    ("query A { muscles { slug } } query B { bodyParts { slug } }", {}, "OPERATION_RESOLUTION_FAILURE", "name"),
    ("{ muscles { slug " + "slug " * limits.MAX_TOKENS + "} }", {}, "QUERY_TOO_COMPLEX", "tokens"),
]


@pytest.mark.parametrize(("query", "variables", "code", "words"), CODED, ids=[f"{c} {w}" for _, _, c, w in CODED])
async def test_every_error_names_what_was_wrong(
    api: Api, query: str, variables: dict[str, Any], code: str, words: str
) -> None:
    error = await api.error(query, variables)
    assert error["extensions"]["code"] == code and words in error["message"], error


async def test_an_operation_is_chosen_by_name(api: Api) -> None:
    two = "query A { muscles { slug } } query B { bodyParts { slug } }"
    response = await api.client.post("/graphql", json={"query": two, "operationName": "B"})
    assert response.status_code == 200 and "bodyParts" in response.json()["data"]
    error = (await api.client.post("/graphql", json={"query": two, "operationName": "C"})).json()["errors"][0]
    assert error["extensions"]["code"] == "OPERATION_RESOLUTION_FAILURE"


@pytest.mark.parametrize(("name", "document"), HOSTILE_DOCUMENTS, ids=[n for n, _ in HOSTILE_DOCUMENTS])
async def test_hostile_documents_are_refused_as_too_complex(api: Api, name: str, document: str) -> None:
    error = await api.error(document)
    assert error["extensions"]["code"] == "QUERY_TOO_COMPLEX", error
    measure = error["extensions"]["measure"]
    assert error["extensions"]["limit"] >= 1 and measure in ("depth", "aliases", "cost", "nesting", "tokens")


async def test_the_cost_limit_is_a_setting_and_first_counts(kb_store: Store, settings: Settings) -> None:
    page = "query($n: Int!) { exercises(first: $n) { edges { node { slug name } } } }"
    cost = DocumentChecks().measure(schema._schema, page, None, {"n": 20}).cost
    assert DocumentChecks().measure(schema._schema, page, None, {"n": 40}).cost > cost
    async with api_for(kb_store, settings.model_copy(update={"max_query_cost": cost})) as api:
        assert len((await api.data(page, {"n": 20}))["exercises"]["edges"]) == 20
        error = await api.error(page, {"n": 21})
    assert error["extensions"]["code"] == "QUERY_TOO_COMPLEX"
    assert error["extensions"]["cost"] > cost and error["extensions"]["limit"] == cost


async def test_the_operations_of_a_batch_share_one_cost_budget(kb_store: Store, settings: Settings) -> None:
    page = "query($n: Int!) { exercises(first: $n) { edges { node { slug name targets { slug } } } } }"
    cost = DocumentChecks().measure(schema._schema, page, None, {"n": 20}).cost
    operation = {"query": page, "variables": {"n": 20}}
    async with api_for(kb_store, settings.model_copy(update={"max_query_cost": cost + cost // 2})) as api:
        answers = (await api.client.post("/graphql", json=[operation, operation])).json()
    codes = sorted(str((a.get("errors") or [{}])[0].get("extensions", {}).get("code")) for a in answers)
    assert codes == ["None", "QUERY_TOO_COMPLEX"], answers


def test_a_fragment_is_measured_once_however_often_it_is_spread() -> None:
    measures = [DocumentChecks().measure(schema._schema, fragment_bomb(n), None, {}) for n in (10, 11, 60)]
    assert measures[1].cost > 2 * measures[0].cost - 10
    assert measures[2].cost > 2**60 and measures[2].depth == 61


async def test_introspection_still_runs(api: Api) -> None:
    assert (await api.data(get_introspection_query()))["__schema"]["queryType"]["name"] == "Query"


# Through `graph-service serve`: bodies, connections and a bystander.


@pytest_asyncio.fixture(scope="module")
async def served(
    engine: str,
    settings: Settings,
    session_store: Store,
    knowledge_base: SeedBundle,
    tmp_path_factory: pytest.TempPathFactory,
) -> AsyncIterator[str]:
    tmp = tmp_path_factory.mktemp(f"hostile-{engine}")
    port = free_port()
    env = {"HOST": HOST, "PORT": str(port), "GRAPHIQL": "false"}
    if engine == "neo4j":
        if GRAPH_CONTENTS.get(engine) != "knowledge-base":
            await write_seed(session_store, knowledge_base, batch_size=500, reset=True)
            GRAPH_CONTENTS[engine] = "knowledge-base"
        env |= {
            "NEO4J_URI": str(settings.neo4j_uri),
            "NEO4J_USER": settings.neo4j_user,
            "NEO4J_PASSWORD": settings.neo4j_password.get_secret_value(),
        }
    else:
        # A fresh data file: the embedded engine seeds the bundled knowledge base on first start.
        env |= {"NEO4J_URI": "", "EMBEDDED_DB_PATH": str(tmp / "served.db")}
    command = [*graph_service_command(), "--host", HOST, "--port", str(port)]
    with serving("hostile", command, env=env, log=tmp / "server.log", port=port):
        yield f"http://{HOST}:{port}"


@pytest.mark.slow  # a server process
@pytest.mark.parametrize(("name", "content_type", "body", "status", "code"), HOSTILE_BODIES)
def test_bad_bodies_are_refused_with_a_code(
    served: str, name: str, content_type: str, body: bytes, status: int, code: str
) -> None:
    connection = http.client.HTTPConnection(served.removeprefix("http://"), timeout=10)
    try:
        connection.request("POST", "/graphql", body=body, headers={"content-type": content_type})
        response = connection.getresponse()
        answer = response.read()
        assert response.status == status, answer
        assert response.getheader("content-type", "").startswith("application/json")
        assert [e["extensions"]["code"] for e in httpx.Response(200, content=answer).json()["errors"]] == [code]
        if status == 413:
            return  # the rest of the body was never read: the service closes the connection
        socket = connection.sock
        assert not response.will_close
        connection.request("GET", "/healthz")
        follow = connection.getresponse()
        assert follow.status == 200 and follow.read() and connection.sock is socket
    finally:
        connection.close()


@pytest.mark.slow  # a server process
def test_hostile_documents_are_refused_while_healthz_answers(served: str) -> None:
    def send(document: str) -> dict[str, Any]:
        with httpx.Client(base_url=served, timeout=30) as client:
            response = client.post("/graphql", json={"query": document})
            assert response.status_code == 200
            return dict(response.json())

    health: list[float] = []
    with ThreadPoolExecutor(4) as pool, httpx.Client(base_url=served, timeout=10) as bystander:
        answers = [pool.submit(send, document) for _, document in HOSTILE_DOCUMENTS * 3]
        while not all(a.done() for a in answers):
            started = time.perf_counter()
            assert bystander.get("/healthz").status_code == 200
            health.append(time.perf_counter() - started)
    assert health and max(health) < LIVENESS_S
    for answer in answers:
        assert [e["extensions"]["code"] for e in answer.result()["errors"]] == ["QUERY_TOO_COMPLEX"]


SNAPSHOT = """{
  exercises(first: 1) { totalCount }
  facets { bodyParts { value count } muscles { value count } equipment { value count }
           difficulties { value count } categories { value count } }
  muscles { slug } equipment { slug } bodyParts { slug }
}"""


def fuzz(base: str, examples: int) -> None:
    """`examples` schema-generated requests: none answered with a 5xx or an uncoded error, the graph unchanged."""
    with httpx.Client(base_url=base, timeout=60) as client:
        before = client.post("/graphql", json={"query": SNAPSHOT}).json()

        @hypothesis_settings(
            max_examples=examples,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(request=fuzzed_requests(schema._schema))
        def answer(request: tuple[str, dict[str, Any]]) -> None:
            query, variables = request
            response = client.post("/graphql", json={"query": query, "variables": variables})
            assert response.status_code < 500, (query, variables, response.text)
            assert not uncoded(response.json()), (query, variables, response.text)

        answer()
        assert client.post("/graphql", json={"query": SNAPSHOT}).json() == before


@pytest.mark.slow  # a server process
def test_fuzzed_documents_and_variables(served: str) -> None:
    fuzz(served, FUZZ_EXAMPLES)


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("FUZZ_AT_LENGTH"), reason="10,000 requests per engine: set FUZZ_AT_LENGTH=1")
def test_fuzzed_documents_and_variables_at_length(served: str) -> None:
    fuzz(served, SLOW_FUZZ_EXAMPLES)
