"""`python -m benchmarks`: the benchmark run (scripts/bench); the benchmarks use the package, never the reverse."""

import typer

from benchmarks.runner import bench

typer.run(bench)
