"""Local servers as users run them (issue 14): planforge against the fake server behaving like llama.cpp, through
the real openai client over a real socket on 127.0.0.1, configured the way a user does (`Settings(base_url=…)`).

Each test names the defect it guards: it failed before the fix.
"""

from __future__ import annotations

import asyncio
import itertools
import time
import warnings
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from openai import AsyncOpenAI
from pydantic_ai import models
from typer.testing import CliRunner

from planforge import PlanForge, Settings
from planforge.cli import app
from planforge.cli.output import warnings_as_notes
from planforge.domain.draft import DraftResult
from planforge.domain.events import ErrorEvent, ProgressEvent, ResultEvent
from planforge.domain.requests import DraftRequest, PlanRequest
from planforge.drafttext.render import render_draft
from planforge.exceptions import GenerationError, ModelProviderError
from planforge.testing import FakeOpenAI, Latency, scripted_draft, serve_fake_openai
from planforge.testing.fake_openai import (
    LLAMA_CPP,
    HTTPErrorFault,
    LengthLimit,
    SchemaViolation,
    ServerBehaviour,
    server_error,
)

pytestmark = pytest.mark.anyio

WEEKS = 3


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[FakeOpenAI, str]]:
    fake = FakeOpenAI(behaviour=LLAMA_CPP)
    with serve_fake_openai(fake) as base_url:
        yield fake, base_url


@pytest.fixture
def llama(served: tuple[FakeOpenAI, str]) -> Iterator[FakeOpenAI]:
    """The served fake, behaving like llama-cpp-python with one slot, with no faults, latency or log."""
    fake, _ = served
    fake.script()
    fake.latency = Latency()
    fake.behaviour = LLAMA_CPP
    fake.requests.clear()
    fake.generations.finished = fake.generations.abandoned = 0
    models.ALLOW_MODEL_REQUESTS = True  # requests go to 127.0.0.1, never to the network
    yield fake
    models.ALLOW_MODEL_REQUESTS = False


@pytest.fixture
def base_url(served: tuple[FakeOpenAI, str]) -> str:
    return served[1]


def draft_request(weeks: int = WEEKS) -> DraftRequest:
    return DraftRequest(weeks=weeks, level="beginner", org_id="org_local")


def plan_request(weeks: int = WEEKS) -> PlanRequest:
    return PlanRequest(**draft_request(weeks).model_dump(), refined_draft=render_draft(scripted_draft(weeks)))


def settings_for(base_url: str, **overrides: Any) -> Settings:
    defaults: dict[str, Any] = {"model": "llama3.2:3b", "http_retries": 0, "request_timeout_seconds": 20}
    return Settings(base_url=base_url, **(defaults | overrides))


async def failure_of(forge: PlanForge, request: DraftRequest | PlanRequest) -> GenerationError:
    async with forge:
        generation = forge.generate_plan(request) if isinstance(request, PlanRequest) else forge.generate_draft(request)
        with pytest.raises(GenerationError) as caught:
            await generation
    return caught.value


async def test_the_output_token_cap_goes_out_as_max_tokens_too(llama: FakeOpenAI, base_url: str) -> None:
    """Defect: the cap went out only as `max_completion_tokens`, which llama.cpp ignores."""
    async with PlanForge(settings=settings_for(base_url, max_output_tokens=4_000)) as forge:
        await forge.generate_plan(plan_request())
    assert {(r.body.get("max_tokens"), r.body.get("max_completion_tokens")) for r in llama.requests} == {(4_000, 4_000)}


async def test_a_server_reading_only_max_tokens_cuts_the_answer_there(llama: FakeOpenAI, base_url: str) -> None:
    """The fake honours the cap as llama.cpp does: `max_tokens` cuts the answer, `max_completion_tokens` does not."""
    forge = PlanForge(settings=settings_for(base_url, max_output_tokens=256, output_retries=0, chunk_weeks=WEEKS))
    error = await failure_of(forge, plan_request())
    assert {r.body.get("max_tokens") for r in llama.requests} == {256}
    async with AsyncOpenAI(base_url=base_url, api_key="x", max_retries=0) as client:
        body = llama.requests[0].body
        ignored = await client.chat.completions.create(
            model="m", messages=body["messages"], max_completion_tokens=16, response_format=body.get("response_format")
        )
        honoured = await client.chat.completions.create(model="m", messages=body["messages"], max_tokens=16)
    assert ignored.choices[0].finish_reason == "stop"
    assert honoured.choices[0].finish_reason == "length"
    assert "weeks 1-3" in error.message


