"""Structured logs: one JSON object per line, with the request id and the trace and span ids.

`configure_logging(settings)` does nothing for `log_format="text"` (the host's or uvicorn's logging stays as
it is); for `json` it gives the root logger one stderr handler with `JsonLogFormatter` and routes uvicorn's
loggers through it, so a log collector reads every line of the process the same way.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from typing import Any, Final

from opentelemetry import trace

from planforge.observability.context import current_request_id
from planforge.settings import Settings

_STANDARD_ATTRIBUTES: Final = frozenset(logging.makeLogRecord({}).__dict__) | {"message", "asctime", "taskName"}
"""LogRecord attributes every record has; anything else was passed in `extra=` and is written out too."""

_UVICORN_LOGGERS: Final = ("uvicorn", "uvicorn.error", "uvicorn.access")


class JsonLogFormatter(logging.Formatter):
    """Formats a record as a JSON object: time, level, logger, message, request_id, trace_id, span_id, extras."""

    def format(self, record: logging.LogRecord) -> str:
        """The record as one line of JSON."""
        entry: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request_id = current_request_id()
        if request_id is not None:
            entry["request_id"] = request_id
        span_context = trace.get_current_span().get_span_context()
        if span_context.is_valid:
            entry["trace_id"] = format(span_context.trace_id, "032x")
            entry["span_id"] = format(span_context.span_id, "016x")
        for key, value in record.__dict__.items():
            if key not in _STANDARD_ATTRIBUTES and not key.startswith("_"):
                entry[key] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str, ensure_ascii=False)


def configure_logging(settings: Settings) -> None:
    """Apply `settings.log_format` and `settings.log_level` to this process's logging (see the module doc)."""
    logging.getLogger("planforge").setLevel(settings.log_level)
    if settings.log_format != "json":
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonLogFormatter())
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(logging.WARNING)  # third-party libraries: warnings and errors only
    for name in _UVICORN_LOGGERS:
        uvicorn_logger = logging.getLogger(name)
        uvicorn_logger.handlers = []
        uvicorn_logger.propagate = True
    logging.getLogger("uvicorn.access").disabled = True  # the middleware writes a richer access line
