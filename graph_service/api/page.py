"""An exercise page in one statement.

When `exercise(slug:)` is asked together with its `alternatives` or `related` groups, one read
(cypher/exercise_page.cypher) returns all three, and the answers of those fields are kept in the request's context
under their arguments. The fields' resolvers look there first, so the page costs one round trip instead of three
statements in two waves. Anything the look-ahead does not recognise (a field asked twice, under a directive, or
with arguments it cannot check) is simply not read ahead: its resolver reads it as it would have anyway.
"""

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField

from graph_service.api import alternatives, limits, related
from graph_service.api.types import Ctx
from graph_service.errors import BadInput
from graph_service.model import Difficulty
from graph_service.queries import Q
from graph_service.ranking import scores_every_candidate
from graph_service.store import Row

Selection = SelectedField | FragmentSpread | InlineFragment


async def load_exercise(info: Ctx, slug: str) -> Row | None:
    """The exercise row (facts and relations) of `slug`; its alternatives and related groups read along with it
    when the query asks for them."""
    context, store = info.context, info.context.store
    # The field may be written more than once under one response key; their selections merge.
    asked = _asked_once(
        s for field in info.selected_fields if isinstance(field, SelectedField) for s in field.selections
    )
    alternative_params = await _alternative_params(info, slug, asked.get("alternatives"))
    related_first = _related_first(asked.get("related"))
    if alternative_params is None and related_first is None:
        return await context.exercises.load(slug)

    near = alternative_params is not None and not await scores_every_candidate(store)
    params = {
        "slug": slug,
        "first": 0,
        "available": None,
        "max_rank": None,
        **(alternative_params or {}),
        "related_first": related_first or 0,
        "walk_limit": await related.walk_limit(store) if related_first else 0,
    }
    rows = await store.read(Q.EXERCISE_PAGE_NEAR if near else Q.EXERCISE_PAGE, params)
    if not rows:
        return None
    row = rows[0]
    found_alternatives, found_related = row.pop("alternatives"), row.pop("related")
    context.exercises.prime(slug, row)
    context.links.prime(slug, row)
    if alternative_params is not None:
        flat = [{**{k: v for k, v in a.items() if k != "exercise"}, **a["exercise"]} for a in found_alternatives]
        context.prefetched[alternatives.answer_key(alternative_params)] = alternatives.ReadAhead(flat, exact=not near)
    if related_first is not None:
        context.prefetched[related.answer_key(slug, related_first)] = found_related
    return row


def _asked_once(selections: Iterable[Selection]) -> dict[str, dict[str, Any]]:
    """The arguments of each field selected on the exercise exactly once (fragments included), unless a directive
    such as @include or @skip decides whether it is asked."""
    times: Counter[str] = Counter()
    arguments: dict[str, dict[str, Any]] = {}
    for field, conditional in _flatten(selections, conditional=False):
        times[field.name] += 1
        if not conditional and not field.directives:
            arguments[field.name] = field.arguments
    return {name: args for name, args in arguments.items() if times[name] == 1}


def _flatten(selections: Iterable[Selection], *, conditional: bool) -> Iterator[tuple[SelectedField, bool]]:
    for s in selections:
        if isinstance(s, SelectedField):
            yield s, conditional
        else:
            yield from _flatten(s.selections, conditional=conditional or bool(s.directives))


async def _alternative_params(info: Ctx, slug: str, args: dict[str, Any] | None) -> dict[str, Any] | None:
    if args is None:
        return None
    first = _int(args.get("first", limits.DEFAULT_ALTERNATIVES))
    if not first:
        return None
    try:
        difficulty = _difficulty(args.get("maxDifficulty"))
        return await alternatives.alternative_params(info, slug, first, args.get("availableEquipment"), difficulty)
    except (BadInput, ValueError):
        return None  # the field's own resolver reports it


def _difficulty(value: object) -> Difficulty | None:
    """The Difficulty an argument names, by its GraphQL name or its value; ValueError when it names none."""
    if value is None or isinstance(value, Difficulty):
        return value
    if isinstance(value, str):
        return Difficulty[value] if value in Difficulty.__members__ else Difficulty(value)
    raise ValueError(value)


def _related_first(args: dict[str, Any] | None) -> int | None:
    if args is None:
        return None
    first = _int(args.get("first", limits.DEFAULT_RELATED))
    return first if first and 0 < first <= limits.MAX_ALTERNATIVES else None


def _int(value: object) -> int | None:
    """An Int argument: a variable's value arrives as an int, a literal in the document as its text."""
    if isinstance(value, int):
        return value
    return int(value) if isinstance(value, str) and value.lstrip("-").isdigit() else None