async def test_a_model_name_with_a_colon_reaches_the_server_whole(llama: FakeOpenAI, base_url: str) -> None:
    """Defect: `llama3.2:3b` went out as `3b`."""
    async with PlanForge(settings=settings_for(base_url)) as forge:
        await forge.generate_draft(draft_request())
    assert {r.body["model"] for r in llama.requests} == {"llama3.2:3b"}


async def test_a_server_without_forced_tool_calls_drafts_and_plans_in_the_default_mode(
    llama: FakeOpenAI, base_url: str
) -> None:
    """Defect: every agent forced a tool call, and such a server answered HTTP 500 to every request."""
    async with PlanForge(settings=settings_for(base_url)) as forge:
        draft = await forge.generate_draft(draft_request())
        plan = await forge.generate_plan(plan_request())
    assert all(f"Week {n}" in draft.draft for n in range(1, WEEKS + 1))
    assert sorted(int(week) for week in plan.weekly_info) == list(range(1, WEEKS + 1))
    assert all(r.body.get("tool_choice") is None and "response_format" not in r.body for r in llama.requests)


@pytest.mark.parametrize(
    ("mode", "server_says"),
    [("tool", "tool_choice 'required' is not supported"), ("native", "but got: json_schema")],
)
async def test_a_mode_the_server_lacks_fails_with_the_servers_own_words(
    llama: FakeOpenAI, base_url: str, mode: str, server_says: str
) -> None:
    """Defect: "HTTP 500 after retries" without the body."""
    error = await failure_of(PlanForge(settings=settings_for(base_url, output_mode=mode)), draft_request())
    assert isinstance(error, ModelProviderError)
    assert error.status_code == 500
    assert "HTTP 500" in error.message
    assert server_says in error.message
    assert "set PLANFORGE_OUTPUT_MODE=prompted" in error.message


async def test_native_output_works_on_a_server_with_json_schema_output(llama: FakeOpenAI, base_url: str) -> None:
    llama.behaviour = replace(LLAMA_CPP, json_schema_output=True)
    async with PlanForge(settings=settings_for(base_url, output_modes={"llama3.2:3b": "native"})) as forge:
        plan = await forge.generate_plan(plan_request())
    assert len(plan.weekly_info) == WEEKS
    schemas = {r.body["response_format"]["json_schema"]["name"] for r in llama.requests}
    assert schemas == {"submit_workouts"}


async def test_a_rejected_answer_names_the_field_and_the_problem(llama: FakeOpenAI, base_url: str) -> None:
    """Defect: only "Exceeded maximum output retries (2)"."""
    llama.script(then=SchemaViolation())
    error = await failure_of(PlanForge(settings=settings_for(base_url, output_retries=1)), plan_request(1))
    assert "Exceeded maximum output retries (1)" in error.message
    assert "weeks: Field required" in error.message
    assert "workouts: Field required" in error.message


@pytest.mark.parametrize("step", ["draft", "plan"])
async def test_an_empty_stream_after_a_context_overflow_is_named_as_such(
    llama: FakeOpenAI, base_url: str, step: str
) -> None:
    """Defect: "the model could not write a valid draft: Streamed response ended without content"."""
    llama.behaviour = replace(LLAMA_CPP, context_tokens=500)
    request = draft_request() if step == "draft" else plan_request()
    error = await failure_of(PlanForge(settings=settings_for(base_url)), request)
    assert "a context overflow" in error.message
    assert "context window" in error.message
    assert "num_ctx" in error.message
    assert "Streamed response ended without content" not in error.message


async def test_a_context_overflow_refused_with_a_400_is_named_as_such(llama: FakeOpenAI, base_url: str) -> None:
    """A plain (non-streamed) request overflowing the context gets llama.cpp's HTTP 400: its words, then what to do."""
    llama.behaviour = replace(LLAMA_CPP, context_tokens=500)
    error = await failure_of(PlanForge(settings=settings_for(base_url, stream_requests=False)), plan_request())
    assert isinstance(error, ModelProviderError)
    assert error.status_code == 400
    assert "HTTP 400: the request exceeds the available context size" in error.message
    assert "a context overflow" in error.message
    assert "num_ctx" in error.message
    assert len(llama.requests) == 1  # a 400 is not retried


