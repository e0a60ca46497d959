"""One root exception; every failure the service expects is a subclass with a stable code."""


class GraphServiceError(Exception):
    """Root of every error the service raises on purpose."""

    code = "INTERNAL_SERVER_ERROR"


class ConfigError(GraphServiceError):
    """The configuration or the bundled files are unusable; raised at start-up."""


class StoreUnavailable(GraphServiceError):
    """The graph store cannot be reached."""

    code = "SERVICE_UNAVAILABLE"


class GraphLoading(StoreUnavailable):
    """The last load of the graph has not completed; readers would see part of it."""


class StoreTimeout(GraphServiceError):
    """A statement, or a whole request, ran past its deadline (the database's own or the service's)."""

    code = "TIMEOUT"


class Overloaded(GraphServiceError):
    """More requests are in flight than the service allows; the client should retry shortly."""

    code = "OVERLOADED"


class StoreError(GraphServiceError):
    """The graph store refused or failed a statement."""


class NotFound(GraphServiceError):
    code = "NOT_FOUND"


class BadInput(GraphServiceError):
    code = "BAD_USER_INPUT"


class SeedValidationError(BadInput):
    """Seed files failed validation; `problems` lists every one, each naming its file and entry."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        listing = "\n".join(f"  - {p}" for p in problems)
        summary = f"{len(problems)} problem(s) in the seed data; nothing was written:\n{listing}"
        super().__init__(summary)
