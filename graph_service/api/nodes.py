"""Object identification, as the Relay spec has it: every type that stands for a graph node implements the `Node`
interface with `id: ID!`, the base64 of "<label>:<slug>" (its GraphQL type's name is its label in the graph, so
"Exercise:barbell-hip-thrust"), and `Query.node(id:)` / `Query.nodes(ids:)` find any of them again.

Strawberry's relay.Node is the interface and its GlobalID the codec; a node is found again by its type's `load`,
which goes through the request's DataLoaders, so `nodes` reads each label's nodes in one statement however many
ids it is given.
"""

import asyncio
from typing import Any

import strawberry
from strawberry import Info, relay
from strawberry.types.base import StrawberryObjectDefinition

from graph_service.api import limits
from graph_service.api.context import Context
from graph_service.errors import BadInput

Ctx = Info[Context, None]
MALFORMED = "not an id this API issued"


def global_id(label: str, slug: str) -> str:
    """The global id of the node with `label` and `slug`."""
    return str(relay.GlobalID(type_name=label, node_id=slug))


def parse_global_id(value: str, *, argument: str = "id") -> tuple[str, str]:
    """The label and slug a global id names; BadInput when `value` is not one this API could have issued."""
    if len(value) > 4 * (limits.MAX_SLUG + 64) // 3:
        raise BadInput(f"{argument}: {MALFORMED}")
    try:
        parsed = relay.GlobalID.from_id(value)
    except relay.GlobalIDValueError:
        raise BadInput(f"{argument}: {MALFORMED}") from None
    label, slug = parsed.type_name, parsed.node_id
    if not label.isidentifier() or not slug or len(slug) > limits.MAX_SLUG or "\x00" in slug:
        raise BadInput(f"{argument}: {MALFORMED}")
    return label, slug


class SlugNode(relay.Node):
    """A type standing for a graph node: its id is its label and slug. Each such type has a classmethod
    `load(info, slug)` that finds one by slug through the request's DataLoaders, or None."""

    @classmethod
    def resolve_id(cls, root: Any, *, info: Any) -> str:
        return str(root.slug)


async def find_node(info: Ctx, label: str, slug: str) -> relay.Node | None:
    """The node of type `label` with `slug`; None when the type is no node type or has no such node."""
    found = info.schema.get_type_by_name(label)
    origin = found.origin if isinstance(found, StrawberryObjectDefinition) else None
    if not (isinstance(origin, type) and issubclass(origin, SlugNode) and hasattr(origin, "load")):
        return None
    node: relay.Node | None = await origin.load(info, slug)
    return node


async def _found(info: Ctx, value: str, argument: str) -> relay.Node | None:
    label, slug = parse_global_id(value, argument=argument)
    return await find_node(info, label, slug)


@strawberry.type
class NodeQueries:
    @strawberry.field(description="The object with this global id (any type implementing Node), or null.")
    async def node(self, info: Ctx, id: strawberry.ID) -> relay.Node | None:
        return await _found(info, id, "id")

    @strawberry.field(
        description=f"The objects with these global ids (at most {limits.MAX_LIST_ITEMS}), in the order asked; "
        "null for an id that names no object."
    )
    async def nodes(self, info: Ctx, ids: list[strawberry.ID]) -> list[relay.Node | None]:
        if len(ids) > limits.MAX_LIST_ITEMS:
            raise BadInput(f"ids: at most {limits.MAX_LIST_ITEMS} values")
        # Gathered, so each label's loader reads its slugs in one batch. A malformed id fails its own item: an
        # exception in a list's place is a located error there (graphql-core), null in the list, not the list.
        found = await asyncio.gather(
            *(_found(info, value, f"ids[{i}]") for i, value in enumerate(ids)), return_exceptions=True
        )
        return [_item(result) for result in found]


def _item(result: relay.Node | BaseException | None) -> relay.Node | None:
    if isinstance(result, BadInput):
        return result  # type: ignore[return-value]  # graphql-core reports it at the item's index
    if isinstance(result, BaseException):
        raise result
    return result