@pytest.mark.parametrize("mode", ["prompted", "tool"])
async def test_an_answer_cut_at_the_token_cap_is_named_as_such(llama: FakeOpenAI, base_url: str, mode: str) -> None:
    """Defect: "Invalid JSON: EOF while parsing" for a prompted answer cut at `max_tokens`."""
    llama.behaviour = ServerBehaviour(stream_usage=False)  # forced tool calls too, for the tool mode
    llama.script(then=LengthLimit())
    settings = settings_for(base_url, output_mode=mode, output_retries=1)
    error = await failure_of(PlanForge(settings=settings), plan_request(1))
    assert "cut at the output token cap" in error.message
    assert "PLANFORGE_MAX_OUTPUT_TOKENS" in error.message
    assert "week 1" in error.message


async def test_an_http_500_keeps_the_message_of_its_body(llama: FakeOpenAI, base_url: str) -> None:
    llama.script(then=server_error())
    error = await failure_of(PlanForge(settings=settings_for(base_url)), draft_request())
    assert "HTTP 500: The server had an error while processing your request." in error.message


@pytest.mark.parametrize(
    ("fault", "requests"),
    [
        pytest.param(server_error(), 2, id="500-once-more"),
        pytest.param(HTTPErrorFault(400, "invalid_request_error", "'messages' must not be empty"), 1, id="400-never"),
        pytest.param(HTTPErrorFault(404, "not_found_error", "model 'x' not found"), 1, id="404-never"),
    ],
)
async def test_a_deterministic_refusal_is_not_retried_three_times(
    llama: FakeOpenAI, base_url: str, fault: HTTPErrorFault, requests: int
) -> None:
    """A server that refuses a request refuses it again: no three retries (nor the openai client's own two)."""
    llama.script(then=fault)
    settings = settings_for(base_url, http_retries=3, retry_initial_wait_seconds=0.01)
    error = await failure_of(PlanForge(settings=settings), draft_request())
    assert isinstance(error, ModelProviderError)
    assert error.status_code == fault.status
    assert fault.message in error.message
    assert len(llama.requests) == requests


async def test_a_connection_error_names_the_url_and_the_cause() -> None:
    """Defect: "Connection error." naming neither URL nor cause."""
    models.ALLOW_MODEL_REQUESTS = True
    try:
        closed_port = "http://127.0.0.1:9/v1"  # the discard port: nothing listens there
        error = await failure_of(PlanForge(settings=settings_for(closed_port)), draft_request())
    finally:
        models.ALLOW_MODEL_REQUESTS = False
    assert isinstance(error, ModelProviderError)
    assert "http://127.0.0.1:9/v1/chat/completions" in error.message
    assert "connect" in error.message.lower()


