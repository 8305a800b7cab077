"""The ASGI middleware that gives each HTTP request an id, a root span and one access log line.

It also applies the observability settings once per process when the app starts (or on its first request,
for clients that never run the lifespan), so `create_app` needs only this one middleware.
"""

from __future__ import annotations

import logging
import time
from typing import Final

from opentelemetry import trace
from opentelemetry.trace import SpanKind, Status, StatusCode
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from planforge.observability.context import REQUEST_ID_HEADER, request_id_for, request_id_scope
from planforge.observability.logs import configure_logging
from planforge.observability.tracing import configure_tracing, tracer
from planforge.settings import Settings

access_log = logging.getLogger("planforge.http")
"""One INFO line per request: method, path, status, duration, request id."""

_HEADER_NAME: Final = REQUEST_ID_HEADER.lower().encode()


class ObservabilityMiddleware:
    """Request id (`X-Request-ID` in and out), a server span per request, and an access log line."""

    def __init__(self, app: ASGIApp, settings: Settings | None = None) -> None:
        """Wrap `app`; `settings` default to the environment's, read when the app starts."""
        self.app = app
        self._settings = settings
        self._configured = False

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Serve one ASGI connection."""
        if not self._configured:
            self._configure()
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = request_id_for(_header(scope, _HEADER_NAME))
        method, path = str(scope.get("method", "")), str(scope.get("path", ""))
        started = time.perf_counter()
        status = 500
        with (
            request_id_scope(request_id),
            tracer().start_as_current_span(
                f"{method} {path}",
                kind=SpanKind.SERVER,
                attributes={"http.request.method": method, "url.path": path},
                record_exception=True,
            ) as span,
        ):

            async def send_with_id(message: Message) -> None:
                nonlocal status
                if message["type"] == "http.response.start":
                    status = int(message["status"])
                    headers = [*message.get("headers", []), (_HEADER_NAME, request_id.encode())]
                    message = {**message, "headers": headers}
                await send(message)

            try:
                await self.app(scope, receive, send_with_id)
            finally:
                _finish_span(span, scope, method, status)
                duration_ms = round((time.perf_counter() - started) * 1000, 1)
                access_log.info(
                    "%s %s %d %.1f ms",
                    method,
                    path,
                    status,
                    duration_ms,
                    extra={"method": method, "path": path, "status": status, "duration_ms": duration_ms},
                )

    def _configure(self) -> None:
        settings = self._settings or Settings()
        configure_logging(settings)
        configure_tracing(settings)
        self._configured = True


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return bytes(value).decode("latin-1")
    return None


def _finish_span(span: trace.Span, scope: Scope, method: str, status: int) -> None:
    route = scope.get("route")
    template = getattr(route, "path", None)
    if isinstance(template, str):
        span.update_name(f"{method} {template}")
        span.set_attribute("http.route", template)
    span.set_attribute("http.response.status_code", status)
    if status >= 500:
        span.set_status(Status(StatusCode.ERROR))
