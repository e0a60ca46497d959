"""What a document selects below the field being resolved: the one walker of selections, fragments included."""

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField

Selection = SelectedField | FragmentSpread | InlineFragment


def flatten(selections: Iterable[Selection], *, conditional: bool = False) -> Iterator[tuple[SelectedField, bool]]:
    """Every field selected, through fragments, each with whether a directive on a fragment around it decides
    whether it is asked."""
    for s in selections:
        if isinstance(s, SelectedField):
            yield s, conditional
        else:
            yield from flatten(s.selections, conditional=conditional or bool(s.directives))


def selects(fields: Iterable[Selection], name: str) -> bool:
    """Whether the fields being resolved select `name` directly (through fragments too)."""
    return any(
        field.name == name
        for outer in fields
        if isinstance(outer, SelectedField)
        for field, _ in flatten(outer.selections)
    )


def asked_once(selections: Iterable[Selection]) -> dict[str, dict[str, Any]]:
    """The arguments of each field selected exactly once (fragments included), unless a directive such as
    @include or @skip decides whether it is asked."""
    times: Counter[str] = Counter()
    arguments: dict[str, dict[str, Any]] = {}
    for field, conditional in flatten(selections):
        times[field.name] += 1
        if not conditional and not field.directives:
            arguments[field.name] = field.arguments
    return {name: args for name, args in arguments.items() if times[name] == 1}
