"""Each injected fault looks, to the real openai client, like what a real provider sends."""

from __future__ import annotations

import json
from typing import Any

import httpx2
import openai
import pytest
from openai import AsyncOpenAI
from typer.testing import CliRunner

from planforge.cli.app import app
from planforge.testing import FakeOpenAI, serve_fake_openai
from planforge.testing.fake_openai import (
    ChatRequest,
    DropConnection,
    Fault,
    HTTPErrorFault,
    LengthLimit,
    Reply,
    SchemaViolation,
    TruncatedArguments,
    fake_openai_client,
    overloaded,
    rate_limited,
    server_error,
    unavailable,
)

pytestmark = pytest.mark.anyio

TOOL = {"type": "function", "function": {"name": "submit", "parameters": {"type": "object"}}}
ARGUMENTS = json.dumps({"workouts": [{"week": n, "name": "Easy run", "minutes": 40} for n in range(1, 13)]})


def answer(request: ChatRequest) -> Reply:
    return Reply.tool("submit", ARGUMENTS)


async def create(client: AsyncOpenAI, **extra: Any) -> Any:
    return await client.chat.completions.create(
        model="fake-coach", messages=[{"role": "user", "content": "Plan, please."}], tools=[TOOL], **extra
    )


@pytest.mark.parametrize(
    ("fault", "status", "error_class", "error_type"),
    [
        (rate_limited(retry_after=2.5), 429, openai.RateLimitError, "requests"),
        (server_error(), 500, openai.InternalServerError, "server_error"),
        (unavailable(), 503, openai.InternalServerError, "server_error"),
        (overloaded(), 529, openai.InternalServerError, "overloaded_error"),
    ],
)
async def test_http_faults_answer_with_the_status_and_an_openai_error_body(
    fault: HTTPErrorFault, status: int, error_class: type[openai.APIStatusError], error_type: str
) -> None:
    fake = FakeOpenAI(answer, faults=[fault])
    async with fake_openai_client(fake, max_retries=0) as client:
        with pytest.raises(error_class) as caught:
            await create(client)

    assert caught.value.status_code == status
    assert caught.value.body == {"message": fault.message, "type": error_type, "param": None, "code": fault.code}
    assert fake.calls == 1


async def test_a_rate_limit_says_when_to_retry_in_seconds_and_milliseconds() -> None:
    fake = FakeOpenAI(answer, faults=[rate_limited(retry_after=2.5)])
    async with fake_openai_client(fake, max_retries=0) as client:
        with pytest.raises(openai.RateLimitError) as caught:
            await create(client)

    assert caught.value.response.headers["retry-after"] == "3"
    assert caught.value.response.headers["retry-after-ms"] == "2500"


async def test_a_connection_dropped_mid_stream_breaks_the_stream_after_some_chunks() -> None:
    fake = FakeOpenAI(answer, faults=[DropConnection(after_fraction=0.5)])
    received: list[str] = []

    async def read(stream: Any) -> None:
        async for chunk in stream:
            received.extend(call.function.arguments or "" for call in chunk.choices[0].delta.tool_calls or [])

    async with fake_openai_client(fake, max_retries=0) as client:
        stream = await create(client, stream=True)
        with pytest.raises(openai.APIConnectionError) as caught:
            await read(stream)

    assert isinstance(caught.value.__cause__, httpx2.RemoteProtocolError)
    assert "peer closed connection" in str(caught.value.__cause__)

    assert 0 < len("".join(received)) < len(ARGUMENTS)
    assert ARGUMENTS.startswith("".join(received))


async def test_a_connection_dropped_mid_answer_is_a_connection_error_for_a_plain_request() -> None:
    fake = FakeOpenAI(answer, faults=[DropConnection()])
    async with fake_openai_client(fake, max_retries=0) as client:
        with pytest.raises(openai.APIConnectionError):
            await create(client)


async def test_a_dropped_connection_over_a_real_socket_is_the_same_protocol_error() -> None:
    fake = FakeOpenAI(answer, faults=[DropConnection()])
    with serve_fake_openai(fake) as base_url:
        async with AsyncOpenAI(base_url=base_url, api_key="fake", max_retries=0) as client:
            stream = await create(client, stream=True)
            with pytest.raises(openai.APIConnectionError) as caught:
                _ = [chunk async for chunk in stream]

    assert isinstance(caught.value.__cause__, httpx2.RemoteProtocolError)


@pytest.mark.parametrize("stream", [False, True])
@pytest.mark.parametrize(
    ("fault", "finish_reason", "valid_json"),
    [
        (TruncatedArguments(), "tool_calls", False),
        (SchemaViolation(), "tool_calls", True),
        (LengthLimit(), "length", False),
    ],
)
async def test_spoiled_answers_arrive_complete_with_their_flaw(
    fault: Fault, finish_reason: str, valid_json: bool, stream: bool
) -> None:
    fake = FakeOpenAI(answer, faults=[fault])
    async with fake_openai_client(fake, max_retries=0) as client:
        if stream:
            chunks = [chunk async for chunk in await create(client, stream=True)]
            deltas = [call for c in chunks if c.choices for call in c.choices[0].delta.tool_calls or []]
            arguments = "".join(delta.function.arguments or "" for delta in deltas)
            finish = [c.choices[0].finish_reason for c in chunks if c.choices and c.choices[0].finish_reason]
        else:
            choice = (await create(client)).choices[0]
            arguments = choice.message.tool_calls[0].function.arguments
            finish = [choice.finish_reason]

    assert finish == [finish_reason]
    assert arguments != ARGUMENTS
    if valid_json:
        assert json.loads(arguments) == {"answer": "I will not follow the schema."}
    else:
        assert ARGUMENTS.startswith(arguments)
        with pytest.raises(json.JSONDecodeError):
            json.loads(arguments)


def test_the_cli_rejects_an_unknown_fault_by_name() -> None:
    result = CliRunner().invoke(app, ["fake-openai", "--fault", "gremlins"])

    assert result.exit_code == 2
    assert "unknown fault 'gremlins'" in result.output
    assert "rate-limit" in result.output
