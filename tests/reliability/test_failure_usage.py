"""What a generation spent, reported with its result and with its failure (issue 14): requests, input tokens,
cached input tokens, output tokens, and how many requests had their tokens estimated.

Each test names the defect it guards: it failed before the fix.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic_ai import models
from typer.testing import CliRunner

from planforge import PlanForge, Settings
from planforge.auth import InMemoryPrincipalStore
from planforge.cli import app as cli_app
from planforge.domain.events import ErrorEvent
from planforge.domain.requests import DraftRequest, PlanRequest
from planforge.domain.usage import Usage
from planforge.drafttext.render import render_draft
from planforge.exceptions import ChunkConversionError, GenerationError
from planforge.http import create_app
from planforge.testing import FakeOpenAI, fake_openai_model, scripted_draft, serve_fake_openai
from planforge.testing.fake_openai import LLAMA_CPP, SchemaViolation
from planforge.testing.fake_openai.behaviour import cached_prefix_tokens

pytestmark = pytest.mark.anyio

ORG = "org_usage"


@pytest.fixture
def llama() -> Iterator[tuple[FakeOpenAI, str]]:
    """A new fake llama-cpp-python server (no usage in streams) whose every answer breaks the output schema."""
    fake = FakeOpenAI(behaviour=LLAMA_CPP)
    fake.script(then=SchemaViolation())
    models.ALLOW_MODEL_REQUESTS = True  # requests go to 127.0.0.1, never to the network
    try:
        with serve_fake_openai(fake) as base_url:
            yield fake, base_url
    finally:
        models.ALLOW_MODEL_REQUESTS = False


def settings_for(base_url: str, **overrides: Any) -> Settings:
    defaults: dict[str, Any] = {"model": "llama3.2:3b", "output_retries": 1, "request_timeout_seconds": 20}
    return Settings(base_url=base_url, **(defaults | overrides))


def draft_request(weeks: int = 1) -> DraftRequest:
    return DraftRequest(weeks=weeks, level="beginner", org_id=ORG)


def plan_request(weeks: int = 1) -> PlanRequest:
    return PlanRequest(**draft_request(weeks).model_dump(), refined_draft=render_draft(scripted_draft(weeks)))


def assert_spent_what_the_server_served(usage: Usage | None, fake: FakeOpenAI) -> None:
    """`usage` counts every request the server answered, with (estimated) tokens close to what it processed."""
    assert usage is not None
    served_prompt = sum(logged.request.prompt_tokens for logged in fake.requests)
    assert usage.requests == len(fake.requests) == 2  # the rejected answer and its one retry
    assert 0.5 * served_prompt < usage.input_tokens < 1.5 * served_prompt
    assert usage.output_tokens > 0
    assert usage.estimated_requests == 2  # the server sent no usage in its streams
    assert usage.estimated


async def test_a_failed_plan_says_what_it_spent(llama: tuple[FakeOpenAI, str]) -> None:
    """Defect: a failed run reported no usage at all."""
    fake, base_url = llama
    async with PlanForge(settings=settings_for(base_url)) as forge:
        with pytest.raises(ChunkConversionError) as caught:
            await forge.generate_plan(plan_request())
    assert_spent_what_the_server_served(caught.value.usage, fake)


async def test_a_failed_stream_sends_its_usage_in_the_error_event(llama: tuple[FakeOpenAI, str]) -> None:
    fake, base_url = llama
    async with PlanForge(settings=settings_for(base_url)) as forge:
        events = [event async for event in forge.stream_draft(draft_request())]
    error = events[-2]
    assert isinstance(error, ErrorEvent)
    assert error.code == GenerationError.code
    assert_spent_what_the_server_served(error.usage, fake)


async def test_the_http_error_envelope_of_a_failed_generation_carries_its_usage(
    llama: tuple[FakeOpenAI, str],
) -> None:
    fake, base_url = llama
    principals = InMemoryPrincipalStore()
    principals.create_org(ORG, ["coach_agent"])
    headers = {"Authorization": f"Bearer {principals.create_token(ORG, 'coach')}"}
    forge = PlanForge(settings=settings_for(base_url))
    transport = httpx.ASGITransport(app=create_app(forge=forge, principals=principals))
    async with httpx.AsyncClient(transport=transport, base_url="http://planforge.test", headers=headers) as http:
        failed = await http.post("/api/v1/ai-coach/generate-plan", json=plan_request().model_dump(mode="json"))
        refused = await http.post(
            "/api/v1/ai-coach/generate-plan", json={**plan_request().model_dump(mode="json"), "weeks": 0}
        )
    await forge.aclose()
    assert failed.status_code == 502
    assert_spent_what_the_server_served(Usage.model_validate(failed.json()["error"]["usage"]), fake)
    assert refused.status_code == 422
    assert "usage" not in refused.json()["error"]  # no generation ran: the envelope is as it always was


def test_the_cli_shows_the_usage_of_a_failed_and_of_a_finished_draft(
    llama: tuple[FakeOpenAI, str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fake, base_url = llama
    for name, value in {"BASE_URL": base_url, "MODEL": "llama3.2:3b", "DATA_DIR": str(tmp_path)}.items():
        monkeypatch.setenv(f"PLANFORGE_{name}", value)
    monkeypatch.setenv("PLANFORGE_OUTPUT_RETRIES", "1")
    arguments = ["draft", "--weeks", "1", "--level", "beginner", "--org", "club"]

    failed = CliRunner().invoke(cli_app, arguments)
    fake.script()  # the server answers well from now on
    finished = CliRunner().invoke(cli_app, arguments)

    assert failed.exit_code == 1
    first, second = failed.stderr.strip().splitlines()[-2:]
    assert first.startswith("error: the model could not write a valid draft")
    assert second.startswith("usage: 2 model requests, ")
    assert "(estimated for 2 of 2 requests: the server reported no usage)" in second
    assert finished.exit_code == 0, finished.output
    assert "usage: 1 model request, " in finished.stderr
    for run in (failed, finished):  # no raw Python warning (e.g. pydantic-ai's about missing usage)
        assert "Warning" not in run.stderr
        assert ".py:" not in run.stderr


async def test_cached_input_tokens_are_what_the_provider_reported_as_cached() -> None:
    """Defect: the provider's cached-token counts were dropped, so prompt caching could not be seen or priced."""
    fake = FakeOpenAI()  # OpenAI's automatic prefix caching, reported as prompt_tokens_details.cached_tokens
    settings = Settings(chunk_weeks=1, concurrency=1)
    models.ALLOW_MODEL_REQUESTS = True
    try:
        async with PlanForge(model=fake_openai_model(fake, settings=settings), settings=settings) as forge:
            plan = await forge.generate_plan(plan_request(4))
    finally:
        models.ALLOW_MODEL_REQUESTS = False
    prompts = [logged.request.prompt_text for logged in fake.requests]
    reported = sum(cached_prefix_tokens(prompt, prompts[:index]) for index, prompt in enumerate(prompts))
    assert reported > 0  # the chunks after the first share the prefix of the first
    assert plan.usage.cached_input_tokens == reported
    assert plan.usage.cached_input_tokens < plan.usage.input_tokens
    assert plan.usage.estimated_requests == 0
