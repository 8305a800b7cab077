"""Request ids and structured JSON logs."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

import httpx
import pytest
from fastapi import FastAPI
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from planforge.observability import JsonLogFormatter, ObservabilityMiddleware, configure_logging, request_id_scope
from planforge.observability.tracing import configure_tracing, reset_tracing, tracer
from planforge.settings import Settings

pytestmark = pytest.mark.anyio


def _record(message: str, **extra: object) -> logging.LogRecord:
    record = logging.makeLogRecord({"name": "planforge.test", "levelname": "INFO", "msg": message, **extra})
    record.levelno = logging.INFO
    return record


@pytest.fixture
def tracing() -> Iterator[InMemorySpanExporter]:
    exporter = InMemorySpanExporter()
    configure_tracing(Settings(tracing=True), exporter)
    yield exporter
    reset_tracing()


def test_a_json_line_carries_the_request_id_the_trace_and_the_extras(tracing: InMemorySpanExporter) -> None:
    with request_id_scope("req-42"), tracer().start_as_current_span("work") as span:
        line = JsonLogFormatter().format(_record("converted %s", args=("week 3",), org_id="acme"))
        context = span.get_span_context()

    entry = json.loads(line)
    assert entry["message"] == "converted week 3"
    assert entry["level"] == "INFO"
    assert entry["logger"] == "planforge.test"
    assert entry["request_id"] == "req-42"
    assert entry["org_id"] == "acme"
    assert entry["trace_id"] == format(context.trace_id, "032x")
    assert entry["span_id"] == format(context.span_id, "016x")


def test_outside_a_request_a_line_has_no_request_id() -> None:
    entry = json.loads(JsonLogFormatter().format(_record("started")))
    assert "request_id" not in entry
    assert "trace_id" not in entry


def _app() -> FastAPI:
    app = FastAPI()

    @app.get("/ping")
    async def ping() -> dict[str, str]:  # pyright: ignore[reportUnusedFunction]
        logging.getLogger("planforge.test").warning("inside the route")
        return {"pong": "yes"}

    app.add_middleware(ObservabilityMiddleware, settings=Settings())
    return app


@pytest.mark.parametrize(
    ("sent", "kept"),
    [
        pytest.param("abc-123", True, id="plain-id-kept"),
        pytest.param("x" * 129, False, id="too-long-replaced"),
        pytest.param("bad id\twith spaces", False, id="odd-characters-replaced"),
        pytest.param(None, False, id="none-made-up"),
    ],
)
async def test_every_response_has_a_request_id_and_every_line_of_the_request_carries_it(
    sent: str | None, kept: bool, caplog: pytest.LogCaptureFixture
) -> None:
    headers = {} if sent is None else {"X-Request-ID": sent}
    caplog.set_level(logging.INFO, logger="planforge")
    formatter = JsonLogFormatter()
    lines: list[dict[str, object]] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(json.loads(formatter.format(record)))

    handler = Collect()
    logging.getLogger("planforge").addHandler(handler)
    try:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=_app()), base_url="http://t") as client:
            response = await client.get("/ping", headers=headers)
    finally:
        logging.getLogger("planforge").removeHandler(handler)

    request_id = response.headers["X-Request-ID"]
    assert (request_id == sent) is kept
    assert len(request_id) <= 128
    assert [line["message"] for line in lines] == [
        "inside the route",
        "GET /ping 200 " + str(lines[1]["duration_ms"]) + " ms",
    ]
    assert {line["request_id"] for line in lines} == {request_id}
    assert lines[1]["status"] == 200


def test_json_logging_puts_one_json_handler_on_the_root_logger() -> None:
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    try:
        configure_logging(Settings(log_format="json", log_level="DEBUG"))
        assert [type(handler.formatter) for handler in root.handlers] == [JsonLogFormatter]
        assert logging.getLogger("planforge").level == logging.DEBUG
        assert logging.getLogger("uvicorn.access").disabled
    finally:
        root.handlers, _ = saved[0], root.setLevel(saved[1])
        logging.getLogger("uvicorn.access").disabled = False
        logging.getLogger("planforge").setLevel(logging.NOTSET)


def test_text_logging_leaves_the_hosts_handlers_alone() -> None:
    root = logging.getLogger()
    before = root.handlers[:]
    configure_logging(Settings())
    assert root.handlers == before
    logging.getLogger("planforge").setLevel(logging.NOTSET)
