"""Which page of a connection a request asks for, as the Relay connection spec has it: `first`/`after` forward,
`last`/`before` backward, and the combinations the spec's algorithm allows.

Both cursors bound the edges; `first` then keeps the first ones, `last` the last ones of what remains (both given:
the last `last` of the first `first`). A page asked with `last` alone is read backward from `before` (or the end)
in the database, as a forward page is read from `after`: reversed order and LIMIT, then turned round.
`hasNextPage` is exact whenever `first` is given, `hasPreviousPage` whenever `last` is; otherwise each is false, as
the spec allows and its reference implementation (graphql-relay-js) answers.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from graph_service.api import limits
from graph_service.api.inputs import decode_cursor
from graph_service.errors import BadInput


@dataclass(frozen=True)
class Window:
    first: int | None
    last: int | None
    after: list[Any] | None  # cursor keys
    before: list[Any] | None

    @property
    def backward(self) -> bool:
        """Whether the page is read from its end: `last` without `first`."""
        return self.first is None

    @property
    def size(self) -> int:
        """How many rows the read returns, plus the one that tells whether there are more."""
        size = self.last if self.first is None else self.first
        assert size is not None
        return size


def window(
    *, first: int | None, after: str | None, last: int | None, before: str | None, most: int = limits.MAX_PAGE
) -> Window:
    """The checked page arguments; neither `first` nor `last` means the first DEFAULT_PAGE."""
    for name, value in (("first", first), ("last", last)):
        if value is not None and not 0 <= value <= most:
            raise BadInput(f"{name}: between 0 and {most}")
    return Window(
        first=limits.DEFAULT_PAGE if first is None and last is None else first,
        last=last,
        after=decode_cursor(after, "after") if after is not None else None,
        before=decode_cursor(before, "before") if before is not None else None,
    )


@dataclass(frozen=True)
class Page[T]:
    items: list[T]
    has_previous_page: bool
    has_next_page: bool


def page_of[T](rows: Sequence[T], w: Window) -> Page[T]:
    """The page out of what the read returned (in the direction it read, up to `size + 1` rows)."""
    if w.backward:
        assert w.last is not None
        return Page(list(reversed(rows[: w.last])), has_previous_page=len(rows) > w.last, has_next_page=False)
    assert w.first is not None
    items = list(rows[: w.first])
    has_next = len(rows) > w.first
    if w.last is None:
        return Page(items, has_previous_page=False, has_next_page=has_next)
    kept = items[len(items) - w.last :] if w.last else []
    return Page(kept, has_previous_page=len(items) > w.last, has_next_page=has_next)
