"""Tracing through a real request: spans per request, agent run (one per chunk) and model request, with tokens,
cost and the request id on every one, exported to an in-memory exporter."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from pydantic_ai import models

from planforge import PlanForge, Settings
from planforge.auth import InMemoryPrincipalStore
from planforge.drafttext.render import render_draft
from planforge.http import create_app
from planforge.observability.tracing import configure_tracing, generation_span, reset_tracing, tracer
from planforge.testing import scripted_draft
from planforge.testing.fake_openai import FakeOpenAI
from planforge.testing.fake_openai.client import fake_openai_model

pytestmark = pytest.mark.anyio

ORG = "org_abc123"


@pytest.fixture(autouse=True)
def _in_process_fake_provider(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fake OpenAI server answers in this process: no request leaves the machine."""
    monkeypatch.setattr(models, "ALLOW_MODEL_REQUESTS", True)


@pytest.fixture
def exporter() -> Iterator[InMemorySpanExporter]:
    exporter = InMemorySpanExporter()
    configure_tracing(Settings(tracing=True), exporter)
    yield exporter
    reset_tracing()


async def _plan_over_http(settings: Settings, request_id: str) -> httpx.Response:
    principals = InMemoryPrincipalStore()
    principals.create_org(ORG, ["coach_agent"])
    token = principals.create_token(ORG, "coach")
    forge = PlanForge(model=fake_openai_model(FakeOpenAI(), "gpt-4o-mini"), settings=settings)
    app = create_app(settings, forge=forge, principals=principals)
    body = {"weeks": 2, "level": "intermediate", "org_id": ORG, "refined_draft": render_draft(scripted_draft(2))}
    headers = {"Authorization": f"Bearer {token}", "X-Request-ID": request_id}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://planforge") as client:
        return await client.post("/api/v1/ai-coach/generate-plan", json=body, headers=headers)


def _named(spans: tuple[ReadableSpan, ...], prefix: str) -> list[ReadableSpan]:
    return [span for span in spans if span.name.startswith(prefix)]


async def test_a_plan_request_is_one_trace_of_request_chunk_and_model_spans(exporter: InMemorySpanExporter) -> None:
    settings = Settings(tracing=True, chunk_weeks=1)

    response = await _plan_over_http(settings, "req-plan-1")

    assert response.status_code == 200, response.text
    assert response.headers["X-Request-ID"] == "req-plan-1"
    spans = exporter.get_finished_spans()
    (root,) = _named(spans, "POST /api/v1/ai-coach/generate-plan")
    chunks = _named(spans, "invoke_agent planforge_plan")
    requests = _named(spans, "chat gpt-4o-mini")
    assert len(chunks) == 2  # one agent run per converted chunk (a week each)
    assert len(requests) >= 2
    assert root.parent is None
    assert (root.attributes or {})["http.response.status_code"] == 200
    assert len({span.context.trace_id for span in spans if span.context}) == 1  # one trace
    assert all((span.attributes or {}).get("planforge.request_id") == "req-plan-1" for span in spans)
    for request in requests:
        attributes = request.attributes or {}
        assert int(str(attributes["gen_ai.usage.input_tokens"])) > 0
        assert int(str(attributes["gen_ai.usage.output_tokens"])) > 0
        assert float(str(attributes["operation.cost"])) > 0  # gpt-4o-mini's price is known


async def test_with_tracing_off_nothing_is_recorded() -> None:
    exporter = InMemorySpanExporter()
    assert configure_tracing(Settings(tracing=False), exporter) is None

    response = await _plan_over_http(Settings(chunk_weeks=1), "req-quiet")

    assert response.status_code == 200
    assert response.headers["X-Request-ID"] == "req-quiet"
    assert exporter.get_finished_spans() == ()


async def test_a_generation_span_is_the_parent_of_what_runs_inside_it(exporter: InMemorySpanExporter) -> None:
    with generation_span("plan", org_id=ORG, weeks=2, level="beginner"), tracer().start_as_current_span("inner"):
        pass

    inner, outer = exporter.get_finished_spans()
    assert outer.name == "planforge.generate_plan"
    assert dict(outer.attributes or {}) == {
        "planforge.org_id": ORG,
        "planforge.weeks": 2,
        "planforge.level": "beginner",
    }
    assert inner.parent is not None
    assert outer.context is not None
    assert inner.parent.span_id == outer.context.span_id
