"""What a document may ask for, checked after it parses and before it is validated or run: its size and nesting,
which operation runs, NUL characters in its strings, and the operation's depth, aliases and cost.

The depth, aliases and cost come from one walk over the chosen operation that measures each fragment once and
reuses that measure at every spread, so a document whose fragments spread the previous one twice per level is
measured in time linear in its text and refused for what it would expand to. The cost counts each field once per
item of every list above it: a list with `first` holds that many items, any other the size limits.py gives it;
fields that read the store on their own weigh more. Parses and measures are kept per distinct document (and, for
the cost, the Int variables its `first` arguments may name).
"""

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    NullValueNode,
    OperationDefinitionNode,
    SchemaMetaFieldDef,
    SelectionSetNode,
    Source,
    TokenKind,
    TypeMetaFieldDef,
    VariableNode,
    get_named_type,
    get_nullable_type,
    is_list_type,
    parse,
)
from graphql.language import Lexer
from strawberry.extensions import SchemaExtension

from graph_service.api import limits

OPENING = frozenset({TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L})
CLOSING = frozenset({TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R})
STRINGS = frozenset({TokenKind.STRING, TokenKind.BLOCK_STRING})
NUMBERS = frozenset({TokenKind.INT, TokenKind.FLOAT})
MAX_NUMBER = 64
TOO_COMPLEX = "QUERY_TOO_COMPLEX"
NUL = "Strings may not contain NUL (\\u0000) characters."


def too_complex(message: str, measure: str, value: int | None, limit: int) -> GraphQLError:
    extensions: dict[str, Any] = {"code": TOO_COMPLEX, "measure": measure, "limit": limit}
    if value is not None:
        extensions[measure] = value
    return GraphQLError(message, extensions=extensions)


@dataclass(frozen=True)
class Measure:
    depth: int  # fields with selections nested in each other, introspection aside (as graphql-depth-limit counts)
    aliases: int  # aliased fields in the operation once its fragments are spread
    cost: int


ZERO = Measure(0, 0, 0)


def check_tokens(query: str, max_tokens: int) -> None:
    """Refuse a document with too many tokens, brackets nested too deep for the recursive parser, a NUL in a
    string or a number too long to convert, reading its tokens once and building nothing."""
    lexer = Lexer(Source(query))
    tokens = nesting = 0
    token = lexer.advance()
    while token.kind != TokenKind.EOF:
        tokens += 1
        if tokens > max_tokens:
            raise too_complex(f"The document has more than {max_tokens} tokens.", "tokens", None, max_tokens)
        if token.kind in OPENING:
            nesting += 1
            if nesting > limits.MAX_NESTING:
                raise too_complex(
                    f"The document nests brackets more than {limits.MAX_NESTING} deep.",
                    "nesting",
                    None,
                    limits.MAX_NESTING,
                )
        elif token.kind in CLOSING:
            nesting -= 1
        elif token.kind in STRINGS and "\x00" in (token.value or ""):
            raise GraphQLError(NUL, extensions={"code": "BAD_USER_INPUT"})
        elif token.kind in NUMBERS and len(token.value or "") > MAX_NUMBER:
            # Python refuses to convert an integer of thousands of digits, inside graphql-core's validation.
            raise GraphQLError(f"Numbers have at most {MAX_NUMBER} characters.", extensions={"code": "BAD_USER_INPUT"})
        token = lexer.advance()


def has_nul(value: object) -> bool:
    """Whether a JSON value holds a NUL in a string, key or value, at any depth."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def choose_operation(document: DocumentNode, name: object) -> OperationDefinitionNode:
    """The operation a request runs, as the GraphQL spec's GetOperation chooses it."""
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if name is None:
        if len(operations) == 1:
            return operations[0]
        message = "Must provide operation name if query contains multiple operations."
        raise GraphQLError(
            message if operations else "Must provide an operation.",
            extensions={"code": "OPERATION_RESOLUTION_FAILURE"},
        )
    for operation in operations:
        if operation.name and operation.name.value == name:
            return operation
    raise GraphQLError(f"Unknown operation named '{name}'.", extensions={"code": "OPERATION_RESOLUTION_FAILURE"})


def int_literal(node: IntValueNode) -> int | None:
    """An Int literal's value; None for one too long to be an Int (which validation refuses)."""
    return int(node.value) if len(node.value) <= 20 else None


