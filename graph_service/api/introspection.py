"""Introspection as a setting: refused, with a code of its own, when the service is exposed (docs/deployment.md).

`__typename` stays allowed: clients such as Apollo Client add it to every selection.
"""

from collections.abc import Iterator
from typing import Any

from graphql import FieldNode, GraphQLError, get_named_type, is_introspection_type
from graphql.validation import ValidationRule
from strawberry.extensions import SchemaExtension

CODE = "INTROSPECTION_DISABLED"


class NoIntrospection(ValidationRule):
    """graphql-core's NoSchemaIntrospectionCustomRule, with the service's message and code."""

    def enter_field(self, node: FieldNode, *_args: Any) -> None:
        named = get_named_type(self.context.get_type())
        if named and is_introspection_type(named):
            self.report_error(
                GraphQLError(
                    f"Introspection is turned off on this service (field '{node.name.value}').",
                    node,
                    extensions={"code": CODE},
                )
            )


class IntrospectionGate(SchemaExtension):
    """Adds the rule when the request's settings turn introspection off. Validation results are cached by document
    and rule list (strawberry's ValidationCache), so both answers are cached apart."""

    def on_operation(self) -> Iterator[None]:
        settings = getattr(self.execution_context.context, "settings", None)
        if settings is not None and not settings.allows_introspection:
            self.execution_context.validation_rules = (*self.execution_context.validation_rules, NoIntrospection)
        yield
