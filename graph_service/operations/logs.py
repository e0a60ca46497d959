"""Log lines that carry the request id, as text or as JSON; handed to Uvicorn as its logging configuration."""

import logging
from contextvars import ContextVar
from typing import Any

from graph_service.config import Settings

# The id of the request the running task serves. A context variable, not shared state: each request's task (and
# the tasks it starts) sees its own value, so log lines from any layer name their request.
REQUEST_ID: ContextVar[str] = ContextVar("request_id", default="-")
# The trace id of the request's span when tracing runs (graph_service.operations.spans).
TRACE_ID: ContextVar[str] = ContextVar("trace_id", default="-")

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"
JSON_FIELDS = "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s"


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = REQUEST_ID.get()
        record.trace_id = TRACE_ID.get()
        return True


def log_config(settings: Settings, *, trace_ids: bool = False) -> dict[str, Any]:
    """A `logging.config.dictConfig` document: one handler on the root logger, Uvicorn's loggers propagating to it.
    With `trace_ids` (tracing runs), JSON lines carry the trace id of their request too."""
    formatter: dict[str, Any] = (
        {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": JSON_FIELDS + (" %(trace_id)s" if trace_ids else ""),
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        }
        if settings.log_format == "json"
        else {"format": TEXT_FORMAT}
    )
    level = settings.log_level.upper()
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": RequestIdFilter}},
        "formatters": {"default": formatter},
        "handlers": {
            "default": {
                "class": "logging.StreamHandler",
                "formatter": "default",
                "filters": ["request_id"],
                "stream": "ext://sys.stderr",
            }
        },
        "root": {"handlers": ["default"], "level": level},
        "loggers": {
            "uvicorn": {"level": level, "handlers": [], "propagate": True},
            "uvicorn.error": {"level": level, "handlers": [], "propagate": True},
            # The service writes its own access line (graph_service.operations.middleware), with the request id.
            "uvicorn.access": {"level": "WARNING", "handlers": [], "propagate": True},
            # Strawberry logs every error of a result with its traceback; graph_service.api.errors logs each once
            # instead (expected ones as one line at info, unexpected ones with one traceback).
            "strawberry.execution": {"level": "CRITICAL", "handlers": [], "propagate": True},
        },
    }
