"""The `kit` argument: a kit's slug, checked and turned into the equipment it includes."""

from typing import Any

from graph_service.api import limits
from graph_service.api.context import Context
from graph_service.errors import BadInput
from graph_service.reads.kits import kit_equipment, with_kit


async def available_with_kit(context: Context, kit: str | None, available: list[str] | None) -> list[str] | None:
    """`available` (checked slugs or None) joined with the equipment of `kit`; BadInput names an unknown kit."""
    if kit is None:
        return available
    if len(kit) > limits.MAX_SLUG:
        raise BadInput(f"kit: at most {limits.MAX_SLUG} characters")
    included = await kit_equipment(context.store, context.statistics, kit)
    if included is None:
        raise BadInput(f"unknown kit {kit!r}")
    return with_kit(available, included)


async def filter_with_kit(context: Context, kit: str | None, params: dict[str, Any]) -> dict[str, Any]:
    """A filter's statement parameters with its kit's equipment joined to `available`."""
    if kit is None:
        return params
    return {**params, "available": await available_with_kit(context, kit, params["available"])}
