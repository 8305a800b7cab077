"""`planforge.llm.doctor` against the fake server imitating each server family, over real HTTP on 127.0.0.1.

Every probe is checked both ways: the family table says what each server does, and flipping one behaviour of
the fake flips exactly that probe's verdict, so a probe that always said "supported" would fail here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

import pytest

from planforge import Settings
from planforge.llm.doctor import Diagnosis, Feature, Verdict, diagnose
from planforge.llm.doctor.probes import CAP_PROBE_TOKENS, PROBE_NAME
from planforge.testing.fake_openai import (
    LLAMA_CPP,
    LLAMA_SERVER,
    LM_STUDIO,
    OLLAMA,
    VLLM,
    FakeOpenAI,
    Latency,
    ServerBehaviour,
    serve_fake_openai,
)

pytestmark = pytest.mark.anyio

OPENAI = ServerBehaviour()
CLOSED_PORT = "http://127.0.0.1:9/v1"
"""The discard port: nothing listens there."""


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[FakeOpenAI, str]]:
    fake = FakeOpenAI()
    with serve_fake_openai(fake) as base_url:
        yield fake, base_url


@pytest.fixture
def server(served: tuple[FakeOpenAI, str]) -> FakeOpenAI:
    """The served fake with an empty log, no faults, no latency and nothing loaded; tests set its behaviour."""
    fake, _ = served
    fake.reset()
    return fake


@pytest.fixture
def base_url(served: tuple[FakeOpenAI, str]) -> str:
    return served[1]


async def run(model: str | None, base_url: str | None, **settings: Any) -> Diagnosis:
    return await diagnose(model, Settings(base_url=base_url, **settings), probe_seconds=5)


def verdicts(found: Diagnosis) -> dict[Feature, Verdict]:
    return {probe.feature: probe.verdict for probe in found.probes}


@dataclass(frozen=True)
class Family:
    behaviour: ServerBehaviour
    model: str
    family: str
    tool: Verdict
    schema: Verdict
    stream_usage: Verdict
    max_completion_tokens: Verdict
    context: int | None
    working: tuple[str, ...]


FAMILIES = {
    "openai": Family(OPENAI, "fake-coach", "openai", "supported", "supported", "supported", "supported", None,
                     ("tool", "native", "prompted")),
    "ollama": Family(OLLAMA, "llama3.2:3b", "ollama", "ignored", "supported", "supported", "ignored", 8_192,
                     ("native", "prompted")),
    "llama-server": Family(LLAMA_SERVER, "Llama-3.2-3B-Instruct-Q4_K_M.gguf", "llama.cpp", "supported", "supported",
                           "supported", "ignored", 8_192, ("tool", "native", "prompted")),
    "llama-cpp-python": Family(LLAMA_CPP, "models/Llama-3.2-3B-Instruct-Q4_K_M.gguf", "llama-cpp-python", "refused",
                               "refused", "ignored", "ignored", None, ("prompted",)),
    "vllm": Family(VLLM, "Qwen/Qwen2.5-3B-Instruct", "vllm", "supported", "supported", "supported", "supported",
                   8_192, ("tool", "native", "prompted")),
    "lm-studio": Family(LM_STUDIO, "llama-3.2-3b-instruct", "lm-studio", "supported", "supported", "supported",
                        "supported", 8_192, ("tool", "native", "prompted")),
}  # fmt: skip


@pytest.mark.parametrize("expected", FAMILIES.values(), ids=FAMILIES.keys())
async def test_each_server_family_is_recognised_and_probed(server: FakeOpenAI, base_url: str, expected: Family) -> None:
    server.behaviour = expected.behaviour
    found = await run(expected.model, base_url)
    assert found.server is not None
    assert (found.server.family, found.model_listed) == (expected.family, True)
    assert verdicts(found) == {
        "forced_tool_call": expected.tool,
        "json_schema_output": expected.schema,
        "stream_usage": expected.stream_usage,
        "max_tokens": "supported",
        "max_completion_tokens": expected.max_completion_tokens,
    }
    assert found.context is not None
    assert found.context.tokens == expected.context
    assert found.working_modes == expected.working
    # The local default, prompted, runs on every family; the settings to use are the ones given.
    assert (found.usable, found.output_mode, found.profile) == (True, "prompted", "local")
    assert found.environment == {"PLANFORGE_BASE_URL": base_url, "PLANFORGE_MODEL": expected.model}
    assert {r.body["model"] for r in server.requests} == {expected.model}


@pytest.mark.parametrize(
    ("change", "feature", "verdict"),
    [
        ({"forced_tool_choice": False}, "forced_tool_call", "refused"),
        ({"tool_choice_enforced": False}, "forced_tool_call", "ignored"),
        ({"json_schema_output": False}, "json_schema_output", "refused"),
        ({"json_schema_enforced": False}, "json_schema_output", "ignored"),
        ({"stream_usage": False}, "stream_usage", "ignored"),
        ({"token_cap_fields": frozenset({"max_completion_tokens"})}, "max_tokens", "ignored"),
        ({"token_cap_fields": frozenset({"max_tokens"})}, "max_completion_tokens", "ignored"),
    ],
)
async def test_one_missing_feature_turns_exactly_its_probe(
    server: FakeOpenAI, base_url: str, change: dict[str, Any], feature: Feature, verdict: Verdict
) -> None:
    server.behaviour = replace(OPENAI, **change)
    found = await run("fake-coach", base_url)
    expected: dict[Feature, Verdict] = dict.fromkeys(verdicts(found), "supported")
    assert verdicts(found) == expected | {feature: verdict}


async def test_the_probes_ask_for_the_opposite_of_what_each_feature_forces(server: FakeOpenAI, base_url: str) -> None:
    await run("fake-coach", base_url)
    tool, schema, usage, max_tokens, max_completion_tokens = (r.body for r in server.requests)
    assert (tool["tool_choice"], tool["tools"][0]["function"]["name"]) == ("required", PROBE_NAME)
    assert "Do not call any tool" in tool["messages"][-1]["content"]
    assert schema["response_format"]["json_schema"]["name"] == PROBE_NAME
    assert "do not write JSON" in schema["messages"][-1]["content"]
    assert (usage["stream"], usage["stream_options"]) == (True, {"include_usage": True})
    assert (max_tokens.get("max_tokens"), max_tokens.get("max_completion_tokens")) == (CAP_PROBE_TOKENS, None)
    caps = (max_completion_tokens.get("max_tokens"), max_completion_tokens.get("max_completion_tokens"))
    assert caps == (None, CAP_PROBE_TOKENS)


async def test_a_mode_the_server_lacks_is_a_problem_with_the_setting_that_works(
    server: FakeOpenAI, base_url: str
) -> None:
    server.behaviour = LLAMA_CPP
    found = await run("local", base_url, output_mode="tool")
    assert not found.usable
    assert found.output_mode == "tool"
    assert "tool output (PLANFORGE_OUTPUT_MODE) needs forced tool call, which the server refused" in found.problems[0]
    assert "tool_choice 'required' is not supported" in found.problems[0]
    assert found.environment["PLANFORGE_OUTPUT_MODES"] == '{"local": "prompted"}'


async def test_ollama_ignoring_tool_choice_makes_tool_mode_unusable_and_native_the_fix(
    server: FakeOpenAI, base_url: str
) -> None:
    server.behaviour = OLLAMA
    found = await run("llama3.2:3b", base_url, output_modes={"llama3.2:3b": "tool"})
    assert not found.usable
    assert "which the server ignored" in found.problems[0]
    assert found.environment["PLANFORGE_OUTPUT_MODES"] == '{"llama3.2:3b": "native"}'


async def test_a_model_the_server_does_not_serve_is_named_with_close_names_and_not_probed(
    server: FakeOpenAI, base_url: str
) -> None:
    server.behaviour = OLLAMA
    found = await run("llama3.2", base_url)
    assert (found.usable, found.model_listed, found.probes) == (False, False, ())
    assert found.close_names[:2] == ("llama3.2:3b", "llama3.2:1b")
    assert "ollama pull llama3.2" in found.problems[0]
    assert server.requests == []


async def test_ollama_takes_a_name_without_tag_as_latest(server: FakeOpenAI, base_url: str) -> None:
    server.behaviour = replace(OLLAMA, models=("llama3.2:latest",))
    found = await run("llama3.2", base_url)
    assert found.model_listed is True


async def test_llama_cpp_is_probed_under_any_name_as_it_serves_its_one_model(server: FakeOpenAI, base_url: str) -> None:
    server.behaviour = LLAMA_SERVER
    found = await run("whatever-name", base_url)
    assert (found.usable, found.model_listed) == (True, False)
    assert "whatever the name" in found.notes[0]


async def test_an_unreachable_server_names_the_url_and_what_to_check() -> None:
    found = await run("llama3.2:3b", CLOSED_PORT)
    assert not found.usable
    assert found.server is not None
    assert not found.server.reachable
    assert "cannot reach http://127.0.0.1:9/v1/models" in found.problems[0]
    assert "listening on 127.0.0.1:9" in found.problems[0]


async def test_a_base_url_without_v1_says_where_the_api_is(server: FakeOpenAI, base_url: str) -> None:
    root = base_url.removesuffix("/v1")
    found = await run("fake-coach", root)
    assert not found.usable
    assert f"the OpenAI-compatible API is at {root}/v1" in found.problems[0]


async def test_a_probe_without_an_answer_in_time_fails_and_the_rest_go_on(server: FakeOpenAI, base_url: str) -> None:
    server.latency = Latency(time_to_first_token=2.0)
    found = await diagnose("fake-coach", Settings(base_url=base_url), probe_seconds=0.5)
    assert {probe.verdict for probe in found.probes} == {"failed"}
    assert all(probe.detail == "no answer within 0.5 s" for probe in found.probes)
    assert not found.usable
    assert "no chat completion succeeded" in found.problems[0]


async def test_without_a_model_the_server_says_what_it_serves(server: FakeOpenAI, base_url: str) -> None:
    server.behaviour = OLLAMA
    found = await run(None, base_url)
    assert not found.usable
    assert "PLANFORGE_MODEL is not" in found.problems[0]
    assert "llama3.2:3b" in found.problems[0]


async def test_the_offline_coach_needs_no_server() -> None:
    found = await run("offline", None)
    assert (found.target, found.usable, found.server) == ("offline", True, None)
    assert "needs no server" in found.notes[0]


@pytest.mark.parametrize(
    ("model", "key", "base"),
    [
        ("openai:gpt-4o-mini", "OPENAI_API_KEY", None),
        ("anthropic:claude-sonnet-4-6", "ANTHROPIC_API_KEY", CLOSED_PORT),  # never sent to a base URL
    ],
)
async def test_a_hosted_model_is_checked_for_its_key_and_never_probed(
    monkeypatch: pytest.MonkeyPatch, model: str, key: str, base: str | None
) -> None:
    missing = await run(model, base)
    assert (missing.target, missing.usable) == ("hosted", False)
    assert key in missing.problems[0]
    monkeypatch.setenv(key, "test-key")
    found = await run(model, base)
    assert (found.usable, found.output_mode, found.server) == (True, "tool", None)
    assert "does not probe" in found.notes[0]
