"""The fake server answers chat completions as OpenAI does, seen through the real openai client."""

from __future__ import annotations

import json
import time
from typing import Any

import httpx2
import pytest
from openai import AsyncOpenAI

from planforge import PlanForge, Settings
from planforge.domain.requests import DraftRequest, PlanRequest
from planforge.offline.model import OfflineCoachModel
from planforge.testing import FakeOpenAI, Latency, fake_openai_model, serve_fake_openai
from planforge.testing.fake_openai import (
    ChatRequest,
    FaultSequence,
    Reply,
    StreamingASGITransport,
    fake_openai_client,
    server_error,
)

pytestmark = pytest.mark.anyio

TOOL = {"type": "function", "function": {"name": "submit", "parameters": {"type": "object"}}}
ARGUMENTS = {"weeks": [{"week": n, "focus": "Aerobic base " * 3} for n in range(1, 9)]}


def echo_tool(request: ChatRequest) -> Reply:
    """Calls the first offered tool with ARGUMENTS, or answers in text when no tool is offered."""
    if request.tool_names:
        return Reply.tool(request.tool_names[0], ARGUMENTS)
    return Reply(text="Hello " * 40)


async def create(client: AsyncOpenAI, **extra: Any) -> Any:
    return await client.chat.completions.create(
        model="fake-coach", messages=[{"role": "user", "content": "Plan, please."}], **extra
    )


async def test_a_plain_completion_carries_the_tool_call_finish_reason_and_usage() -> None:
    fake = FakeOpenAI(echo_tool)
    async with fake_openai_client(fake) as client:
        completion = await create(client, tools=[TOOL])

    choice = completion.choices[0]
    assert choice.finish_reason == "tool_calls"
    assert [call.function.name for call in choice.message.tool_calls] == ["submit"]
    assert json.loads(choice.message.tool_calls[0].function.arguments) == ARGUMENTS
    assert completion.usage.completion_tokens > 0
    assert completion.usage.total_tokens == completion.usage.prompt_tokens + completion.usage.completion_tokens


async def test_a_plain_text_completion() -> None:
    async with fake_openai_client(FakeOpenAI(echo_tool)) as client:
        completion = await create(client)

    assert completion.choices[0].message.content == "Hello " * 40
    assert completion.choices[0].finish_reason == "stop"


async def test_a_streamed_tool_call_arrives_in_argument_pieces_that_join_to_the_whole() -> None:
    async with fake_openai_client(FakeOpenAI(echo_tool)) as client:
        stream = await create(client, tools=[TOOL], stream=True, stream_options={"include_usage": True})
        chunks = [chunk async for chunk in stream]

    deltas = [call for chunk in chunks if chunk.choices for call in chunk.choices[0].delta.tool_calls or []]
    assert deltas[0].function.name == "submit"
    assert deltas[0].id
    pieces = [delta.function.arguments for delta in deltas if delta.function.arguments]
    assert len(pieces) > 10
    assert json.loads("".join(pieces)) == ARGUMENTS
    assert [c.choices[0].finish_reason for c in chunks if c.choices and c.choices[0].finish_reason] == ["tool_calls"]
    assert chunks[-1].choices == []
    assert chunks[-1].usage.completion_tokens > 0


async def test_a_streamed_text_answer_joins_to_the_whole_text() -> None:
    async with fake_openai_client(FakeOpenAI(echo_tool)) as client:
        stream = await create(client, stream=True)
        text = "".join([chunk.choices[0].delta.content or "" async for chunk in stream if chunk.choices])

    assert text == "Hello " * 40


async def test_the_request_log_keeps_every_body_and_the_fault_it_got() -> None:
    fake = FakeOpenAI(echo_tool, faults=[server_error(), None])
    async with fake_openai_client(fake) as client:
        completion = await create(client, tools=[TOOL], temperature=0.25)

    assert completion.choices[0].finish_reason == "tool_calls"
    assert fake.calls == 2  # the SDK retried the 500
    assert [logged.fault for logged in fake.requests] == [server_error(), None]
    assert fake.requests[1].body["temperature"] == 0.25
    assert fake.requests[1].request.tool_names == ["submit"]
    assert fake.requests[1].request.texts("user") == ["Plan, please."]


def test_a_fault_sequence_can_repeat_or_settle_on_a_fault() -> None:
    request = ChatRequest({"messages": []})
    repeating = FaultSequence([server_error(), None], repeat=True)
    settling = FaultSequence([None], then=server_error())

    assert [repeating(request) for _ in range(4)] == [server_error(), None, server_error(), None]
    assert [settling(request) for _ in range(3)] == [None, server_error(), server_error()]


