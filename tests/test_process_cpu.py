"""Per-thread CPU accounting for the benchmark's seeding figures, read from /proc."""

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from benchmarks.process_cpu import CpuSplit, cpu_split, find_pid, split, thread_cpu

pytestmark = pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads Linux's /proc")


def _spin(seconds: float) -> None:
    deadline = time.process_time() + seconds
    while time.process_time() < deadline:
        pass


def test_a_busy_thread_shows_its_cpu_under_its_own_name() -> None:
    before = thread_cpu(os.getpid())
    worker = threading.Thread(target=_spin, args=(0.3,), name="busy-worker")
    worker.start()
    worker.join()
    after = cpu_split(os.getpid())
    assert after.total_s - sum(before.values()) >= 0.25
    # the spinning thread has ended; the process total still counts it
    assert not any(key.endswith(" busy-worker") for key in thread_cpu(os.getpid()))


def test_jit_and_gc_threads_are_told_apart_by_their_hotspot_names() -> None:
    threads = {
        "11 C2 CompilerThre": 7.5,
        "12 C1 CompilerThre": 1.5,
        "13 GC Thread#0": 0.5,
        "14 G1 Conc#0": 0.25,
        "15 neo4j.BoltWorke": 9.0,
        "16 Compiler Helper": 3.0,  # not a HotSpot compiler thread
    }
    got = split(threads, 30.0)
    assert got == CpuSplit(total_s=30.0, jit_s=9.0, gc_s=0.75)
    assert got - CpuSplit(10.0, 4.0, 0.25) == CpuSplit(20.0, 5.0, 0.5)
    assert got.as_dict() == {"cpu_s": 30.0, "jit_cpu_s": 9.0, "gc_cpu_s": 0.75}


def test_a_process_is_found_by_an_argument_it_was_started_with(tmp_path: Path) -> None:
    marker = str(tmp_path / "unique-data-dir")
    script = "import sys; print('up', flush=True); sys.stdin.read()"
    child = subprocess.Popen([sys.executable, "-c", script, marker], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert child.stdout is not None
        assert child.stdout.readline() == b"up\n"  # running the new program, not still the forked copy of this one
        assert find_pid(marker) == child.pid
        assert find_pid(marker + "-other") is None
        assert find_pid(marker[:-1]) is None  # whole arguments only, not prefixes
    finally:
        assert child.stdin is not None
        child.stdin.close()
        child.wait(timeout=10)
        assert child.stdout is not None
        child.stdout.close()
    assert find_pid(marker) is None
