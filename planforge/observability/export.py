"""The OpenTelemetry SDK side of tracing (the `otel` extra): the provider, its processors and the exporter.

Imported only when tracing is switched on, so planforge runs without the SDK installed.
"""

from __future__ import annotations

from opentelemetry import context as otel_context
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import ReadableSpan, Span, SpanProcessor, TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, SimpleSpanProcessor, SpanExporter

from planforge.observability.context import current_request_id

REQUEST_ID_ATTRIBUTE = "planforge.request_id"
"""The span attribute holding the request id."""


class RequestIdSpanProcessor(SpanProcessor):
    """Stamps the current request id on every span as it starts, pydantic-ai's included."""

    def on_start(self, span: Span, parent_context: otel_context.Context | None = None) -> None:
        """Add `planforge.request_id` when a request is being served."""
        request_id = current_request_id()
        if request_id is not None:
            span.set_attribute(REQUEST_ID_ATTRIBUTE, request_id)

    def on_end(self, span: ReadableSpan) -> None:
        """Nothing to do when a span ends."""


def new_provider(exporter: SpanExporter | None) -> TracerProvider:
    """A provider stamping request ids and exporting to `exporter`, or over OTLP/HTTP as OTEL_* say."""
    provider = TracerProvider(resource=Resource.create({"service.name": "planforge"}))
    provider.add_span_processor(RequestIdSpanProcessor())
    if exporter is None:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    else:
        provider.add_span_processor(SimpleSpanProcessor(exporter))
    return provider
