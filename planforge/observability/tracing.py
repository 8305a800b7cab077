"""OpenTelemetry for planforge: pydantic-ai's instrumentation plus planforge's request spans.

With `Settings.tracing` on, `configure_tracing` builds a tracer provider that exports over OTLP/HTTP wherever
the standard variables point (`OTEL_EXPORTER_OTLP_ENDPOINT`, `OTEL_EXPORTER_OTLP_HEADERS`,
`OTEL_SERVICE_NAME`, …; Logfire and most collectors accept it), and switches on pydantic-ai's instrumentation
for every agent: a span per agent run (`invoke_agent planforge_plan` for each converted chunk,
`invoke_agent planforge_draft` …) and per model request (`chat <model>`, with `gen_ai.usage.*` tokens and
`operation.cost` when the model's price is known). The request middleware opens the root span of each
HTTP request; every span carries the request id (`planforge.request_id`).

The provider is planforge's own, not the global one, so a host's tracing is never replaced; tests pass an
in-memory exporter. The SDK (the `otel` extra) is imported only when tracing is on.
"""

from __future__ import annotations

import threading
from collections.abc import Generator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Final, Literal

from opentelemetry import trace
from pydantic_ai import Agent
from pydantic_ai.models.instrumented import InstrumentationSettings

from planforge.exceptions import ConfigurationError
from planforge.settings import Settings

if TYPE_CHECKING:
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SpanExporter

INSTRUMENTATION_NAME: Final = "planforge"

_lock = threading.Lock()
_provider: TracerProvider | None = None


def configure_tracing(settings: Settings, exporter: SpanExporter | None = None) -> TracerProvider | None:
    """Turn tracing on for this process when `settings.tracing` is (once; later calls return the same provider).

    `exporter` replaces the OTLP exporter (tests pass an in-memory one; spans are then exported synchronously).
    Returns the provider, or None when tracing is off. Raises `ConfigurationError` without the `otel` extra.
    """
    global _provider
    if not settings.tracing:
        return None
    with _lock:
        if _provider is None:
            try:
                from planforge.observability.export import new_provider
            except ImportError as error:
                raise ConfigurationError(
                    "PLANFORGE_TRACING needs the OpenTelemetry SDK: install planforge with the otel extra"
                    " (pip install 'planforge[otel]')"
                ) from error
            provider = new_provider(exporter)
            Agent.instrument_all(
                InstrumentationSettings(tracer_provider=provider, include_content=settings.trace_content)
            )
            _provider = provider
        return _provider


def reset_tracing() -> None:
    """Turn tracing off again, flushing what was recorded: for tests, and for a host that reconfigures."""
    global _provider
    with _lock:
        if _provider is not None:
            _provider.shutdown()
            _provider = None
        Agent.instrument_all(False)


def tracer() -> trace.Tracer:
    """planforge's tracer: the configured provider's, or a no-op one while tracing is off."""
    provider = _provider
    if provider is None:
        return trace.NoOpTracer()
    return provider.get_tracer(INSTRUMENTATION_NAME)


@contextmanager
def generation_span(kind: Literal["draft", "plan"], *, org_id: str, weeks: int, level: str) -> Generator[trace.Span]:
    """A span around one generation (`planforge.generate_draft` / `planforge.generate_plan`), parent of its agent
    runs, so a generation is one subtree of the trace also outside HTTP (the CLI, an embedding host)."""
    attributes = {"planforge.org_id": org_id, "planforge.weeks": weeks, "planforge.level": level}
    with tracer().start_as_current_span(f"planforge.generate_{kind}", attributes=attributes) as span:
        yield span
