"""What an operator sees of planforge: a request id per HTTP request, JSON logs, and OpenTelemetry spans.

Everything is off unless the settings turn it on (`PLANFORGE_TRACING=true`, `PLANFORGE_LOG_FORMAT=json`), so an
embedding host keeps its own logging and tracing untouched.
"""

from planforge.observability.context import REQUEST_ID_HEADER, current_request_id, request_id_scope
from planforge.observability.logs import JsonLogFormatter, configure_logging
from planforge.observability.middleware import ObservabilityMiddleware
from planforge.observability.tracing import configure_tracing, tracer

__all__ = [
    "REQUEST_ID_HEADER",
    "JsonLogFormatter",
    "ObservabilityMiddleware",
    "configure_logging",
    "configure_tracing",
    "current_request_id",
    "request_id_scope",
    "tracer",
]
