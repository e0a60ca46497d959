"""The schema: composes the root Query with its safety and speed extensions."""

from collections.abc import Callable

import strawberry
from graphql.validation import ASTValidationRule, MaxIntrospectionDepthRule
from strawberry.extensions import AddValidationRules, SchemaExtension, ValidationCache

from graph_service.api import limits
from graph_service.api.document_limits import DocumentChecks, DocumentLimits
from graph_service.api.errors import ErrorCodes
from graph_service.api.introspection import IntrospectionGate
from graph_service.api.root import Query

# Parses and measures of recent documents, shared by every request to this schema (as Strawberry's own caches are).
DOCUMENTS = DocumentChecks(max_tokens=limits.MAX_TOKENS, cache_size=256)
# graphql-core recommends it beside the specified rules: it bounds nested introspection lists (memoised, linear).
# The validation cache is keyed by the rule classes too, so the list is built once.
VALIDATION_RULES: list[type[ASTValidationRule]] = [MaxIntrospectionDepthRule]

EXTENSIONS: list[Callable[[], SchemaExtension]] = [
    ErrorCodes,
    lambda: DocumentLimits(DOCUMENTS),
    lambda: AddValidationRules(VALIDATION_RULES),
    IntrospectionGate,
    lambda: ValidationCache(maxsize=256),
]
schema = strawberry.Schema(query=Query, extensions=EXTENSIONS)


def schema_with(*outer: Callable[[], SchemaExtension]) -> strawberry.Schema:
    """The same schema with extensions around the others (tracing, graph_service.operations.spans): a schema of
    its own, so that the one served without them wraps no resolver."""
    return strawberry.Schema(query=Query, extensions=[*outer, *EXTENSIONS])


def sdl() -> str:
    return schema.as_str() + "\n"
