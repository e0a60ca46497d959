"""What `docker compose up` runs, run here against the test Neo4j: schema and seed, serve, query.

The commands, environments and healthchecks are read from docker-compose.yml and run unchanged in a layout of
the image the Dockerfile builds (see deploy_files). Only what ties them to the compose network is replaced: the
Neo4j URI and credentials point at the test Neo4j, and the API listens on a free loopback port.
"""

import json
import os
import re
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from deploy_files import Image, compose, container_env, emulate_image

from graph_service.config import PROJECT_ROOT, Settings
from graph_service.seeding import SeedBundle, graph_counts
from graph_service.store import Store

pytestmark = pytest.mark.slow  # starts the service as a process

neo4j_only = pytest.mark.parametrize("engine", ["neo4j"], indirect=True)  # the compose stack runs Neo4j

READY_TIMEOUT_S = 60.0
UNIQUE_SLUGS = ("exercise_slug", "muscle_slug", "equipment_slug", "body_part_slug")  # cypher/neo4j/schema.cypher


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def image(tmp_path_factory: pytest.TempPathFactory) -> Image:
    return emulate_image(tmp_path_factory.mktemp("image"))


@pytest.fixture(scope="module")
def services() -> dict[str, Any]:
    return dict(compose()["services"])


def neo4j_overrides(settings: Settings) -> dict[str, str]:
    return {
        "NEO4J_URI": str(settings.neo4j_uri),
        "NEO4J_USER": settings.neo4j_user,
        "NEO4J_PASSWORD": settings.neo4j_password.get_secret_value(),
    }


def run(command: list[str], image: Image, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, env=env, cwd=image.workdir, capture_output=True, text=True, timeout=300)


@contextmanager
def served(command: list[str], image: Image, env: dict[str, str]) -> Iterator[Path]:
    """The API as a child process, stopped on exit; yields its log file."""
    log = image.workdir.parent / f"api-{env['PORT']}.log"
    with log.open("w") as out:
        process = subprocess.Popen(command, env=env, cwd=image.workdir, stdout=out, stderr=subprocess.STDOUT)
    try:
        yield log
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_the_image_runs_the_installed_package_not_the_checkout(image: Image) -> None:
    result = run(["python", "-c", "import graph_service; print(graph_service.__file__)"], image, image.env)
    assert result.returncode == 0, result.stderr
    installed = Path(result.stdout.strip())
    assert installed.is_relative_to(image.env["PYTHONPATH"])
    bundled = installed.parent
    assert not bundled.joinpath("cypher").is_symlink() and (bundled / "cypher" / "exercise_page.cypher").is_file()
    assert (bundled / "seed" / "muscles.yaml").is_file()  # shipped as package data, not found through the checkout


@neo4j_only
async def test_seed_then_serve_then_query(
    store: Store, settings: Settings, image: Image, services: dict[str, Any], knowledge_base: SeedBundle
) -> None:
    # seed: once onto an empty graph without its uniqueness constraints, then again as after a restart
    for name in UNIQUE_SLUGS:
        await store.run_text(f"DROP CONSTRAINT {name} IF EXISTS", {}, write=True)
    seed = services["seed"]
    seed_env = container_env(image, seed, **neo4j_overrides(settings))
    first = run(seed["command"], image, seed_env)
    assert first.returncode == 0, first.stdout + first.stderr
    counts = await graph_counts(store)
    assert counts.nodes == {
        "Exercise": len(knowledge_base.exercises),
        "Muscle": len(knowledge_base.muscles),
        "Equipment": len(knowledge_base.equipment),
        "BodyPart": len(knowledge_base.body_parts),
        "MovementPattern": len(knowledge_base.movement_patterns),
        "Kit": len(knowledge_base.kits),
        "MuscleGroup": len(knowledge_base.muscle_groups),
    }
    again = run(seed["command"], image, seed_env)
    assert again.returncode == 0, again.stdout + again.stderr
    assert await graph_counts(store) == counts
    (constraints,) = await store.run_text("SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names", {}, write=False)
    assert set(UNIQUE_SLUGS) <= set(constraints["names"])  # the schema came with the seed

    # api: started after seed succeeded; healthy once /readyz answers
    api = services["api"]
    port = str(free_port())
    api_env = container_env(image, api, **neo4j_overrides(settings), HOST="127.0.0.1", PORT=port)
    healthcheck = api["healthcheck"]["test"][1:]  # after "CMD"
    assert run(healthcheck, image, api_env).returncode != 0, "healthy before the API started"
    with served(api["command"], image, api_env) as log:
        deadline = time.monotonic() + READY_TIMEOUT_S
        while (check := run(healthcheck, image, api_env)).returncode != 0:
            assert time.monotonic() < deadline, f"never healthy: {check.stderr}\n{log.read_text()}"
            time.sleep(0.2)

        readme_request, readme_response = readme_walk_through()
        answer = httpx.post(f"http://127.0.0.1:{port}/graphql", json=readme_request, timeout=10)
        total = httpx.post(
            f"http://127.0.0.1:{port}/graphql", json={"query": "{ exercises { totalCount } }"}, timeout=10
        )
    assert answer.status_code == 200 and answer.json() == readme_response, answer.text
    assert total.json()["data"]["exercises"]["totalCount"] == len(knowledge_base.exercises)


