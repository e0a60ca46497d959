"""The peer (@neo4j/graphql with Apollo Server, under benchmarks/peer/): install, start, and translate requests.

The peer keeps its own documents in `peer/workloads/<name>.graphql` with default variables beside them, and
`peer/compare.py` reduces both servers' answers to values that must be equal. The planning workloads
(benchmarks.workloads.PLANNING) have no peer document: benchmarks.plan_checks checks their answers instead.
"""

import importlib.util
import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from benchmarks.workloads import PLANNING
from graph_service.reads.search import lucene_query, words

PEER_DIR = Path(__file__).resolve().parent / "peer"
INSTALL_TIMEOUT_S = 600
VARIABLE = re.compile(r"\$(\w+)")


@dataclass(frozen=True)
class PeerStatus:
    available: bool
    reason: str


def prepare(workloads: list[str]) -> PeerStatus:
    """Check that the peer is complete and installed (running `npm ci` once if needed)."""
    if not (PEER_DIR / "server.mjs").is_file():
        return PeerStatus(False, "benchmarks/peer/server.mjs is missing")
    if not (PEER_DIR / "compare.py").is_file():
        return PeerStatus(False, "benchmarks/peer/compare.py is missing")
    missing = [w for w in workloads if w not in PLANNING and not has_document(w)]
    if missing:
        return PeerStatus(False, f"no peer document for {', '.join(missing)}")
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None:
        return PeerStatus(False, "node is not installed")
    if not (PEER_DIR / "node_modules" / "@neo4j" / "graphql").is_dir():
        if npm is None:
            return PeerStatus(False, "npm is not installed, and benchmarks/peer/node_modules is missing")
        done = subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund"],
            cwd=PEER_DIR,
            capture_output=True,
            text=True,
            timeout=INSTALL_TIMEOUT_S,
            check=False,
        )
        if done.returncode != 0:
            return PeerStatus(False, f"npm ci failed: {done.stderr.strip().splitlines()[-1:]}")
    return PeerStatus(True, "")


def has_document(workload: str) -> bool:
    """Whether the peer answers `workload`: it has none of the planning workloads, which only the service's own
    planning in Python answers."""
    return (PEER_DIR / "workloads" / f"{workload}.graphql").is_file()


def command() -> list[str]:
    return [shutil.which("node") or "node", "server.mjs"]


def compare_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("peer_compare", PEER_DIR / "compare.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def document(workload: str) -> str:
    return (PEER_DIR / "workloads" / f"{workload}.graphql").read_text(encoding="utf-8")


def variables(workload: str, ours: dict[str, Any]) -> dict[str, Any]:
    """The peer's variables for the request whose variables on the service are `ours`."""
    compare = compare_module()
    if hasattr(compare, "peer_variables"):
        return dict(compare.peer_variables(workload, ours))
    defaults_file = PEER_DIR / "workloads" / f"{workload}.json"
    out: dict[str, Any] = json.loads(defaults_file.read_text(encoding="utf-8")) if defaults_file.exists() else {}
    out |= ours
    if "difficulties" in out:
        out["difficulties"] = [d.lower() for d in out["difficulties"]]
    if "text" in ours:
        terms = words(ours["text"])
        out |= {"terms": terms, "query": lucene_query(terms)}
    declared = set(VARIABLE.findall(document(workload)))
    return {k: v for k, v in out.items() if k in declared}


def version(package: str) -> str:
    manifest = PEER_DIR / "node_modules" / package / "package.json"
    try:
        return str(json.loads(manifest.read_text(encoding="utf-8"))["version"])
    except (OSError, KeyError, ValueError):
        return "?"
