"""The schema: composes the root Query with its safety and speed extensions."""

import strawberry
from strawberry.extensions import (
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    ValidationCache,
)

from graph_service.api import limits
from graph_service.api.errors import ErrorCodes
from graph_service.api.root import Query

schema = strawberry.Schema(
    query=Query,
    extensions=[
        ErrorCodes,
        lambda: QueryDepthLimiter(max_depth=limits.MAX_DEPTH),
        lambda: MaxTokensLimiter(max_token_count=limits.MAX_TOKENS),
        lambda: MaxAliasesLimiter(max_alias_count=limits.MAX_ALIASES),
        lambda: ParserCache(maxsize=256),
        lambda: ValidationCache(maxsize=256),
    ],
)


def sdl() -> str:
    return schema.as_str() + "\n"