def int_variables(operation: OperationDefinitionNode, variables: Mapping[str, Any]) -> dict[str, int]:
    """The Int values the operation's variables take: given, or their defaults."""
    found: dict[str, int] = {}
    for definition in operation.variable_definitions or ():
        name = definition.variable.name.value
        value = variables.get(name) if name in variables else None
        if name not in variables and isinstance(definition.default_value, IntValueNode):
            value = int_literal(definition.default_value)
        if isinstance(value, int) and not isinstance(value, bool):
            found[name] = value
    return found


class Walk:
    """One measure of one operation: each fragment measured once."""

    def __init__(self, schema: GraphQLSchema, document: DocumentNode, variables: Mapping[str, int]) -> None:
        self.schema = schema
        self.variables = variables
        self.fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
        self.measured: dict[str, Measure] = {}

    def selections(self, parent: GraphQLNamedType | None, selection_set: SelectionSetNode) -> Measure:
        depth = aliases = cost = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                measure = self.field(parent, selection)
            elif isinstance(selection, FragmentSpreadNode):
                measure = self.fragment(selection.name.value)
            else:
                assert isinstance(selection, InlineFragmentNode)
                condition = selection.type_condition
                inner = self.schema.get_type(condition.name.value) if condition else parent
                measure = self.selections(inner, selection.selection_set)
            depth = max(depth, measure.depth)
            aliases += measure.aliases
            cost += measure.cost
        return Measure(depth, aliases, cost)

    def fragment(self, name: str) -> Measure:
        if name in self.measured:
            return self.measured[name]
        fragment = self.fragments.get(name)
        if fragment is None:
            return ZERO  # validation names the unknown fragment
        self.measured[name] = ZERO  # a cycle, which validation refuses, counts nothing more
        measure = self.selections(self.schema.get_type(fragment.type_condition.name.value), fragment.selection_set)
        self.measured[name] = measure
        return measure

    def field(self, parent: GraphQLNamedType | None, node: FieldNode) -> Measure:
        name = node.name.value
        definition = self._definition(parent, name)
        inner = get_named_type(definition.type) if definition else None
        below = self.selections(inner, node.selection_set) if node.selection_set else ZERO
        alias = 1 if node.alias else 0
        if name.startswith("__") or (parent is not None and parent.name.startswith("__")):
            # Introspection: graphql-core's MaxIntrospectionDepthRule bounds its lists; still counted once per field.
            return Measure(0, alias + below.aliases, 1 + below.cost)
        key = f"{parent.name}.{name}" if parent else name
        weight = limits.STATEMENT_COSTS.get(key, 1)
        items = self._items(key, definition, node)
        each = limits.OBJECT_COSTS.get(inner.name, 0) if inner else 0
        depth = 1 + below.depth if node.selection_set else 0
        return Measure(depth, alias + below.aliases, weight + items * (each + below.cost))

    def _definition(self, parent: GraphQLNamedType | None, name: str) -> GraphQLField | None:
        if name == "__schema":
            return SchemaMetaFieldDef
        if name == "__type":
            return TypeMetaFieldDef
        if isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
            found: GraphQLField | None = parent.fields.get(name)
            return found
        return None

    def _items(self, key: str, definition: GraphQLField | None, node: FieldNode) -> int:
        """How many items the field's list holds at most; 1 for a field that is not a list."""
        if definition is None:
            return 1
        if "first" in definition.args:
            most = limits.FIRST_MAX.get(key, limits.MAX_PAGE)
            if "last" in definition.args:
                items = self._page_items(node, most)
            else:
                first = self._first(definition, node)
                items = most if first is None else max(0, min(first, most))
            return items * limits.RELATED_GROUPS if key == "Exercise.related" else items
        if is_list_type(get_nullable_type(definition.type)):
            return limits.LIST_SIZES.get(key, limits.LIST_SIZE)
        return 1

    def _page_items(self, node: FieldNode, most: int) -> int:
        """The items of a connection page (graph_service.api.paging): `last` counts as `first` does, the smaller
        of the two when both are given; neither given (absent, null, or a variable without an Int value) is the
        default page."""
        counts: list[int] = []
        for argument in node.arguments or ():
            value = argument.value
            if argument.name.value not in ("first", "last") or isinstance(value, NullValueNode):
                continue
            if isinstance(value, IntValueNode):
                literal = int_literal(value)
                counts.append(most if literal is None else literal)
            elif isinstance(value, VariableNode):
                if value.name.value in self.variables:
                    counts.append(self.variables[value.name.value])
            else:
                counts.append(most)  # not an Int: validation refuses it
        return max(0, min(*counts, most)) if counts else min(limits.DEFAULT_PAGE, most)

    def _first(self, definition: GraphQLField, node: FieldNode) -> int | None:
        for argument in node.arguments or ():
            if argument.name.value == "first":
                value = argument.value
                if isinstance(value, IntValueNode):
                    return int_literal(value)
                if isinstance(value, VariableNode):
                    return self.variables.get(value.name.value)
                return None
        default = definition.args["first"].default_value
        return default if isinstance(default, int) else None


