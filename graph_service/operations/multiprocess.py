"""Metrics over several Uvicorn workers: prometheus-client's multiprocess mode, its folder owned by `serve`.

Each worker is a process of its own with its own counters; a scrape reaches one of them. With several workers,
`serve` makes a fresh folder, names it in PROMETHEUS_MULTIPROC_DIR for the workers it starts (they inherit the
environment), and removes it when they have stopped. A folder the operator names there is used instead, and
emptied of the previous run's files first, as the library requires.
"""

import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger(__name__)

VARIABLE = "PROMETHEUS_MULTIPROC_DIR"


@contextmanager
def shared_metrics(workers: int) -> Iterator[Path | None]:
    """Around the workers' whole life; yields the folder, or None for one worker (its own registry serves)."""
    given = os.environ.get(VARIABLE)
    if workers < 2 and not given:
        yield None
        return
    if given:
        folder = Path(given)
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob("*.db"):
            stale.unlink()
        yield folder
        return
    folder = Path(tempfile.mkdtemp(prefix="graph-service-metrics-"))
    os.environ[VARIABLE] = str(folder)
    log.info("metrics of %d workers shared through %s", workers, folder)
    try:
        yield folder
    finally:
        del os.environ[VARIABLE]
        shutil.rmtree(folder, ignore_errors=True)
