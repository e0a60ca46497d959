"""A DataLoader whose lookups several fields may await at once."""

import asyncio
from collections.abc import Awaitable
from typing import TypeVar

from strawberry.dataloader import DataLoader

K = TypeVar("K")
T = TypeVar("T")


class SharedLoader(DataLoader[K, T]):
    """Fields asking for the same key share one future. When a field fails, graphql-core cancels the fields still
    running beside it (its gather_with_cancel), and a task cancelled while awaiting a future cancels that future:
    the loader's own future, which another field elsewhere in the document awaits too. Each caller awaits a shield
    of the shared future instead, so cancelling one caller leaves the lookup and its other callers alone."""

    def load(self, key: K) -> Awaitable[T]:
        return asyncio.shield(super().load(key))
