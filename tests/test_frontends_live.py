"""A browser app's view of a running `graph-service serve` on both engines: CORS from another origin, persisted
queries over POST and GET, compression, revalidation, and GraphiQL in Debian's headless Chromium with every other
host cut off."""

import hashlib
import json
import shutil
import time
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from browser import CHROMIUM, CHROMIUM_ARGS
from playwright.sync_api import Route, sync_playwright
from test_server import server  # noqa: F401  (the fixture: a live server on loopback)

pytestmark = pytest.mark.slow  # starts the service as a process, and Chromium

# Loose bounds for liveness: a loaded machine and a cold Neo4j answer the first requests slowly.
TIMEOUT_S = 60
APOLLO_HEADERS = "content-type,apollographql-client-name,apollographql-client-version,traceparent,x-request-id"
PAGE = "query Page($first: Int!) { exercises(first: $first) { edges { node { slug name description } } } }"


def persisted(document: str) -> str:
    return json.dumps({"persistedQuery": {"version": 1, "sha256Hash": hashlib.sha256(document.encode()).hexdigest()}})


def test_a_page_on_another_origin_passes_the_preflight_and_reads(server: str) -> None:  # noqa: F811
    origin = {"origin": "http://localhost:5173"}
    preflight = httpx.options(
        f"{server}/graphql",
        timeout=TIMEOUT_S,
        headers={**origin, "access-control-request-method": "POST", "access-control-request-headers": APOLLO_HEADERS},
    )
    assert preflight.status_code == 200 and preflight.headers["access-control-allow-origin"] == "*"
    assert int(preflight.headers["access-control-max-age"]) > 0
    answer = httpx.post(
        f"{server}/graphql",
        timeout=TIMEOUT_S,
        json={"query": '{ muscle(slug: "glutes") { name } }'},
        headers={**origin, "apollographql-client-name": "web", "apollographql-client-version": "1.0"},
    )
    assert answer.json() == {"data": {"muscle": {"name": "Glutes"}}}
    assert answer.headers["access-control-allow-origin"] == "*"


def test_persisted_queries_compression_and_revalidation(server: str) -> None:  # noqa: F811
    with httpx.Client(base_url=server, timeout=TIMEOUT_S, headers={"accept-encoding": "gzip"}) as client:
        params = {"extensions": persisted(PAGE), "variables": json.dumps({"first": 100})}
        assert client.get("/graphql", params=params).json()["errors"][0]["extensions"]["code"] == (
            "PERSISTED_QUERY_NOT_FOUND"
        )
        registered = client.post(
            "/graphql", json={"query": PAGE, "variables": {"first": 100}, "extensions": json.loads(persisted(PAGE))}
        )
        assert len(registered.json()["data"]["exercises"]["edges"]) == 100
        assert registered.headers["content-encoding"] == "gzip" and registered.headers["cache-control"] == "no-store"
        answer = client.get("/graphql", params=params)
        assert answer.json() == registered.json() and answer.headers["content-encoding"] == "gzip"
        assert answer.headers["cache-control"].startswith("public, max-age=")
        again = client.get("/graphql", params=params, headers={"if-none-match": answer.headers["etag"]})
        assert again.status_code == 304 and again.content == b""


def test_graphiql_runs_a_typed_query_in_chromium_with_other_hosts_cut_off(server: str, tmp_path: Path) -> None:  # noqa: F811
    assert CHROMIUM.exists(), "Debian's Chromium is missing: scripts/install-browser"
    own = urlsplit(server).netloc
    refused: list[str] = []

    def only_the_server(route: Route) -> None:
        if urlsplit(route.request.url).netloc == own:
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    with sync_playwright() as playwright:
        # A fresh profile each run; playwright starts Debian's Chromium and never downloads a browser of its own.
        context = playwright.chromium.launch_persistent_context(
            tmp_path / "profile", executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True, timeout=30_000
        )
        try:
            page = context.new_page()
            page.set_default_timeout(TIMEOUT_S * 1000)
            context.route("**/*", only_the_server)
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            started = time.monotonic()
            page.goto(f"{server}/graphql", wait_until="load")
            editor = page.locator(".graphiql-query-editor .CodeMirror")
            editor.wait_for(timeout=TIMEOUT_S * 1000)
            loaded = time.monotonic() - started
            assert "ExercisePage" in editor.inner_text()  # the example this API opens on
            assert page.locator(".graphiql-explorer-root, [aria-label*='Explorer' i]").count() > 0
            editor.click()
            page.keyboard.press("Control+A")
            page.keyboard.press("Delete")
            page.keyboard.type('{ exercise(slug: "goblet-squat") { name equipment { slug } } }')
            # GraphiQL works out the operation to send from the edited text after a short debounce; a click before
            # that sends the example's operation name with the new document, which names no such operation.
            page.wait_for_timeout(1500)
            page.locator(".graphiql-execute-button").click()
            response = page.locator(".graphiql-response .CodeMirror")
            response.get_by_text("Goblet Squat").wait_for(timeout=TIMEOUT_S * 1000)
            answer = json.loads(response.inner_text().replace("\xa0", " "))  # the editor shows spaces as nbsp
        finally:
            context.close()
            shutil.rmtree(tmp_path / "profile", ignore_errors=True)
    assert answer == {"data": {"exercise": {"name": "Goblet Squat", "equipment": [{"slug": "dumbbell"}]}}}
    assert refused == [] and errors == []
    assert loaded < TIMEOUT_S  # liveness only; the figure itself is measured by benchmarks/frontends.py