async def test_usage_is_estimated_and_said_so_when_the_stream_has_none(llama: FakeOpenAI, base_url: str) -> None:
    """Defect: 0 tokens (and a raw UsageLimitUnavailableWarning) when the server sends no usage in streams."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        async with PlanForge(settings=settings_for(base_url)) as forge:
            plan = await forge.generate_plan(plan_request())
    assert all(r.body["stream"] for r in llama.requests)  # the local profile streams
    served_prompt = sum(r.request.prompt_tokens for r in llama.requests)
    assert plan.usage.requests == len(llama.requests)
    assert plan.usage.estimated_requests == len(llama.requests)
    assert 0.5 * served_prompt < plan.usage.input_tokens < 1.5 * served_prompt
    assert plan.usage.output_tokens > 0
    assert [w.code for w in plan.warnings if w.code == "usage_estimated"] == ["usage_estimated"]
    assert not [w for w in caught if "usage" in str(w.message).lower()]


async def test_a_failing_generation_is_stopped_by_its_token_budget(llama: FakeOpenAI, base_url: str) -> None:
    """Defect: a streamed draft counted 0 tokens on such a server, so its token budget never held."""
    llama.script(then=SchemaViolation())
    settings = settings_for(base_url, output_retries=8, max_tokens_per_generation=6_000)
    async with PlanForge(settings=settings) as forge:
        events = [event async for event in forge.stream_draft(draft_request())]
    error = events[-2]
    assert isinstance(error, ErrorEvent)
    assert "usage limit" in error.error
    assert len(llama.requests) < 9


async def test_a_streamed_draft_counts_its_tokens_without_usage_from_the_server(
    llama: FakeOpenAI, base_url: str
) -> None:
    """Defect: "drafts report 0 tokens when the server sends no usage in streams"."""
    async with PlanForge(settings=settings_for(base_url)) as forge:
        events = [event async for event in forge.stream_draft(draft_request())]
    result = events[-2]
    assert isinstance(result, ResultEvent)
    assert isinstance(result.data, DraftResult)
    served_prompt = sum(r.request.prompt_tokens for r in llama.requests)
    assert 0.5 * served_prompt < result.data.usage.input_tokens < 1.5 * served_prompt
    assert result.data.usage.output_tokens > 0
    assert result.data.usage.estimated_requests == result.data.usage.requests == len(llama.requests)


async def test_queued_chunks_do_not_spend_the_per_call_deadline(llama: FakeOpenAI, base_url: str) -> None:
    """Defect: sixteen chunks at once against a one-slot server, the waiting ones eating the deadline."""
    llama.latency = Latency(time_to_first_token=0.8)
    settings = settings_for(base_url, chunk_weeks=1, call_timeout_seconds=3.0)
    started = time.monotonic()
    async with PlanForge(settings=settings) as forge:
        plan = await forge.generate_plan(plan_request(4))
    assert len(plan.weekly_info) == 4
    assert time.monotonic() - started > 3.0  # longer in all than one call may take: queueing did not count
    arrivals = sorted(r.received_at for r in llama.requests)
    assert all(later - earlier >= 0.75 for earlier, later in itertools.pairwise(arrivals))


async def test_a_cancelled_generation_stops_the_server_generating(llama: FakeOpenAI, base_url: str) -> None:
    """Defect: a cancelled plain request kept the one-slot server busy until its answer was written."""
    llama.latency = Latency(time_to_first_token=0.05, tokens_per_second=40)  # a chunk takes seconds
    async with PlanForge(settings=settings_for(base_url)) as forge:
        events = forge.stream_plan(plan_request(1))
        async with events:
            await events.next_event()  # the generation starts with the first event asked for
            await _until(lambda: llama.requests != [])
            await asyncio.sleep(0.3)
        await _until(lambda: llama.generations.abandoned == 1)
    assert llama.generations.finished == 0
    async with AsyncOpenAI(base_url=base_url, api_key="x", max_retries=0) as client:
        llama.latency = Latency()
        started = time.monotonic()
        await client.chat.completions.create(model="m", messages=llama.requests[0].body["messages"], max_tokens=50)
    assert time.monotonic() - started < 1.0  # the slot was free at once


async def _until(condition: Any, within: float = 5.0) -> None:
    deadline = time.monotonic() + within
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail("the condition did not come true in time")
        await asyncio.sleep(0.02)


def test_the_default_behaviour_is_openais() -> None:
    behaviour = ServerBehaviour()
    assert behaviour.forced_tool_choice
    assert behaviour.json_schema_output
    assert behaviour.stream_usage
    assert behaviour.parallel is None
    assert behaviour.context_tokens is None


def test_the_cli_prints_no_raw_python_warning(
    llama: FakeOpenAI, base_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Defect: the CLI printed a raw UsageLimitUnavailableWarning with a file path."""
    for name, value in {"BASE_URL": base_url, "MODEL": "llama3.2:3b", "DATA_DIR": str(tmp_path)}.items():
        monkeypatch.setenv(f"PLANFORGE_{name}", value)
    result = CliRunner().invoke(app, ["draft", "--weeks", "2", "--level", "beginner", "--org", "club"])
    assert result.exit_code == 0, result.output
    assert "Week 2" in result.stdout
    assert "Warning" not in result.stderr
    assert ".py:" not in result.stderr


def test_a_warning_inside_a_cli_command_becomes_one_short_note(capsys: pytest.CaptureFixture[str]) -> None:
    with warnings_as_notes():
        warnings.warn("the server\n  sent no usage", UserWarning, stacklevel=1)
        warnings.warn("the server\n  sent no usage", UserWarning, stacklevel=1)
    err = capsys.readouterr().err
    assert err.count("note: the server sent no usage") == 1
    assert "UserWarning" not in err
    assert ".py" not in err


async def test_a_draft_in_prompted_mode_reports_progress_week_by_week(llama: FakeOpenAI, base_url: str) -> None:
    """Defect: progress counted weeks only in a tool call's arguments, so a prompted (text) draft jumped 5 → 100."""
    weeks = 4
    async with PlanForge(settings=settings_for(base_url)) as forge:
        percents = [
            event.progress
            async for event in forge.stream_draft(draft_request(weeks))
            if isinstance(event, ProgressEvent)
        ]
    assert [p for p in percents if 5 < p < 95], percents
