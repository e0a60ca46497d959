"""The exercise page read ahead: `exercise(slug:)` asked with its `alternatives` or `related` reads them in the
same statement as the exercise (graph_service.reads.page), keeps them in the request's ReadAhead under the very
question each field's resolver asks (types.alternatives_question, the (slug, first) of related), and the fields
answer from there: one round trip instead of three statements in two waves.

It is closed: a field is read ahead only when it is selected once, under no directive, with no argument outside
HANDLED, and when the schema declares no argument outside HANDLED on it. Anything else is left to the field's own
resolver, which reads it as it would have anyway, with the same answer.
"""

from typing import Any

from strawberry.types.nodes import SelectedField

from graph_service.api import limits
from graph_service.api.context import Context, ReadAheadAlternatives
from graph_service.api.selections import asked_once
from graph_service.api.types import Ctx, alternatives_question
from graph_service.errors import BadInput
from graph_service.model import Difficulty
from graph_service.reads.alternatives import AlternativesQuestion
from graph_service.reads.exercises import ExerciseWithLinksRow
from graph_service.reads.page import exercise_page

# The arguments of each field read ahead that the read-ahead turns into its question; by their GraphQL names.
HANDLED = {
    "alternatives": frozenset({"first", "availableEquipment", "maxDifficulty", "kit"}),
    "related": frozenset({"first"}),
}


def declared_arguments(info: Ctx, field: str) -> frozenset[str]:
    """The arguments the schema declares on `Exercise.<field>`, by their GraphQL names."""
    exercise = info._raw_info.schema.get_type("Exercise")
    fields = getattr(exercise, "fields", {})
    return frozenset(fields[field].args) if field in fields else frozenset()


def readable(field: str, given: dict[str, Any], declared: frozenset[str]) -> bool:
    """Whether the read-ahead can answer `field` asked with the arguments `given`, the schema declaring
    `declared` on it: every one of them must be one it handles."""
    handled = HANDLED[field]
    return set(given) <= handled and declared <= handled


async def load_exercise(info: Ctx, slug: str) -> ExerciseWithLinksRow | None:
    """The exercise row (facts and relations) of `slug`; its alternatives and related groups read along with it
    when the query asks for them and the read-ahead can answer them."""
    context = info.context
    # The field may be written more than once under one response key; their selections merge.
    asked = asked_once(
        s for field in info.selected_fields if isinstance(field, SelectedField) for s in field.selections
    )
    wanted = {
        field: args
        for field, args in asked.items()
        if field in HANDLED and readable(field, args, declared_arguments(info, field))
    }
    alternatives = await _alternatives(context, slug, wanted.get("alternatives"))
    related_first = _related_first(wanted.get("related"))
    if alternatives is None and related_first is None:
        return await context.exercises.load(slug)
    page = await exercise_page(
        context.store, context.statistics, slug=slug, alternatives=alternatives, related_first=related_first
    )
    if page is None:
        return None
    context.exercises.prime(slug, page.exercise)
    context.links.prime(slug, page.exercise)
    if alternatives is not None and page.alternatives is not None:
        context.read_ahead.alternatives[alternatives] = ReadAheadAlternatives(
            page.alternatives, page.alternatives_exact
        )
    if related_first is not None and page.related is not None:
        context.read_ahead.related[(slug, related_first)] = page.related
    return page.exercise


async def _alternatives(context: Context, slug: str, args: dict[str, Any] | None) -> AlternativesQuestion | None:
    if args is None:
        return None
    first = _int(args.get("first", limits.DEFAULT_ALTERNATIVES))
    if not first:
        return None
    try:
        difficulty = _difficulty(args.get("maxDifficulty"))
        return await alternatives_question(
            context, slug, first, args.get("availableEquipment"), difficulty, args.get("kit")
        )
    except (BadInput, ValueError, KeyError):
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
