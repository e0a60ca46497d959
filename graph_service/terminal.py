"""What the commands share on a terminal: the one error printer, and a progress bar that stays quiet when output
is not a terminal."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn


@contextmanager
def progress_bar(label: str, total: int, console: Console, *, enabled: bool = True) -> Iterator[Callable[[int], None]]:
    """Yields `advance(n)`; the bar shows only on a terminal."""
    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, disable=not enabled or not console.is_terminal) as bar:
        task = bar.add_task(label, total=total)
        yield lambda n: bar.advance(task, n)


ERRORS = Console(stderr=True)


def fail(error: Exception | str) -> typer.Exit:
    """Print `error` on standard error, as text (never read as Rich markup), and return the exit to raise: code 2."""
    ERRORS.print(f"[bold red]error:[/] {escape(str(error))}", highlight=False)
    return typer.Exit(code=2)
