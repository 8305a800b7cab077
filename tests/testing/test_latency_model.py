"""LatencyModel answers what its inner model answers, never sooner than a provider of that speed would.

Timing is only checked from below (at least the simulated wait): an upper bound would fail on a busy machine.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator

import pytest
from pydantic_ai import Agent
from pydantic_ai.messages import ModelMessage, ModelResponse, TextPart
from pydantic_ai.models.function import AgentInfo, FunctionModel

from planforge import DraftRequest, PlanForge, PlanRequest
from planforge.offline.model import OfflineCoachModel
from planforge.testing import Latency, LatencyModel

ANSWER = "x" * 400  # 100 tokens at four characters a token


def fixed_answer(messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
    return ModelResponse(parts=[TextPart(ANSWER)])


async def stream_answer(messages: list[ModelMessage], info: AgentInfo) -> AsyncIterator[str]:
    for start in range(0, len(ANSWER), 100):
        yield ANSWER[start : start + 100]


@pytest.mark.anyio
async def test_waits_at_least_time_to_first_token_plus_output_time() -> None:
    model = LatencyModel(FunctionModel(fixed_answer), Latency(time_to_first_token=0.1, tokens_per_second=1_000))
    started = time.monotonic()
    result = await Agent(model).run("hello")
    assert result.output == ANSWER
    assert time.monotonic() - started >= 0.1 + 100 / 1_000
    assert (model.calls, model.output_tokens_total) == (1, 100)


@pytest.mark.anyio
async def test_streamed_answers_arrive_after_the_first_token_and_whole() -> None:
    inner = FunctionModel(fixed_answer, stream_function=stream_answer)
    model = LatencyModel(inner, Latency(time_to_first_token=0.1, tokens_per_second=10_000))
    started = time.monotonic()
    async with Agent(model).run_stream("hello") as stream:
        pieces = [piece async for piece in stream.stream_output(debounce_by=None)]
    assert time.monotonic() - started >= 0.1
    assert pieces[-1] == ANSWER


def test_reported_usage_can_set_the_output_tokens() -> None:
    response = ModelResponse(parts=[TextPart(ANSWER)])
    response.usage.output_tokens = 7
    slow = Latency(time_to_first_token=1.0, tokens_per_second=10)
    assert LatencyModel(FunctionModel(fixed_answer), slow).seconds_for(response) == pytest.approx(1.0 + 10.0)
    reported = LatencyModel(FunctionModel(fixed_answer), slow, use_reported_usage=True)
    assert reported.seconds_for(response) == pytest.approx(1.0 + 0.7)


@pytest.mark.anyio
async def test_the_pipeline_on_the_slowed_offline_coach_gives_the_offline_coach_plan() -> None:
    request = DraftRequest(weeks=4, level="beginner", org_id="o", additional_prompt="5k. 3 days per week.")
    fast = PlanForge(model=OfflineCoachModel())
    slow_model = LatencyModel(OfflineCoachModel(), Latency(time_to_first_token=0.01, tokens_per_second=1e6))
    slow = PlanForge(model=slow_model)
    draft, slow_draft = await fast.generate_draft(request), await slow.generate_draft(request)
    assert slow_draft.draft == draft.draft
    plan_request = PlanRequest(**request.model_dump(), refined_draft=draft.draft)
    plan, slow_plan = await fast.generate_plan(plan_request), await slow.generate_plan(plan_request)
    assert slow_plan.content == plan.content
    assert slow_model.peak_running == 4  # 4 weeks in chunks of 1 (the default), converted at the same time
