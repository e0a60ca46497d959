"""docker-compose.yml and the Dockerfile, checked without a Docker engine.

The compose file is validated against the official Compose Specification schema (the copy check-jsonschema
ships, with its licence); the Dockerfile is read by BuildKit's own parser.
"""

import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml
from deploy_files import (
    COMPOSE_FILE,
    COMPOSE_VARIABLE,
    ENV_EXAMPLE,
    compose,
    instructions,
    stage_env,
    stages,
)

from graph_service.config import PROJECT_ROOT


def validate(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.compose-spec", str(path)],
        capture_output=True,
        text=True,
    )


def test_compose_file_follows_the_compose_specification() -> None:
    result = validate(COMPOSE_FILE)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_validator_rejects_what_compose_would_reject(tmp_path: Path) -> None:
    """The same check on broken copies fails, so the passing run above means something."""
    broken: dict[str, Any] = compose()
    broken["services"]["api"]["depends_on"]["seed"]["condition"] = "service_finished"
    (tmp_path / "condition.yml").write_text(yaml.safe_dump(broken))
    broken = compose()
    broken["services"]["neo4j"]["healthcheck"]["retry"] = 3
    (tmp_path / "key.yml").write_text(yaml.safe_dump(broken))
    for name in ("condition.yml", "key.yml"):
        result = validate(tmp_path / name)
        assert result.returncode == 1, name
        assert "Schema validation errors" in result.stdout + result.stderr


def test_services_start_in_order_neo4j_healthy_then_seed_then_api() -> None:
    services = compose()["services"]
    assert set(services) == {"neo4j", "seed", "api"}
    assert services["seed"]["depends_on"] == {"neo4j": {"condition": "service_healthy"}}
    assert services["api"]["depends_on"] == {
        "neo4j": {"condition": "service_healthy"},
        "seed": {"condition": "service_completed_successfully"},
    }
    # A one-shot job: a restart policy would run it again, or keep api waiting on a container that never ends.
    assert services["seed"]["restart"] == "no"
    assert services["seed"]["command"] == ["graph-service", "seed"]
    assert services["api"]["command"][:2] == ["graph-service", "serve"]


def test_neo4j_is_the_official_5_26_community_image_with_its_data_on_a_named_volume() -> None:
    spec = compose()
    neo4j = spec["services"]["neo4j"]
    assert neo4j["image"] == "neo4j:5.26-community"
    # Browser and Bolt published on this machine's loopback only
    assert sorted(neo4j["ports"]) == ["127.0.0.1:7474:7474", "127.0.0.1:7687:7687"]
    assert "neo4j-data:/data" in neo4j["volumes"]
    assert "neo4j-data" in spec["volumes"]


def test_healthchecks_run_cypher_and_ask_readyz() -> None:
    services = compose()["services"]
    neo4j = services["neo4j"]["healthcheck"]["test"]
    assert neo4j[0] == "CMD-SHELL" and "cypher-shell" in neo4j[1] and "'RETURN 1'" in neo4j[1]
    api = services["api"]["healthcheck"]["test"]
    assert api[0] == "CMD" and "/readyz" in api[-1]
    assert services["api"]["ports"] == ["8000:8000"]
    assert services["api"]["environment"]["PORT"] == "8000"
    # seed and api reach Neo4j by its service name, over Bolt
    for name in ("seed", "api"):
        assert services[name]["environment"]["NEO4J_URI"] == "bolt://neo4j:7687"


def test_credentials_come_from_the_environment() -> None:
    services = compose()["services"]
    required = "${NEO4J_PASSWORD:?"
    assert services["neo4j"]["environment"]["NEO4J_AUTH"].startswith("neo4j/" + required)
    for name in ("seed", "api"):
        assert services[name]["environment"]["NEO4J_PASSWORD"].startswith(required)
    # every variable the compose file reads is documented in .env.example, with a placeholder value
    example = dict(
        line.split("=", 1) for line in ENV_EXAMPLE.read_text().splitlines() if line and not line.startswith("#")
    )
    assert set(COMPOSE_VARIABLE.findall(COMPOSE_FILE.read_text())) <= set(example)
    assert len(example["NEO4J_PASSWORD"]) >= 8  # Neo4j refuses shorter passwords
    assert ".env" in (PROJECT_ROOT / ".gitignore").read_text().splitlines()


def test_dockerfile_builds_a_small_non_root_image_without_dev_tools() -> None:
    build, final = stages()
    (base,) = instructions(final, "FROM")
    assert base.value == ("python:3.12-slim",)
    # the compiler stays in the build stage; the final stage takes only the finished environment
    assert all("build-essential" not in run.value[0] for run in instructions(final, "RUN"))
    (install,) = [run.value[0] for run in instructions(build, "RUN") if "pip install" in run.value[0]]
    assert install == "/opt/venv/bin/pip install ."  # no [test] or [dev] extras
    assert {("cypher", "./cypher"), ("seed", "./seed")} <= {c.value for c in instructions(build, "COPY")}
    copies = {c.value for c in instructions(final, "COPY")}
    assert copies == {("/opt/venv", "/opt/venv")}  # the package carries its Cypher and seed files
    (user,) = instructions(final, "USER")
    assert user.value[0] not in {"root", "0"}
    assert final.index(user) > max(final.index(c) for c in instructions(final, "RUN"))
    (cmd,) = instructions(final, "CMD")
    assert cmd.json and cmd.value == ("graph-service", "serve", "--host", "0.0.0.0", "--port", "8000")
    assert not {"CYPHER_DIR", "SEED_DIR"} & stage_env(final).keys()


def test_dockerignore_sends_only_what_the_image_needs() -> None:
    rules = [
        line for line in (PROJECT_ROOT / ".dockerignore").read_text().splitlines() if line and not line.startswith("#")
    ]
    assert rules[0] == "*"  # everything out, then back in by name
    included = {rule[1:] for rule in rules if rule.startswith("!")}
    copies = [c for stage in stages() for c in instructions(stage, "COPY") if not c.flags]  # from the context
    sources = {source for c in copies for source in c.value[:-1]}
    assert sources == included


def test_the_api_keeps_the_production_defaults() -> None:
    """It serves Neo4j on 0.0.0.0, so GraphiQL and introspection are off unless the compose file turns them on."""
    api = compose()["services"]["api"]["environment"]
    assert api["HOST"] == "0.0.0.0" and api["NEO4J_URI"]
    assert not {"GRAPHIQL", "INTROSPECTION"} & set(api)
