"""The deployment files as the tests read them: docker-compose.yml, the Dockerfile and the image they describe.

There is no Docker engine where the tests run, so `emulate_image` lays out on disk what the Dockerfile builds:
the package installed (not editable) from the files the build stage copies, the files the final stage copies
under its working directory, and the final stage's environment with its container paths mapped onto that layout.
Commands from the compose file then run against it as the containers would run them.
"""

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import dockerfile
import yaml

from graph_service.config import PROJECT_ROOT

COMPOSE_FILE = PROJECT_ROOT / "docker-compose.yml"
DOCKERFILE = PROJECT_ROOT / "Dockerfile"
ENV_EXAMPLE = PROJECT_ROOT / ".env.example"
# Compose variables (`${NAME}`, `${NAME:-default}`, `${NAME:?error}`); `$$` is an escaped dollar sign.
COMPOSE_VARIABLE = re.compile(r"(?<!\$)\$\{(\w+)")


def compose() -> dict[str, Any]:
    data = yaml.safe_load(COMPOSE_FILE.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def stages() -> list[list[dockerfile.Command]]:
    """The Dockerfile's instructions, one list per build stage, as BuildKit's own parser reads them."""
    result: list[list[dockerfile.Command]] = []
    for command in dockerfile.parse_file(str(DOCKERFILE)):
        if command.cmd == "FROM":
            result.append([])
        result[-1].append(command)
    return result


def instructions(stage: list[dockerfile.Command], name: str) -> list[dockerfile.Command]:
    return [c for c in stage if c.cmd == name]


def stage_env(stage: list[dockerfile.Command]) -> dict[str, str]:
    env: dict[str, str] = {}
    for command in instructions(stage, "ENV"):
        pairs = command.value
        env |= dict(zip(pairs[::2], pairs[1::2], strict=True))
    return env


@dataclass(frozen=True)
class Image:
    """The final stage laid out under a temporary folder; `workdir` stands in for its WORKDIR."""

    env: dict[str, str]  # the final stage's ENV, container paths replaced by their stand-ins
    workdir: Path


def _copy(stage: list[dockerfile.Command], workdir: Path) -> None:
    """Carry out a stage's COPY instructions from the build context (copies from other stages are skipped)."""
    for command in instructions(stage, "COPY"):
        if any(flag.startswith("--from") for flag in command.flags):
            continue
        *sources, destination = command.value
        target = workdir / destination
        for source in sources:
            path = PROJECT_ROOT / source
            if path.is_dir():
                shutil.copytree(
                    path,
                    target if len(sources) == 1 else target / path.name,
                    dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("__pycache__"),
                )
            else:
                target.mkdir(parents=True, exist_ok=True)
                shutil.copy(path, target / path.name)


def emulate_image(root: Path) -> Image:
    build, final = stages()[0], stages()[-1]
    (app_dir,) = (c.value[0] for c in instructions(final, "WORKDIR"))
    src, app, venv = root / "src", root / "app", root / "venv"
    _copy(build, src)
    # The build stage's `pip install .`, into a target folder instead of a virtual environment; the runtime
    # dependencies are already installed in the interpreter running the tests.
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(venv), str(src)],
        check=True,
    )
    # `python -m venv /opt/venv` gives the image a `python` first on its PATH (the API healthcheck calls it).
    (venv / "bin" / "python").symlink_to(sys.executable)
    app.mkdir()
    _copy(final, app)
    paths = {"/opt/venv/bin": venv / "bin", app_dir: app}
    env = {name: _host_path(value, paths) for name, value in stage_env(final).items()}
    env["PATH"] = env["PATH"].replace("$PATH", os.environ["PATH"])
    return Image(env=env | {"PYTHONPATH": str(venv)}, workdir=app)


def _host_path(value: str, paths: dict[str, Path]) -> str:
    for container, host in paths.items():
        value = re.sub(rf"(?<![\w/]){re.escape(container)}(?=/|:|$)", str(host), value)
    return value


def container_env(image: Image, service: dict[str, Any], **overrides: str) -> dict[str, str]:
    """What a service's process sees: the image's environment, then the service's, then the test's overrides.

    Only the values the test overrides may contain compose variables; everything else must be literal.
    """
    service_env = {k: str(v) for k, v in (service.get("environment") or {}).items()}
    literal = {k: v for k, v in service_env.items() if k not in overrides}
    assert not any("$" in v for v in literal.values()), f"unexpected interpolation in {literal}"
    base = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "EMBEDDED_", "CYPHER_", "SEED_"))}
    return base | image.env | literal | overrides
