"""The fake server imitating a family: its model list, its own metadata endpoints, names it does not serve, and
what its model answers `planforge doctor`'s probes when a feature is enforced or only accepted."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import httpx2
import openai
import pytest

from planforge.llm.doctor.probes import PLAIN_PROMPT, PROBE_INSTRUCTIONS, PROBE_TOOL
from planforge.testing.fake_openai import (
    LLAMA_CPP,
    LLAMA_SERVER,
    LM_STUDIO,
    OLLAMA,
    VLLM,
    FakeOpenAI,
    ServerBehaviour,
    StreamingASGITransport,
    fake_openai_client,
)

pytestmark = pytest.mark.anyio


async def get(fake: FakeOpenAI, path: str, **kwargs: Any) -> httpx2.Response:
    async with httpx2.AsyncClient(transport=StreamingASGITransport(fake.app), base_url="http://fake") as client:
        return await client.request("POST" if "json" in kwargs else "GET", path, **kwargs)


@pytest.mark.parametrize(
    ("behaviour", "owned_by"),
    [(ServerBehaviour(), "system"), (OLLAMA, "library"), (LLAMA_SERVER, "llamacpp"), (LLAMA_CPP, "me"),
     (VLLM, "vllm"), (LM_STUDIO, "organization_owner")],
)  # fmt: skip
async def test_the_model_list_is_written_as_the_family_writes_it(behaviour: ServerBehaviour, owned_by: str) -> None:
    listing = (await get(FakeOpenAI(behaviour=behaviour), "/v1/models")).json()["data"]
    assert [entry["id"] for entry in listing] == list(behaviour.models)
    assert {entry["owned_by"] for entry in listing} == {owned_by}


async def test_each_family_reports_its_context_where_that_server_does() -> None:
    assert (await get(FakeOpenAI(behaviour=LLAMA_SERVER), "/props")).json()["default_generation_settings"] == {
        "n_ctx": 8_192
    }
    assert (await get(FakeOpenAI(behaviour=VLLM), "/v1/models")).json()["data"][-1]["max_model_len"] == 8_192
    for path in ("/props", "/api/ps", "/api/version"):
        assert (await get(FakeOpenAI(behaviour=VLLM), path)).status_code == 404


async def test_ollama_and_lm_studio_report_the_context_of_a_loaded_model_only() -> None:
    for behaviour, path, name in [(OLLAMA, "/api/ps", "llama3.2:3b"), (LM_STUDIO, "/api/v0/models/", "")]:
        fake = FakeOpenAI(behaviour=behaviour)
        model = name or behaviour.models[-1]
        async with fake_openai_client(fake) as client:
            await client.chat.completions.create(
                model=model,
                messages=[{"role": "system", "content": PROBE_INSTRUCTIONS}, {"role": "user", "content": "hi"}],
            )
        answer = (await get(fake, path + ("" if name else model))).json()
        loaded = answer["models"][0]["context_length"] if name else answer["loaded_context_length"]
        assert loaded == 8_192
    assert (await get(FakeOpenAI(behaviour=OLLAMA), "/api/ps")).json() == {"models": []}


async def test_a_model_the_family_does_not_serve_is_a_404_in_its_words_but_llama_cpp_serves_any_name() -> None:
    message = [{"role": "user", "content": "Plan, please."}]
    async with fake_openai_client(FakeOpenAI(behaviour=OLLAMA), max_retries=0) as client:
        with pytest.raises(openai.NotFoundError, match=re.escape('model "llama3.2" not found, try pulling it first')):
            await client.chat.completions.create(model="llama3.2", messages=message)  # type: ignore[arg-type]
    async with fake_openai_client(FakeOpenAI(behaviour=VLLM), max_retries=0) as client:
        with pytest.raises(openai.NotFoundError, match=re.escape("The model `gpt-4o` does not exist.")):
            await client.chat.completions.create(model="gpt-4o", messages=message)  # type: ignore[arg-type]
    probe = [{"role": "system", "content": PROBE_INSTRUCTIONS}, *message]
    async with fake_openai_client(FakeOpenAI(behaviour=LLAMA_SERVER), max_retries=0) as client:
        answer = await client.chat.completions.create(model="any-name", messages=probe)  # type: ignore[arg-type]
    assert answer.choices[0].message.content == "hello"


@pytest.mark.parametrize(("enforced", "tool_calls"), [(True, 1), (False, 0)])
async def test_a_forced_tool_choice_yields_a_call_only_when_the_server_enforces_it(
    enforced: bool, tool_calls: int
) -> None:
    fake = FakeOpenAI(behaviour=replace(ServerBehaviour(), tool_choice_enforced=enforced))
    messages = [{"role": "system", "content": PROBE_INSTRUCTIONS}, {"role": "user", "content": PLAIN_PROMPT}]
    async with fake_openai_client(fake) as client:
        answer = await client.chat.completions.create(
            model="fake-coach",
            messages=messages,  # type: ignore[arg-type]
            tools=[PROBE_TOOL],  # type: ignore[list-item]
            tool_choice="required",
        )
    message = answer.choices[0].message
    assert len(message.tool_calls or []) == tool_calls
    assert (message.content == "hello") is not enforced
