"""The built wheel on its own: installed into a fresh environment, it finds its Cypher library and seed files as
package data, validates the bundled knowledge base and serves it, with no checkout in sight."""

import os
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

import httpx
import pytest
from test_server import free_port

from graph_service.config import PROJECT_ROOT

pytestmark = pytest.mark.slow
READY_TIMEOUT_S = 120.0


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment holding the wheel; its dependencies are reached through a path entry to this
    interpreter's site-packages (a plain path: the editable install's import hook there is not loaded)."""
    root = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--wheel-dir",
            str(root / "dist"),
            str(PROJECT_ROOT),
        ],
        check=True,
        timeout=300,
    )
    (wheel,) = (root / "dist").glob("graph_service-*.whl")
    venv = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=60)
    site = Path(
        subprocess.run(
            [venv / "bin" / "python", "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    (site / "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install", "--quiet", "--no-deps",
         str(wheel)],
        check=True,
        timeout=120,
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},  # pip must not find a checkout's package
    )  # fmt: skip
    return venv


def environment(tmp: Path) -> dict[str, str]:
    keep = ("PATH", "HOME", "LANG")
    return {k: v for k, v in os.environ.items() if k in keep} | {"EMBEDDED_DB_PATH": str(tmp / "graph.db")}


def test_the_wheel_carries_its_cypher_and_seed_files(installed: Path, tmp_path: Path) -> None:
    where = subprocess.run(
        [installed / "bin" / "python", "-c", "import graph_service, graph_service.config as c; "
         "print(graph_service.__file__); print(c.Settings().cypher_dir); print(c.Settings().seed_dir)"],
        capture_output=True, text=True, cwd=tmp_path, env=environment(tmp_path), check=True,
    )  # fmt: skip
    package, cypher, seed = (Path(line) for line in where.stdout.splitlines())
    assert not package.is_relative_to(PROJECT_ROOT)
    assert cypher == package.parent / "cypher" and not cypher.is_symlink()
    assert {p.name for p in cypher.glob("*.cypher")} == {p.name for p in (PROJECT_ROOT / "cypher").glob("*.cypher")}
    assert seed == package.parent / "seed" and (seed / "exercises").is_dir()


def test_seed_check_and_serve_from_the_wheel(installed: Path, tmp_path: Path) -> None:
    env = environment(tmp_path)
    check = subprocess.run(
        [installed / "bin" / "graph-service", "seed", "--check"],
        capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120,
    )  # fmt: skip
    assert check.returncode == 0, check.stdout + check.stderr
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [installed / "bin" / "graph-service", "serve", "--host", "127.0.0.1", "--port", str(port)],
            cwd=tmp_path, env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + READY_TIMEOUT_S
        while True:
            assert process.poll() is None, log.read_text()
            try:
                if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)
        answer = httpx.post(
            f"{base}/graphql",
            json={"query": '{ exercise(slug: "barbell-hip-thrust") { name targets { slug } } }'},
            timeout=10,
        ).json()
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert answer == {"data": {"exercise": {"name": "Barbell Hip Thrust", "targets": [{"slug": "glutes"}]}}}
