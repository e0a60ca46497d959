"""The schema: composes the root Query with its safety and speed extensions."""

import strawberry
from strawberry.extensions import (
    AddValidationRules,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    ValidationCache,
)

from graph_service.api import limits
from graph_service.api.errors import ErrorCodes
from graph_service.api.root import Query

# The depth and alias limits are validation rules. Each limiter extension builds a new rule class, and the
# validation cache is keyed by the rule classes too, so a limiter made per request would make every request
# validate its document again: the rules are built once here and added to each request as they are.
LIMIT_RULES = [
    *QueryDepthLimiter(max_depth=limits.MAX_DEPTH).validation_rules,
    *MaxAliasesLimiter(max_alias_count=limits.MAX_ALIASES).validation_rules,
]

schema = strawberry.Schema(
    query=Query,
    extensions=[
        ErrorCodes,
        lambda: AddValidationRules(LIMIT_RULES),
        lambda: MaxTokensLimiter(max_token_count=limits.MAX_TOKENS),
        lambda: ParserCache(maxsize=256),
        lambda: ValidationCache(maxsize=256),
    ],
)


def sdl() -> str:
    return schema.as_str() + "\n"
