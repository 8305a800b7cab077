"""The fake server behaving like a server family: what llama.cpp lacks or ignores, OpenAI's prefix caching."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import openai
import pytest
from openai import AsyncOpenAI

from planforge.testing.fake_openai import LLAMA_CPP, ChatRequest, FakeOpenAI, Reply, fake_openai_client

pytestmark = pytest.mark.anyio

TOOL = {"type": "function", "function": {"name": "submit", "parameters": {"type": "object"}}}
LONG = "Easy run 40 min. " * 200
"""About 850 tokens of answer."""


def long_text(request: ChatRequest) -> Reply:
    return Reply(text=LONG)


async def create(client: AsyncOpenAI, content: str = "Plan, please.", **extra: Any) -> Any:
    return await client.chat.completions.create(model="m", messages=[{"role": "user", "content": content}], **extra)


async def test_llama_cpp_refuses_a_forced_tool_choice_and_json_schema_output_with_a_500_and_its_reason() -> None:
    fake = FakeOpenAI(long_text, behaviour=LLAMA_CPP)
    async with fake_openai_client(fake, max_retries=0) as client:
        with pytest.raises(openai.InternalServerError, match="tool_choice 'required' is not supported"):
            await create(client, tools=[TOOL], tool_choice="required")
        schema = {"type": "json_schema", "json_schema": {"name": "x", "schema": {"type": "object"}}}
        with pytest.raises(openai.InternalServerError, match="but got: json_schema"):
            await create(client, response_format=schema)
        assert (await create(client, tools=[TOOL], tool_choice="auto")).choices[0].finish_reason == "stop"


async def test_llama_cpp_honours_max_tokens_but_not_max_completion_tokens() -> None:
    async with fake_openai_client(FakeOpenAI(long_text, behaviour=LLAMA_CPP)) as client:
        ignored = await create(client, max_completion_tokens=50)
        honoured = await create(client, max_tokens=50)
    assert (ignored.choices[0].finish_reason, ignored.choices[0].message.content) == ("stop", LONG)
    assert honoured.choices[0].finish_reason == "length"
    assert honoured.usage.completion_tokens == 50


async def test_llama_cpp_sends_no_usage_in_a_stream_even_when_asked() -> None:
    async with fake_openai_client(FakeOpenAI(long_text, behaviour=LLAMA_CPP)) as client:
        stream = await create(client, stream=True, stream_options={"include_usage": True})
        chunks = [chunk async for chunk in stream]
    assert "".join(c.choices[0].delta.content or "" for c in chunks if c.choices) == LONG
    assert all(chunk.usage is None for chunk in chunks)


async def test_a_prompt_beyond_the_context_is_an_empty_stream_or_a_400() -> None:
    fake = FakeOpenAI(long_text, behaviour=replace(LLAMA_CPP, context_tokens=100))
    async with fake_openai_client(fake, max_retries=0) as client:
        stream = await create(client, "x" * 1_000, stream=True)
        assert [chunk async for chunk in stream] == []
        with pytest.raises(openai.BadRequestError, match="exceeds the available context size"):
            await create(client, "x" * 1_000)
        assert (await create(client, "short")).choices[0].message.content == LONG


async def test_openai_reports_the_prefix_shared_with_an_earlier_prompt_as_cached_tokens() -> None:
    shared = "The same long instructions. " * 300  # about 2,100 tokens
    async with fake_openai_client(FakeOpenAI(long_text)) as client:
        first = await create(client, shared + "Chunk 1")
        second = await create(client, shared + "Chunk 2")
    assert first.usage.prompt_tokens_details is None
    cached = second.usage.prompt_tokens_details.cached_tokens
    assert cached % 128 == 0
    assert 0.8 * second.usage.prompt_tokens < cached <= second.usage.prompt_tokens