class DocumentChecks:
    """The parses and measures of recent documents; one per schema, shared by its requests."""

    def __init__(self, *, max_tokens: int = limits.MAX_TOKENS, cache_size: int = 256) -> None:
        self.max_tokens = max_tokens
        self.parse = lru_cache(maxsize=cache_size)(self._parse)
        self._measure = lru_cache(maxsize=cache_size)(self._measure_uncached)

    def _parse(self, query: str) -> DocumentNode:
        check_tokens(query, self.max_tokens)
        return parse(query, max_tokens=self.max_tokens)

    def _measure_uncached(
        self, schema: GraphQLSchema, query: str, operation_name: object, ints: tuple[tuple[str, int], ...]
    ) -> Measure:
        document = self.parse(query)
        operation = choose_operation(document, operation_name)
        walk = Walk(schema, document, dict(ints))
        return walk.selections(schema.get_root_type(operation.operation), operation.selection_set)

    def measure(
        self, schema: GraphQLSchema, query: str, operation_name: object, variables: Mapping[str, Any]
    ) -> Measure:
        """The measure of the operation the request runs (GraphQLError when the document names none)."""
        operation = choose_operation(self.parse(query), operation_name)
        ints = tuple(sorted(int_variables(operation, variables).items()))
        return self._measure(schema, query, operation_name if isinstance(operation_name, str) else None, ints)

    def check(
        self,
        schema: GraphQLSchema,
        query: str,
        operation_name: object,
        variables: Mapping[str, Any] | None,
        *,
        max_cost: int,
        spent: int = 0,
    ) -> tuple[DocumentNode, int]:
        """The parsed document and its cost, once every check passed (`spent` is what the request's operations
        before this one cost); a GraphQLError with its code otherwise."""
        document = self.parse(query)
        variables = variables if isinstance(variables, Mapping) else {}
        if has_nul(variables):
            raise GraphQLError(NUL, extensions={"code": "BAD_USER_INPUT"})
        measure = self.measure(schema, query, operation_name, variables)
        if measure.depth > limits.MAX_DEPTH:
            raise too_complex(
                f"The operation is {measure.depth} fields deep; the maximum depth is {limits.MAX_DEPTH}.",
                "depth",
                measure.depth,
                limits.MAX_DEPTH,
            )
        if measure.aliases > limits.MAX_ALIASES:
            raise too_complex(
                f"The operation uses {measure.aliases} aliases; at most {limits.MAX_ALIASES} are allowed.",
                "aliases",
                measure.aliases,
                limits.MAX_ALIASES,
            )
        if measure.cost > max_cost:
            raise too_complex(
                f"The operation's cost is {measure.cost}; at most {max_cost} is allowed (docs/limits.md).",
                "cost",
                measure.cost,
                max_cost,
            )
        if spent + measure.cost > max_cost:
            raise too_complex(
                f"The request's operations cost {spent + measure.cost} together; at most {max_cost} is allowed.",
                "cost",
                spent + measure.cost,
                max_cost,
            )
        return document, measure.cost


class DocumentLimits(SchemaExtension):
    """Parses the document through DocumentChecks and refuses it before validation when a check fails."""

    def __init__(self, checks: DocumentChecks) -> None:
        self.checks = checks

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        if context.query is not None and context.graphql_document is None:
            settings = getattr(context.context, "settings", None)
            # The operations of one request (a batch) share its context, and one budget.
            spent = getattr(context.context, "cost_spent", 0)
            context.graphql_document, cost = self.checks.check(
                context.schema._schema,
                context.query,
                # The name the request gave: Strawberry's `operation_name` falls back to the first operation's.
                context._provided_operation_name,
                context.variables,
                max_cost=getattr(settings, "max_query_cost", limits.DEFAULT_MAX_COST),
                spent=spent,
            )
            if hasattr(context.context, "cost_spent"):
                context.context.cost_spent = spent + cost
        yield
