"""Python's gql client against a running `graph-service serve` on both engines: a plain query, a batch sent by hand
(`execute_batch`) and one gathered by the client itself (`batch_interval`), each operation with its own answer."""

import asyncio
import json
from typing import Any

import httpx
import pytest
from gql import Client, GraphQLRequest
from gql.transport.exceptions import TransportQueryError
from gql.transport.httpx import HTTPXAsyncTransport, HTTPXTransport
from test_server import server  # noqa: F401  (the fixture: a live server on loopback)

pytestmark = pytest.mark.slow  # starts the service as a process

EXERCISE = """query Exercise($slug: String!) { exercise(slug: $slug) { slug targets { slug } } }"""
SLUGS = ["barbell-hip-thrust", "push-up", "side-plank"]


class Sent:
    """What went over the wire: httpx's request hook, which gql's HTTPX transports pass through to httpx."""

    def __init__(self) -> None:
        self.bodies: list[Any] = []

    def sync_hook(self, request: httpx.Request) -> None:
        self.bodies.append(json.loads(request.read()))

    async def async_hook(self, request: httpx.Request) -> None:
        self.bodies.append(json.loads(await request.aread()))


def test_a_plain_query_through_the_httpx_transport(server: str) -> None:  # noqa: F811
    sent = Sent()
    transport = HTTPXTransport(url=f"{server}/graphql", event_hooks={"request": [sent.sync_hook]})
    with Client(transport=transport) as session:
        result = session.execute(GraphQLRequest(EXERCISE, variable_values={"slug": "goblet-squat"}))
        found = session.execute(GraphQLRequest('{ exercise(slug: "goblet-squat") { id } }'))
        again = session.execute(
            GraphQLRequest(
                "query Node($id: ID!) { node(id: $id) { id ... on Exercise { slug } } }",
                variable_values={"id": found["exercise"]["id"]},
            )
        )
    assert result == {"exercise": {"slug": "goblet-squat", "targets": [{"slug": "glutes"}, {"slug": "quadriceps"}]}}
    assert again == {"node": {"id": found["exercise"]["id"], "slug": "goblet-squat"}}
    assert [isinstance(b, dict) for b in sent.bodies] == [True, True, True]  # one operation a request


def test_execute_batch_sends_one_request_and_answers_each(server: str) -> None:  # noqa: F811
    sent = Sent()
    transport = HTTPXTransport(url=f"{server}/graphql", event_hooks={"request": [sent.sync_hook]})
    requests = [GraphQLRequest(EXERCISE, variable_values={"slug": slug}) for slug in SLUGS]
    requests.append(GraphQLRequest('{ muscle(slug: "glutes") { name } }'))
    with Client(transport=transport) as session:
        results = session.execute_batch(requests)
    assert [r["exercise"]["slug"] for r in results[:3]] == SLUGS
    assert results[3] == {"muscle": {"name": "Glutes"}}
    (body,) = sent.bodies
    assert isinstance(body, list) and [op.get("variables", {}).get("slug") for op in body] == [*SLUGS, None]
    # An operation the schema refuses: gql raises the first error, with the code the server gave it.
    bad = [GraphQLRequest(EXERCISE, variable_values={"slug": "push-up"}), GraphQLRequest("{ nope }")]
    with Client(transport=HTTPXTransport(url=f"{server}/graphql")) as session, pytest.raises(TransportQueryError) as e:
        session.execute_batch(bad)
    assert e.value.errors and e.value.errors[0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"


async def test_the_client_gathers_concurrent_queries_into_one_batch(server: str) -> None:  # noqa: F811
    sent = Sent()
    transport = HTTPXAsyncTransport(url=f"{server}/graphql", event_hooks={"request": [sent.async_hook]})
    async with Client(transport=transport, batch_interval=0.05, batch_max=10) as session:
        answers = await asyncio.gather(
            *(session.execute(GraphQLRequest(EXERCISE, variable_values={"slug": slug})) for slug in SLUGS)
        )
    assert [a["exercise"]["slug"] for a in answers] == SLUGS
    assert [len(b) if isinstance(b, list) else 0 for b in sent.bodies] == [3]
