"""Whether OpenTelemetry tracing runs, decided without importing it: off unless configured.

`TRACING` decides when set (`otlp`, `console` or `off`); unset, tracing runs when the SDK's own variables name an
OTLP endpoint (`OTEL_EXPORTER_OTLP_ENDPOINT` or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) and `OTEL_SDK_DISABLED` is not
`true`. The SDK reads its other variables itself (headers, protocol, timeout, `OTEL_SERVICE_NAME`, sampling). The
spans themselves are in graph_service.operations.spans, imported only when tracing runs.
"""

import logging
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

from graph_service.config import Settings
from graph_service.errors import ConfigError

if TYPE_CHECKING:
    from graph_service.operations.spans import Tracing

log = logging.getLogger(__name__)

Mode = Literal["off", "otlp", "console"]
OTLP_ENDPOINTS = ("OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
EXTRA = "tracing needs the `tracing` extra: pip install 'graph-service[tracing]'"


def tracing_mode(settings: Settings, environ: Mapping[str, str] = os.environ) -> Mode:
    if settings.tracing is not None:
        return settings.tracing
    if environ.get("OTEL_SDK_DISABLED", "").strip().lower() == "true":
        return "off"
    return "otlp" if any(environ.get(name, "").strip() for name in OTLP_ENDPOINTS) else "off"


def start_tracing(settings: Settings) -> "Tracing | None":
    """A tracer provider of the app's own with the configured exporter, or None when tracing is off."""
    mode = tracing_mode(settings)
    if mode == "off":
        return None
    try:
        from graph_service.operations.spans import Tracing
    except ImportError as e:
        raise ConfigError(f"TRACING={mode}: {EXTRA} ({e.name} is missing)") from e
    log.info("tracing on: spans %s", "printed to stdout" if mode == "console" else "sent over OTLP/HTTP")
    return Tracing.exporting(mode)