async def test_a_fault_plan_can_decide_per_request() -> None:
    fake = FakeOpenAI(echo_tool, faults=lambda request: server_error() if request.tool_names else None)
    async with fake_openai_client(fake, max_retries=0) as client:
        text = await create(client)
        with pytest.raises(Exception, match="500"):
            await create(client, tools=[TOOL])

    assert text.choices[0].message.content
    assert [logged.fault for logged in fake.requests] == [None, server_error()]


async def test_the_streamed_answer_is_paced_by_time_to_first_token_and_tokens_per_second() -> None:
    # Lower bounds only: a slow machine can only make these longer.
    fake = FakeOpenAI(echo_tool, latency=Latency(time_to_first_token=0.3, tokens_per_second=400))
    async with fake_openai_client(fake) as client:
        started = time.monotonic()
        stream = await create(client, tools=[TOOL], stream=True, stream_options={"include_usage": True})
        arrivals = [(time.monotonic(), chunk) async for chunk in stream]

    first_token_at = arrivals[0][0]
    assert first_token_at - started >= 0.3
    # The body is streamed, not buffered: the last chunk comes output_tokens / tps after the first.
    output_tokens = arrivals[-1][1].usage.completion_tokens
    assert arrivals[-1][0] - first_token_at >= 0.9 * output_tokens / 400


async def test_a_plain_answer_waits_for_the_whole_generation() -> None:
    fake = FakeOpenAI(echo_tool, latency=Latency(time_to_first_token=0.2, tokens_per_second=1000))
    async with fake_openai_client(fake) as client:
        started = time.monotonic()
        completion = await create(client, tools=[TOOL])

    assert time.monotonic() - started >= 0.2 + completion.usage.completion_tokens / 1000


@pytest.mark.usefixtures("allow_model_requests")
async def test_answered_by_the_offline_coach_planforge_gets_what_the_offline_model_writes() -> None:
    request = DraftRequest(weeks=3, level="beginner", org_id="org_a", additional_prompt="Runs on Tuesday and Friday.")
    over_http = PlanForge(model=fake_openai_model(FakeOpenAI()), settings=Settings())
    direct = PlanForge(model=OfflineCoachModel(), settings=Settings())

    draft = await over_http.generate_draft(request)
    assert draft.draft == (await direct.generate_draft(request)).draft

    plan_request = PlanRequest(**request.model_dump(), refined_draft=draft.draft)
    plan = await over_http.generate_plan(plan_request)
    expected = await direct.generate_plan(plan_request)
    assert plan.content == expected.content
    assert plan.weekly_info == expected.weekly_info


@pytest.mark.usefixtures("allow_model_requests")
async def test_the_offline_coach_streams_the_draft_over_http() -> None:
    fake = FakeOpenAI()
    forge = PlanForge(model=fake_openai_model(fake), settings=Settings())
    events = [e async for e in forge.stream_draft(DraftRequest(weeks=4, level="intermediate", org_id="org_a"))]

    assert [e.type for e in events][-2:] == ["result", "done"]
    assert fake.requests[0].request.stream
    assert fake.requests[0].request.tool_names == ["submit_draft"]


async def test_bad_requests_get_an_openai_style_400() -> None:
    fake = FakeOpenAI()  # the offline coach answers only planforge's agents
    async with fake_openai_client(fake, max_retries=0) as client:
        with pytest.raises(Exception, match="only answers planforge's agents") as caught:
            await create(client, tools=[TOOL])
    async with httpx2.AsyncClient(transport=StreamingASGITransport(fake.app), base_url="http://fake") as http:
        raw = await http.post("/v1/chat/completions", content=b"{not json")

    assert getattr(caught.value, "status_code", None) == 400
    assert raw.status_code == 400
    assert raw.json()["error"]["type"] == "invalid_request_error"


async def test_served_on_127_0_0_1_it_answers_plain_and_streamed_requests() -> None:
    fake = FakeOpenAI(echo_tool)
    with serve_fake_openai(fake) as base_url:
        assert base_url.startswith("http://127.0.0.1:")
        async with AsyncOpenAI(base_url=base_url, api_key="fake", max_retries=0) as client:
            plain = await create(client, tools=[TOOL])
            stream = await create(client, tools=[TOOL], stream=True)
            pieces = [
                call.function.arguments or ""
                async for chunk in stream
                if chunk.choices
                for call in chunk.choices[0].delta.tool_calls or []
            ]

    assert json.loads(plain.choices[0].message.tool_calls[0].function.arguments) == ARGUMENTS
    assert json.loads("".join(pieces)) == ARGUMENTS
    assert fake.calls == 2
