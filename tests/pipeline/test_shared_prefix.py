"""The chunks of one plan share their prompt prefix byte for byte, so providers' prompt caches serve it (issue 14)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx2
import pytest
from anthropic import AsyncAnthropic
from pydantic_ai import models
from pydantic_ai.models.anthropic import AnthropicModel
from pydantic_ai.providers.anthropic import AnthropicProvider

from planforge import PlanForge, Settings
from planforge.domain.requests import PlanRequest
from planforge.drafttext.render import render_draft
from planforge.exceptions import GenerationError
from planforge.testing import FakeOpenAI, fake_openai_model, scripted_draft
from planforge.testing.fake_openai import ServerBehaviour
from planforge.testing.fake_openai.behaviour import cached_prefix_tokens

pytestmark = pytest.mark.anyio

WEEKS = 4
PRINCIPLE = "Polarized: 80 % easy, 20 % hard. " * 40


def common_prefix(texts: list[str]) -> str:
    """The longest text all of `texts` start with."""
    first, last = min(texts), max(texts)
    size = next((i for i, (a, b) in enumerate(zip(first, last, strict=False)) if a != b), min(len(first), len(last)))
    return first[:size]


@pytest.fixture
def allow_model_requests() -> Iterator[None]:
    models.ALLOW_MODEL_REQUESTS = True  # the fake server is in-process; nothing leaves the machine
    yield
    models.ALLOW_MODEL_REQUESTS = False


def plan_request() -> PlanRequest:
    draft = render_draft(scripted_draft(WEEKS))
    return PlanRequest(weeks=WEEKS, level="beginner", org_id="o", training_principle=PRINCIPLE, refined_draft=draft)


async def converted(fake: FakeOpenAI, **settings: object) -> None:
    chosen = Settings.model_validate({"chunk_weeks": 1, "concurrency": 1, **settings})
    async with PlanForge(model=fake_openai_model(fake, settings=chosen), settings=chosen) as forge:
        await forge.generate_plan(plan_request())


@pytest.mark.usefixtures("allow_model_requests")
async def test_every_chunk_request_starts_with_the_same_instructions_principle_and_context() -> None:
    fake = FakeOpenAI()
    await converted(fake)
    assert len(fake.requests) == WEEKS
    assert len({r.request.instructions for r in fake.requests}) == 1
    assert len({tuple(r.request.tool_names) for r in fake.requests}) == 1
    users = [r.request.texts("user")[0] for r in fake.requests]
    shared = common_prefix(users)
    assert PRINCIPLE.strip() in shared  # the principle is inside the shared part, before any chunk's own weeks
    assert shared.index(PRINCIPLE.strip()) < len(shared)
    assert '"plan_weeks": 4' in shared
    prompts = [r.request.prompt_text for r in fake.requests]
    shared_share = len(common_prefix(prompts)) / min(len(p) for p in prompts)
    assert shared_share > 0.8


@pytest.mark.usefixtures("allow_model_requests")
async def test_an_automatic_prefix_cache_serves_most_of_every_later_chunk() -> None:
    fake = FakeOpenAI(behaviour=ServerBehaviour(prefix_cache=True))
    await converted(fake)
    prompts = [r.request.prompt_text for r in fake.requests]
    cached = [cached_prefix_tokens(prompt, prompts[:index]) for index, prompt in enumerate(prompts)]
    assert cached[0] == 0
    assert all(tokens > 0.7 * r.request.prompt_tokens for tokens, r in zip(cached[1:], fake.requests[1:], strict=True))


@pytest.mark.usefixtures("allow_model_requests")
async def test_grouping_weeks_sends_fewer_input_tokens() -> None:
    one, four = FakeOpenAI(), FakeOpenAI()
    await converted(one, chunk_weeks=1)
    await converted(four, chunk_weeks=4)
    tokens_one = sum(r.request.prompt_tokens for r in one.requests)
    tokens_four = sum(r.request.prompt_tokens for r in four.requests)
    assert len(four.requests) == 1
    assert tokens_four < 0.4 * tokens_one


@pytest.mark.usefixtures("allow_model_requests")
async def test_anthropic_requests_mark_the_shared_prefix_with_cache_points() -> None:
    bodies: list[dict[str, Any]] = []

    def anthropic_api(request: httpx2.Request) -> httpx2.Response:
        bodies.append(json.loads(request.content))
        answer = {"type": "text", "text": "(no tool call: the test only reads the request)"}
        return httpx2.Response(
            200,
            json={
                "id": "msg_1",
                "type": "message",
                "role": "assistant",
                "model": "claude-sonnet-4-6",
                "content": [answer],
                "stop_reason": "end_turn",
                "usage": {"input_tokens": 10, "output_tokens": 2},
            },
        )

    http = httpx2.AsyncClient(transport=httpx2.MockTransport(anthropic_api))
    client = AsyncAnthropic(api_key="test-key", http_client=http, max_retries=0)
    model = AnthropicModel("claude-sonnet-4-6", provider=AnthropicProvider(anthropic_client=client))
    settings = Settings(chunk_weeks=1, concurrency=1, output_retries=0)
    async with PlanForge(model=model, settings=settings) as forge:
        with pytest.raises(GenerationError):
            await forge.generate_plan(plan_request())
    body = bodies[0]
    assert [tool.get("cache_control") for tool in body["tools"]] == [{"type": "ephemeral", "ttl": "5m"}]
    shared, own = body["messages"][0]["content"]
    assert shared["cache_control"] == {"type": "ephemeral", "ttl": "5m"}
    assert PRINCIPLE.strip() in shared["text"]
    assert "cache_control" not in own
    assert own["text"].startswith("<chunk>")
