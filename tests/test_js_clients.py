"""The JavaScript clients frontends use, against a running `graph-service serve` on both engines: Apollo Client 4
with its persisted-queries link (over GET) and its batch link, and urql 6 with graphcache and the persisted exchange
(tests/js, locked; installed by scripts/install-js)."""

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from test_server import server  # noqa: F401  (the fixture: a live server on loopback)

pytestmark = pytest.mark.slow  # starts the service and node as processes

JS = Path(__file__).parent / "js"


def run_node(script: str, url: str, package: str = "@apollo/client") -> dict[str, Any]:
    node = shutil.which("node")
    assert node, "node is missing"
    assert (JS / "node_modules" / package).is_dir(), f"{package} is not installed in tests/js: run scripts/install-js"
    run = subprocess.run(
        [node, str(JS / script)],
        env={**os.environ, "GRAPHQL_URL": url},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    found: dict[str, Any] = json.loads(run.stdout.strip().splitlines()[-1])
    return found


def test_apollo_client_persisted_queries_and_batches(server: str) -> None:  # noqa: F811
    seen = run_node("apollo.mjs", f"{server}/graphql")
    goblet = {
        "__typename": "Exercise",
        "slug": "goblet-squat",
        "name": "Goblet Squat",
        "targets": [{"__typename": "Muscle", "slug": "glutes"}, {"__typename": "Muscle", "slug": "quadriceps"}],
    }
    assert seen["first"] == seen["second"] == goblet
    # The hash alone over GET, refused as unknown; then the document, which the service keeps.
    unknown, registered = seen["registration"]
    assert (unknown["method"], unknown["withDocument"], unknown["codes"]) == (
        "GET",
        [False],
        ["PERSISTED_QUERY_NOT_FOUND"],
    )
    assert unknown["cacheControl"] == "no-store"
    assert registered["withDocument"] == [True] and registered["codes"] == []
    # Another app's first request is the hash alone, answered at once and cacheable.
    (known,) = seen["known"]
    assert (known["method"], known["withDocument"], known["codes"], known["status"]) == ("GET", [False], [], 200)
    assert known["cacheControl"].startswith("public, max-age=")
    # Three queries made together went as one batch, each answered.
    assert seen["batched"] == ["barbell-hip-thrust", "push-up", "side-plank"]
    assert [(r["method"], r["batch"], r["codes"]) for r in seen["batch"]] == [("POST", 3, [])]
    # InMemoryCache with no keyFields: each exercise is stored once, under its type and id, and read back by them.
    assert seen["cacheKeys"] == [f"Exercise:{i}" for i in seen["pageIds"]]
    assert seen["fromCache"] == {"__typename": "Exercise", "slug": seen["pageSlugs"][1]}


def test_urql_graphcache_normalises_by_id_and_persisted_queries(server: str) -> None:  # noqa: F811
    seen = run_node("urql.mjs", f"{server}/graphql", package="@urql/exchange-graphcache")
    # The page: one request, five exercises with their global ids.
    assert [r["codes"] for r in seen["pageRequests"]] == [[]]
    listed = seen["listed"]
    assert len(listed) == 5 and len({e["id"] for e in listed}) == 5
    # `node(id:)` for a listed exercise is answered by graphcache from the entity it keyed by id: no request.
    assert seen["node"] == {"node": listed[2]}
    assert (seen["nodeOutcome"], seen["nodeRequests"]) == ("hit", [])
    # One the page did not list goes to the server, once.
    assert seen["unlisted"]["node"]["slug"] == "push-up"
    assert seen["unlistedOutcome"] == "miss" and len(seen["unlistedRequests"]) == 1
    # Automatic persisted queries: the hash alone over GET, refused as unknown; then the hash with the document.
    goblet = seen["first"]["exercise"]
    assert (goblet["slug"], [m["slug"] for m in goblet["targets"]]) == ("goblet-squat", ["glutes", "quadriceps"])
    unknown, registered = seen["registration"]
    assert (unknown["method"], unknown["hashed"], unknown["withDocument"], unknown["codes"]) == (
        "GET",
        True,
        False,
        ["PERSISTED_QUERY_NOT_FOUND"],
    )
    assert (registered["hashed"], registered["withDocument"], registered["codes"]) == (True, True, [])
    # Another app's hash-only request is answered at once, in GraphQL over HTTP's media type, and cacheable.
    (known,) = seen["known"]
    assert (known["method"], known["hashed"], known["withDocument"], known["codes"], known["status"]) == (
        "GET",
        True,
        False,
        [],
        200,
    )
    assert known["contentType"].startswith("application/graphql-response+json")
    assert known["cacheControl"].startswith("public, max-age=")
    assert seen["second"] == seen["first"]


def test_plain_fetch_with_graphql_over_http(server: str) -> None:  # noqa: F811
    seen = run_node("fetch.mjs", f"{server}/graphql", package="")
    answered, refused = seen["answered"], seen["refused"]
    assert (answered["status"], answered["body"]) == (200, {"data": {"exercise": {"name": "Push-Up"}}})
    assert answered["contentType"].startswith("application/graphql-response+json")
    # A request error under that media type: 400, no data, the error's code.
    assert refused["status"] == 400 and "data" not in refused["body"]
    assert refused["contentType"].startswith("application/graphql-response+json")
    assert [e["extensions"]["code"] for e in refused["body"]["errors"]] == ["GRAPHQL_VALIDATION_FAILED"]
