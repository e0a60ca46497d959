"""CPU a process spent, read from /proc and split by what its threads do (Linux only).

A JVM names its threads, so a Neo4j's CPU divides into the JIT compilers, the garbage collector and the rest (the
Bolt workers that run statements, index population, I/O). On a small machine a new JVM's compilers take a large
share of a first load, which a wall-clock figure alone does not show.
"""

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")
TICKS_PER_S = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
# HotSpot's thread names: "C1 CompilerThread0", "C2 CompilerThread1"; "GC Thread#0", "G1 Conc#0", "G1 Refine#0"...
JIT_PREFIXES = ("C1 CompilerThre", "C2 CompilerThre")
GC_PREFIXES = ("GC Thread", "G1 ", "VM Thread")


@dataclass(frozen=True)
class CpuSplit:
    total_s: float
    jit_s: float
    gc_s: float

    def __sub__(self, before: "CpuSplit") -> "CpuSplit":
        return CpuSplit(self.total_s - before.total_s, self.jit_s - before.jit_s, self.gc_s - before.gc_s)

    def as_dict(self) -> dict[str, float]:
        return {"cpu_s": round(self.total_s, 2), "jit_cpu_s": round(self.jit_s, 2), "gc_cpu_s": round(self.gc_s, 2)}


def find_pid(argument: str) -> int | None:
    """The process one of whose command-line arguments is exactly `argument` (a unique data folder, say)."""
    wanted = argument.encode()
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if wanted in (entry / "cmdline").read_bytes().split(b"\0"):
                return int(entry.name)
        except OSError:
            continue  # gone meanwhile, or not ours to read
    return None


def _stat_cpu_s(stat: str) -> tuple[str, float]:
    # "pid (name) state ..." where the name may hold spaces or parentheses: split at the last ")".
    name = stat[stat.index("(") + 1 : stat.rindex(")")]
    fields = stat[stat.rindex(")") + 2 :].split()
    return name, (int(fields[11]) + int(fields[12])) / TICKS_PER_S  # utime + stime


def thread_cpu(pid: int) -> dict[str, float]:
    """CPU seconds so far of each live thread of `pid`, by thread id and name."""
    out: dict[str, float] = {}
    for task in (PROC / str(pid) / "task").iterdir():
        try:
            name, seconds = _stat_cpu_s((task / "stat").read_text())
        except (OSError, ValueError):
            continue
        out[f"{task.name} {name}"] = seconds
    return out


def split(threads: Mapping[str, float], process_total_s: float) -> CpuSplit:
    """Group per-thread seconds into JIT and GC; `process_total_s` also counts threads that have ended."""

    def named(prefixes: tuple[str, ...]) -> float:
        return sum(s for key, s in threads.items() if key.split(" ", 1)[1].startswith(prefixes))

    return CpuSplit(process_total_s, named(JIT_PREFIXES), named(GC_PREFIXES))


def cpu_split(pid: int) -> CpuSplit:
    _, total = _stat_cpu_s((PROC / str(pid) / "stat").read_text())
    return split(thread_cpu(pid), total)
