"""GraphQL inputs and arguments: the exercise filter, the sort order, their checks and the cursor codec."""

import base64
import binascii
import json
from enum import Enum
from typing import Any

import strawberry

from graph_service.api import limits
from graph_service.api.enums import Category, Difficulty, Force, Mechanic
from graph_service.errors import BadInput
from graph_service.model import TaxonomyKind
from graph_service.reads.suggestions import unknown_slugs_error
from graph_service.reads.taxonomy import unknown_slugs
from graph_service.statistics import GraphStatistics

# The taxonomy kind each slug-valued statement parameter names.
SLUG_PARAMS = {
    "body_parts": TaxonomyKind.BODY_PART,
    "targets": TaxonomyKind.MUSCLE,
    "muscles": TaxonomyKind.MUSCLE,
    "equipment": TaxonomyKind.EQUIPMENT,
    "available": TaxonomyKind.EQUIPMENT,
    "patterns": TaxonomyKind.MOVEMENT_PATTERN,
}


@strawberry.input(description="Lists inside one field mean OR; different fields mean AND.")
class ExerciseFilter:
    body_parts: list[str] | None = strawberry.field(default=None, description="Body part slugs.")
    targets: list[str] | None = strawberry.field(
        default=None, description="Target (primary) muscle or muscle group slugs; a group stands for all its muscles."
    )
    muscles: list[str] | None = strawberry.field(
        default=None,
        description="Muscle or muscle group slugs, target or secondary; a group stands for all its muscles.",
    )
    equipment: list[str] | None = strawberry.field(default=None, description="Uses any of these equipment slugs.")
    available_equipment: list[str] | None = strawberry.field(
        default=None,
        description='Needs nothing outside this set; ["body-weight"] keeps exercises that need no equipment.',
    )
    kit: str | None = strawberry.field(
        default=None, description="A kit's slug: its equipment joins availableEquipment (the union of the two)."
    )
    patterns: list[str] | None = strawberry.field(default=None, description="Movement pattern slugs.")
    difficulties: list[Difficulty] | None = None
    categories: list[Category] | None = None
    forces: list[Force] | None = None
    mechanics: list[Mechanic] | None = None
    text: str | None = strawberry.field(default=None, description="Words in the name or aliases.")


@strawberry.enum
class ExerciseSort(Enum):
    NAME = "NAME"
    DIFFICULTY = "DIFFICULTY"
    DIFFICULTY_DESC = "DIFFICULTY_DESC"


def check_slug(slug: str) -> str:
    if len(slug) > limits.MAX_SLUG:
        raise BadInput(f"slug: at most {limits.MAX_SLUG} characters")
    return slug


def check_slugs(field: str, values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    if len(values) > limits.MAX_LIST_ITEMS:
        raise BadInput(f"{field}: at most {limits.MAX_LIST_ITEMS} values")
    too_long = [v for v in values if len(v) > limits.MAX_SLUG]
    if too_long:
        raise BadInput(f"{field}: slugs are at most {limits.MAX_SLUG} characters")
    return list(dict.fromkeys(values))


def check_first(first: int, most: int) -> int:
    if not 0 <= first <= most:
        raise BadInput(f"first: between 0 and {most}")
    return first


def filter_params(f: ExerciseFilter | None) -> dict[str, Any]:
    """The statement parameters of a filter (graph_service.reads.plans.FILTER_PARAMS), checked."""
    f = f or ExerciseFilter()
    if f.text is not None and len(f.text) > limits.MAX_TEXT:
        raise BadInput(f"filter.text: at most {limits.MAX_TEXT} characters")
    text = f.text.strip().lower() if f.text and f.text.strip() else None
    return {
        "difficulties": [d.value for d in f.difficulties] if f.difficulties else None,
        "categories": [c.value for c in f.categories] if f.categories else None,
        "forces": [x.value for x in f.forces] if f.forces else None,
        "mechanics": [x.value for x in f.mechanics] if f.mechanics else None,
        "text": text,
        "body_parts": check_slugs("filter.bodyParts", f.body_parts),
        "targets": check_slugs("filter.targets", f.targets),
        "muscles": check_slugs("filter.muscles", f.muscles),
        "equipment": check_slugs("filter.equipment", f.equipment),
        "patterns": check_slugs("filter.patterns", f.patterns),
        "available": check_slugs("filter.availableEquipment", f.available_equipment),
    }


async def reject_unknown(statistics: GraphStatistics, params: dict[str, Any]) -> None:
    """Unknown slugs are a client mistake worth naming, not a reason to answer with an empty list."""
    named: dict[TaxonomyKind, list[str]] = {}
    # A muscle field may name a muscle group (graph_service.reads.muscle_groups widens it to its muscles).
    muscle_fields = any(params.get(p) for p, kind in SLUG_PARAMS.items() if kind is TaxonomyKind.MUSCLE)
    groups = (await statistics.known_slugs())[TaxonomyKind.MUSCLE_GROUP] if muscle_fields else frozenset()
    for param, kind in SLUG_PARAMS.items():
        for slug in params.get(param) or []:
            if kind is TaxonomyKind.MUSCLE and slug in groups:
                continue
            named.setdefault(kind, [])
            if slug not in named[kind]:
                named[kind].append(slug)
    unknown = await unknown_slugs(statistics, named)
    if unknown:
        raise await unknown_slugs_error(statistics, unknown)


def encode_cursor(key: list[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(key, separators=(",", ":")).encode()).decode()


def decode_cursor(cursor: str, argument: str = "after") -> list[Any]:
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor.encode()))
    except (binascii.Error, ValueError, UnicodeDecodeError, RecursionError):
        raise BadInput(f"{argument}: not a cursor this API issued") from None
    if not (
        isinstance(key, list)
        and len(key) == 3
        and isinstance(key[0], int)
        and -(2**63) <= key[0] < 2**63  # the engines' integers are 64-bit
        and isinstance(key[1], str)
        and isinstance(key[2], str)
        and "\x00" not in key[1] + key[2]
    ):
        raise BadInput(f"{argument}: not a cursor this API issued")
    return key
