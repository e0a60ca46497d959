"""Run `graph-service` in a child process against a test's engine."""

import os
import subprocess
import sys
from pathlib import Path

from graph_service.config import Settings


def cli(settings: Settings, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Neo4j is the test server itself; the embedded engine gets a private file, since one process owns a file."""
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG")}
    env |= {"NEO4J_URI": settings.neo4j_uri or "", "EMBEDDED_DB_PATH": str(tmp_path / "cli.db")}
    return subprocess.run(
        [sys.executable, "-m", "graph_service", *args], capture_output=True, text=True, env=env, timeout=120
    )