def readme_walk_through() -> tuple[dict[str, Any], dict[str, Any]]:
    """The GraphQL request the README's docker compose section sends with curl, and the answer it shows."""
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Run the stack with docker compose", 1)[1].split("\n## ", 1)[0]
    match = re.search(r"-d '(.+)'\n# (.+)\n", section)
    assert match, "the README shows a curl request and its answer"
    return json.loads(match[1]), json.loads(match[2])


@neo4j_only
def test_seed_fails_with_exit_2_when_neo4j_is_unreachable(
    settings: Settings, image: Image, services: dict[str, Any]
) -> None:
    """compose then keeps api from starting (service_completed_successfully)."""
    seed = services["seed"]
    env = container_env(image, seed, **neo4j_overrides(settings) | {"NEO4J_URI": f"bolt://127.0.0.1:{free_port()}"})
    result = run(seed["command"], image, env)
    assert result.returncode == 2
    assert "not reachable" in result.stderr


@neo4j_only
def test_neo4j_healthcheck_line_runs_its_statement(
    settings: Settings, tmp_path: Path, services: dict[str, Any]
) -> None:
    """The healthcheck's shell line, after compose's `$$` unescaping, with NEO4J_AUTH as the container has it.

    The Neo4j image's cypher-shell is not here, so a stand-in of the same name runs the statement through the
    Python driver and records the arguments it was given.
    """
    kind, line = services["neo4j"]["healthcheck"]["test"]
    assert kind == "CMD-SHELL"
    # Against a Neo4j with authentication the stand-in logs in with what the line passed; against the launcher's
    # (no authentication) it connects without, and a password with a slash and a dollar sign tests the split.
    real_password = settings.neo4j_password.get_secret_value()
    user, password = settings.neo4j_user, real_password or "pass/word with $ sign"
    stand_in = tmp_path / "cypher-shell"
    stand_in.write_text(
        f"#!{sys.executable}\n"
        "import json, sys\n"
        "from neo4j import GraphDatabase\n"
        "args = sys.argv[1:]\n"
        f"open({str(tmp_path / 'args.json')!r}, 'w').write(json.dumps(args))\n"
        "assert args[0] == '-u' and args[2] == '-p', args\n"
        f"auth = (args[1], args[3]) if {bool(real_password)} else None\n"
        f"with GraphDatabase.driver({settings.neo4j_uri!r}, auth=auth) as driver:\n"
        "    driver.execute_query(args[4])\n"
    )
    stand_in.chmod(stand_in.stat().st_mode | stat.S_IXUSR)
    env = {"PATH": f"{tmp_path}{os.pathsep}{os.environ['PATH']}", "NEO4J_AUTH": f"{user}/{password}"}
    result = subprocess.run(["sh", "-c", line.replace("$$", "$")], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads((tmp_path / "args.json").read_text()) == ["-u", user, "-p", password, "RETURN 1"]
