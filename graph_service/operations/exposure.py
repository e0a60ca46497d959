"""What a start-up says about the developer tools it serves: GraphiQL and introspection are on by default only for
the embedded engine on a loopback address (docs/deployment.md)."""

import logging

from graph_service.config import Settings

log = logging.getLogger(__name__)


def describe_exposure(settings: Settings) -> str:
    def state(on: bool, explicit: bool | None) -> str:
        return ("on" if on else "off") + (" (set)" if explicit is not None else "")

    where = f"the {settings.engine} engine on {settings.host}"
    reason = "exposed: serving Neo4j or a non-loopback address" if settings.exposed else "a local tool"
    return (
        f"GraphiQL {state(settings.serves_graphiql, settings.graphiql)}, "
        f"introspection {state(settings.allows_introspection, settings.introspection)}: "
        f"{where} is {reason} (GRAPHIQL and INTROSPECTION set them)"
    )


def log_exposure(settings: Settings) -> None:
    log.info("%s", describe_exposure(settings))
