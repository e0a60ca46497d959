"""The one interface the rest of the package uses to reach a graph engine."""

from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from graph_service.queries import CypherLibrary, Q

Row = dict[str, Any]
Params = Mapping[str, Any]


class Store(ABC):
    """Runs named statements from the Cypher library and returns plain Python rows.

    `round_trips` counts statements sent to the engine; tests use it to prove that the API batches.
    """

    engine: str

    def __init__(self, queries: CypherLibrary) -> None:
        self.queries = queries
        self.round_trips = 0

    async def read(self, name: Q, params: Params | None = None) -> list[Row]:
        self.round_trips += 1
        return await self._run(self.queries[name], dict(params or {}), write=False)

    async def write(self, name: Q, params: Params | None = None) -> list[Row]:
        self.round_trips += 1
        return await self._run(self.queries[name], dict(params or {}), write=True)

    async def write_batches(
        self,
        name: Q,
        rows: Sequence[Mapping[str, Any]],
        *,
        batch_size: int,
        params: Params | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> None:
        """Send `rows` as `$rows` in slices of `batch_size`; each slice is one atomic transaction."""
        for start in range(0, len(rows), batch_size):
            chunk = [dict(r) for r in rows[start : start + batch_size]]
            await self.write(name, {**(params or {}), "rows": chunk})
            if progress:
                progress(len(chunk))

    async def apply_schema(self) -> None:
        """Create constraints and indexes; safe to run again."""
        for statement in self.queries.schema_statements():
            self.round_trips += 1
            await self._run(statement, {}, write=True)

    async def ping(self) -> None:
        await self.read(Q.PING)

    @abstractmethod
    async def _run(self, statement: str, params: dict[str, Any], *, write: bool) -> list[Row]: ...

    @abstractmethod
    async def close(self) -> None: ...
