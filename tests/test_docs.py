"""The docs against the code they describe: the configuration table lists every setting, and nothing else, with
the defaults the code has."""

import re
from typing import Any

from graph_service.config import PROJECT_ROOT, Settings

DEPLOYMENT = PROJECT_ROOT / "docs" / "deployment.md"


def configuration_rows() -> list[tuple[list[str], list[str]]]:
    """Each row of the configuration table in docs/deployment.md: its variables and its default column's values,
    split at " / " as `HOST` / `PORT` / `WORKERS` are."""
    section = DEPLOYMENT.read_text(encoding="utf-8").split("## Configuration", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        if line.startswith("| `"):
            names, default = line.split(" | ")[:2]
            rows.append((re.findall(r"`([A-Z0-9_]+)`", names), default.split(" / ")))
    return rows


def shown(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def test_the_configuration_table_lists_every_setting() -> None:
    documented = {name for names, _ in configuration_rows() for name in names}
    assert documented == {name.upper() for name in Settings.model_fields}


def test_the_configuration_table_gives_the_defaults_of_the_code() -> None:
    """Defaults written as a literal (`8000`) are compared; words such as "unset" describe the others."""
    fields = Settings.model_fields
    compared = 0
    for names, defaults in configuration_rows():
        if len(names) != len(defaults):
            continue
        for name, default in zip(names, defaults, strict=True):
            literal = re.fullmatch(r"`([^`]*)`", default.strip())
            value = fields[name.lower()].default
            if literal and isinstance(value, int | float | str | bool):
                assert literal[1] == shown(value), name
                compared += 1
    assert compared >= 20


def test_the_readme_names_the_operating_settings_and_only_real_ones() -> None:
    section = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8").split("## Operating it", 1)[1].split("\n## ")[0]
    named = set(re.findall(r"`([A-Z][A-Z0-9_]+)`", section))
    settings = {name.upper() for name in Settings.model_fields}
    assert named <= settings, named - settings
    operating = {"QUERY_TIMEOUT", "REQUEST_TIMEOUT", "READINESS_TIMEOUT", "MAX_IN_FLIGHT", "RETRY_AFTER"}
    operating |= {"MAX_QUERY_COST", "MAX_BODY_SIZE", "GRAPHIQL", "INTROSPECTION", "LOG_FORMAT", "ACCESS_LOG"}
    operating |= {"METRICS", "TRACING", "WORKERS", "CORS_ORIGINS", "CORS_HEADERS"}
    assert operating <= named, operating - named
