"""Hostile requests and what the service does with them: fragment bombs, amplification, bad bodies, and
schema-generated documents with their variables (hypothesis-graphql). tests/test_hostile.py sends the same.

`python -m benchmarks.hostile` starts `graph-service serve` on each engine it can reach and prints, for each
hostile request, how long the service takes to refuse it, the /healthz p99 meanwhile, and the fuzz counts."""

import json
from typing import Any

from graphql import (
    ArgumentNode,
    DocumentNode,
    GraphQLError,
    GraphQLSchema,
    NameNode,
    OperationDefinitionNode,
    TypeInfo,
    TypeInfoVisitor,
    VariableDefinitionNode,
    VariableNode,
    Visitor,
    parse,
    parse_type,
    print_ast,
    value_from_ast_untyped,
    visit,
)


def fragment_bomb(levels: int, *, aliases: bool = False) -> str:
    """Each fragment spreads the one before it twice: the document grows linearly, its expansion as 2**levels."""
    fragments = ["fragment F0 on Exercise { slug name }"]
    for i in range(1, levels + 1):
        if aliases:
            body = f"a: variationOf {{ ...F{i - 1} }} b: variationOf {{ ...F{i - 1} }}"
        else:
            body = f"...F{i - 1} variationOf {{ ...F{i - 1} }}"
        fragments.append(f"fragment F{i} on Exercise {{ {body} }}")
    return f'{{ exercise(slug: "push-up") {{ ...F{levels} }} }}\n' + "\n".join(fragments)


def wide_bomb(levels: int) -> str:
    """The same expansion without depth: each fragment selects the one before it under two aliases of one field."""
    fragments = ["fragment W0 on Query { muscles { slug } }"]
    fragments += [f"fragment W{i} on Query {{ ...W{i - 1} ...W{i - 1} }}" for i in range(1, levels + 1)]
    return f"{{ ...W{levels} }}\n" + "\n".join(fragments)


AMPLIFIED = "{ exercises(first: 100) { edges { node { alternatives(first: 50) { exercise { slug name } } } } } }"
ALIASED = "{ " + " ".join(f"a{i}: {AMPLIFIED[2:-2]}" for i in range(10)) + " }"

# (name, document): each refused with QUERY_TOO_COMPLEX.
HOSTILE_DOCUMENTS = [
    ("fragment bomb, 17 levels", fragment_bomb(17)),
    ("fragment bomb, 40 levels", fragment_bomb(40)),
    ("aliased fragment bomb, 17 levels", fragment_bomb(17, aliases=True)),
    ("wide fragment bomb, 30 levels", wide_bomb(30)),
    ("100 pages x 50 alternatives", AMPLIFIED),
    ("the same under 10 aliases", ALIASED),
    ("brackets 200 deep", "{" * 200 + "}" * 200),
]

# (name, content type, body, status, code): each refused before GraphQL runs.
HOSTILE_BODIES: list[tuple[str, str, bytes, int, str]] = [
    ("a JSON string", "application/json", b'"x"', 400, "BAD_REQUEST"),
    ("a JSON number", "application/json", b"5", 400, "BAD_REQUEST"),
    ("JSON null", "application/json", b"null", 400, "BAD_REQUEST"),
    ("JSON 3,000 deep", "application/json", b"[" * 3000 + b"]" * 3000, 400, "INVALID_JSON"),
    ("not UTF-8", "application/json", b'{"query": "{ muscles { slug } }\xff"}', 400, "UNSUPPORTED_ENCODING"),
    (
        "charset=latin-1",
        "application/json; charset=latin-1",
        '{"query": "{ exercise(slug: \\"café\\") { slug } }"}'.encode("latin-1"),
        400,
        "UNSUPPORTED_ENCODING",
    ),
    ("not JSON", "application/json", b"{query", 400, "INVALID_JSON"),
    (
        "100 KB",
        "application/json",
        b'{"query": "' + b" " * 100_000 + b'{ muscles { slug } }"}',
        413,
        "PAYLOAD_TOO_LARGE",
    ),
]


class _Hoist(Visitor):
    """Moves each literal argument value of a document into a variable of the argument's type."""

    def __init__(self, type_info: TypeInfo) -> None:
        super().__init__()
        self.type_info = type_info
        self.definitions: list[VariableDefinitionNode] = []
        self.values: dict[str, Any] = {}

    def enter_argument(self, node: ArgumentNode, *_: object) -> ArgumentNode | None:
        input_type = self.type_info.get_input_type()
        if input_type is None or isinstance(node.value, VariableNode):
            return None
        name = f"v{len(self.definitions)}"
        self.values[name] = value_from_ast_untyped(node.value)
        variable = VariableNode(name=NameNode(value=name))
        self.definitions.append(VariableDefinitionNode(variable=variable, type=parse_type(str(input_type))))
        return ArgumentNode(name=node.name, value=variable)


def with_variables(schema: GraphQLSchema, query: str) -> tuple[str, dict[str, Any]]:
    """The document with its literal arguments passed as variables instead, and their values (as JSON)."""
    type_info = TypeInfo(schema)
    hoist = _Hoist(type_info)
    document: DocumentNode = visit(parse(query), TypeInfoVisitor(type_info, hoist))
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if len(operations) != 1:
        return query, {}
    operation = operations[0]
    hoisted = OperationDefinitionNode(
        operation=operation.operation,
        name=operation.name,
        variable_definitions=tuple(hoist.definitions),
        directives=operation.directives,
        selection_set=operation.selection_set,
    )
    others = tuple(d for d in document.definitions if d is not operation)
    variables = json.loads(json.dumps(hoist.values, default=str))
    return print_ast(DocumentNode(definitions=(hoisted, *others))), variables


def uncoded(body: dict[str, Any]) -> list[dict[str, Any]]:
    """The errors of a GraphQL response that carry no code, or only the code of an unexpected failure."""
    return [
        e
        for e in body.get("errors") or []
        if not (e.get("extensions") or {}).get("code") or e["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
    ]


def fuzzed_requests(schema: GraphQLSchema) -> Any:
    """A Hypothesis strategy of (document, variables): valid and invalid documents generated from the schema,
    half of them with their arguments passed as variables."""
    from hypothesis import strategies as st
    from hypothesis_graphql import Mode, from_schema

    documents = st.one_of(from_schema(schema, mode=Mode.POSITIVE), from_schema(schema, mode=Mode.NEGATIVE))

    @st.composite
    def requests(draw: Any) -> tuple[str, dict[str, Any]]:
        query = str(draw(documents))
        if draw(st.booleans()):
            try:
                return with_variables(schema, query)
            except GraphQLError:
                pass  # a document that does not parse keeps its text
        return query, {}

    return requests()
