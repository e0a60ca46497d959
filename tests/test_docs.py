"""The docs against the code they describe: every setting is in the configuration table, and nothing else is."""

import re

from graph_service.config import PROJECT_ROOT, Settings

DEPLOYMENT = PROJECT_ROOT / "docs" / "deployment.md"


def documented_settings() -> set[str]:
    """The variables named in the first column of the configuration table of docs/deployment.md."""
    section = DEPLOYMENT.read_text(encoding="utf-8").split("## Configuration", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    return {name for row in rows for name in re.findall(r"`([A-Z0-9_]+)`", row.split(" | ", 1)[0])}


def test_the_configuration_table_lists_every_setting() -> None:
    settings = {name.upper() for name in Settings.model_fields}
    assert documented_settings() == settings
