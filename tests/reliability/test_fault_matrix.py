"""The fault matrix (issue 7): every provider fault ends, within the deadline, in a recovered result or a clean
typed planforge error (an `error` event then `done` in streams), through the real openai client over a real
socket to the fake server, with planforge building the provider from `Settings(base_url=...)`.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Any

import pytest
from pydantic_ai import models
from pydantic_ai.models.openai import OpenAIChatModel

from planforge import PlanForge, Settings
from planforge.domain.draft import DraftResult
from planforge.domain.events import ErrorEvent, Event, ResultEvent
from planforge.domain.plan import Plan
from planforge.domain.requests import DraftRequest, PlanRequest
from planforge.drafttext.render import render_draft
from planforge.exceptions import ChunkConversionError, GenerationError, GenerationTimeoutError, ModelProviderError
from planforge.testing import FakeOpenAI, Latency, fake_openai_model, scripted_draft
from planforge.testing.fake_openai import (
    DropConnection,
    Fault,
    FaultSequence,
    LengthLimit,
    SchemaViolation,
    TruncatedArguments,
    overloaded,
    rate_limited,
    server_error,
    unavailable,
)

pytestmark = pytest.mark.anyio

WEEKS = 2
DEADLINE = 8.0
"""planforge's own deadline per generation in these tests."""
HANG_GUARD = DEADLINE + 5
"""The test fails (rather than hangs) if planforge overruns its own deadline."""

HTTP_FAULTS = {"429": rate_limited(retry_after=0.2), "500": server_error(), "503": unavailable(), "529": overloaded()}
HTTP_STATUS = {"429": 429, "500": 500, "503": 503, "529": 529}
ANSWER_FAULTS: dict[str, Fault] = {
    "truncated-json": TruncatedArguments(),
    "schema-violation": SchemaViolation(),
    "length": LengthLimit(),
}
ALL_FAULTS: dict[str, Fault] = {**HTTP_FAULTS, "drop": DropConnection(), **ANSWER_FAULTS}
RECOVERABLE_FAULTS: dict[str, Fault] = {**HTTP_FAULTS, "drop": DropConnection(), **ANSWER_FAULTS}
"""Faults that one retry gets past: HTTP retries for statuses, the call made again after a lost connection,
output retries for spoiled answers."""

Outcome = DraftResult | Plan
Operation = Callable[[PlanForge], Awaitable[Outcome]]


def draft_request() -> DraftRequest:
    return DraftRequest(weeks=WEEKS, level="beginner", org_id="org_fault")


def plan_request() -> PlanRequest:
    return PlanRequest(**draft_request().model_dump(), refined_draft=render_draft(scripted_draft(WEEKS)))


async def generate_draft(forge: PlanForge) -> Outcome:
    return await forge.generate_draft(draft_request())


async def generate_plan(forge: PlanForge) -> Outcome:
    return await forge.generate_plan(plan_request())


async def stream_plan(forge: PlanForge) -> Outcome:
    return await _stream_outcome(forge.stream_plan(plan_request()))


async def stream_draft(forge: PlanForge) -> Outcome:
    return await _stream_outcome(forge.stream_draft(draft_request()))


@dataclass
class StreamFailed(Exception):
    """A stream that ended with an error event (then done), as the tests expect of a failed stream."""

    event: ErrorEvent


async def _stream_outcome(events: AsyncIterator[Event]) -> Outcome:
    received = [event async for event in events]
    assert received[-1].type == "done", "every stream ends with done"
    final = received[-2]
    if isinstance(final, ErrorEvent):
        assert not any(isinstance(e, ResultEvent) for e in received), "no result beside an error"
        raise StreamFailed(final)
    assert isinstance(final, ResultEvent)
    return final.data


OPERATIONS: dict[str, Operation] = {
    "generate_draft": generate_draft,
    "generate_plan": generate_plan,
    "stream_plan": stream_plan,
    "stream_draft": stream_draft,
}

STREAM_STATUS = "429"
"""The HTTP status that stands for all four in the streams: a status arrives before any body, streamed or not."""
STREAM_PLAN_SPOILED_ANSWER = "truncated-json"
"""The spoiled answer that stands for all three in `stream_plan` (each ends in the same ChunkConversionError)."""


def covered(fault: str, operation: str) -> bool:
    """Whether the matrix runs `fault` through `operation`: every fault where the path differs, one per class where not.

    The plain calls take every fault. `stream_draft` asks for a streamed completion, so a drop or a spoiled answer
    reaches a different parser: it takes every such fault. `stream_plan` runs the very coroutine `generate_plan`
    runs (`PlanForge._plan`, the same non-streamed requests) inside `EventStream`, which only turns the outcome
    into a result or an error event: one fault per class (HTTP status, drop, spoiled answer) covers it.
    """
    if operation.startswith("generate"):
        return True
    if fault in HTTP_FAULTS:
        return fault == STREAM_STATUS
    return operation == "stream_draft" or fault in ("drop", STREAM_PLAN_SPOILED_ANSWER)


def matrix(faults: Iterable[str]) -> list[object]:
    """(fault name, operation) cases of `faults`, ids `<fault>-<operation>`."""
    return [
        pytest.param(fault, operation, id=f"{fault}-{name}")
        for fault in faults
        for name, operation in OPERATIONS.items()
        if covered(fault, name)
    ]


def forge_for(base_url: str, **settings: Any) -> PlanForge:
    """planforge against the fake, built the way a user configures a local OpenAI-compatible server.

    Retry waits are short (Retry-After still counts) so that the matrix runs in seconds.
    """
    defaults: dict[str, Any] = {
        "request_timeout_seconds": DEADLINE,
        "output_retries": 1,
        "http_retries": 2,
        "retry_initial_wait_seconds": 0.05,
        "chunk_weeks": WEEKS,  # the whole plan in one call: each fault hits the one conversion
    }
    return PlanForge(settings=Settings(base_url=base_url, model="fake-coach", **(defaults | settings)))


async def run_guarded(operation: Operation, forge: PlanForge) -> tuple[Outcome | BaseException, float]:
    """The outcome (result or raised error) and the wall time; a hang fails the test."""
    started = time.monotonic()
    try:
        async with asyncio.timeout(HANG_GUARD):
            outcome: Outcome | BaseException = await operation(forge)
    except TimeoutError:
        pytest.fail(f"hung: no outcome within {HANG_GUARD} s")
    except Exception as error:  # the outcome under test: asserted on by the caller
        outcome = error
    finally:
        # The provider's connection pool belongs to this test's event loop.
        assert isinstance(forge.model, OpenAIChatModel)
        await forge.model.client.close()
    return outcome, time.monotonic() - started


def assert_complete(outcome: Outcome | BaseException) -> None:
    """A whole, valid result: every week of the request, nothing partial."""
    assert not isinstance(outcome, BaseException), f"expected a recovered result, got {outcome!r}"
    if isinstance(outcome, Plan):
        assert sorted(int(week) for week in outcome.weekly_info) == list(range(1, WEEKS + 1))
        assert {workout.week for workout in outcome.content} == set(range(1, WEEKS + 1))
    else:
        assert outcome.metadata.weeks == WEEKS
        assert all(f"Week {n}" in outcome.draft for n in range(1, WEEKS + 1))


def error_code(outcome: Outcome | BaseException) -> str:
    """The planforge error code an outcome ended with: a raised typed error, or a stream's error event."""
    if isinstance(outcome, StreamFailed):
        return outcome.event.code
    assert isinstance(outcome, GenerationError), f"expected a typed planforge error, got {outcome!r}"
    return outcome.code


@pytest.mark.parametrize(("name", "operation"), matrix(RECOVERABLE_FAULTS))
async def test_one_fault_then_success_recovers_the_whole_result(
    fake: FakeOpenAI, base_url: str, name: str, operation: Operation
) -> None:
    fault = RECOVERABLE_FAULTS[name]
    fake.script(fault)

    outcome, seconds = await run_guarded(operation, forge_for(base_url))

    assert_complete(outcome)
    assert fake.calls >= 2, "the faulted request was retried"
    assert fake.requests[0].fault == fault
    assert seconds < DEADLINE


@pytest.mark.parametrize(("name", "operation"), matrix(ALL_FAULTS))
async def test_a_persistent_fault_ends_in_a_clean_typed_error_within_the_deadline(
    fake: FakeOpenAI, base_url: str, name: str, operation: Operation
) -> None:
    fake.script(then=ALL_FAULTS[name])

    outcome, seconds = await run_guarded(operation, forge_for(base_url))

    if name in HTTP_FAULTS or name == "drop":
        assert error_code(outcome) == ModelProviderError.code
        if isinstance(outcome, ModelProviderError):
            assert outcome.status_code == HTTP_STATUS.get(name)
    else:
        is_plan = operation in (generate_plan, stream_plan)
        assert error_code(outcome) == (ChunkConversionError.code if is_plan else GenerationError.code)
    assert seconds < DEADLINE


async def test_a_dropped_connection_makes_the_call_again_once_not_the_whole_generation(
    fake: FakeOpenAI, base_url: str
) -> None:
    # The HTTP layer retries statuses; a connection lost after the response started is retried by the call
    # (calls are idempotent), within the same budget and deadline.
    fake.script(ALL_FAULTS["drop"])

    outcome, seconds = await run_guarded(generate_plan, forge_for(base_url, chunk_weeks=1))

    assert_complete(outcome)
    assert fake.calls == WEEKS + 1
    assert seconds < DEADLINE


async def test_a_rate_limit_is_retried_after_the_retry_after_it_names(fake: FakeOpenAI, base_url: str) -> None:
    fake.script(rate_limited(retry_after=0.6))

    outcome, _ = await run_guarded(generate_draft, forge_for(base_url))

    assert_complete(outcome)
    assert fake.calls == 2
    assert fake.requests[1].received_at - fake.requests[0].received_at >= 0.6


async def test_retries_are_one_layer_not_stacked(fake: FakeOpenAI, base_url: str) -> None:
    fake.script(then=rate_limited(retry_after=0.05))

    outcome, _ = await run_guarded(generate_draft, forge_for(base_url))

    assert isinstance(outcome, ModelProviderError)
    assert outcome.status_code == 429
    # One layer of a few attempts; two stacked layers (SDK 3 × transport N) would hit the server 9+ times.
    assert 2 <= fake.calls <= 5


async def test_a_slow_model_ends_in_a_timeout_error_at_the_deadline(fake: FakeOpenAI, base_url: str) -> None:
    fake.latency = Latency(time_to_first_token=30)
    outcome, seconds = await run_guarded(generate_plan, forge_for(base_url, request_timeout_seconds=0.5))

    assert isinstance(outcome, GenerationTimeoutError)
    assert outcome.seconds == 0.5
    assert seconds < HANG_GUARD


async def test_a_slow_stream_ends_in_an_error_event_then_done(fake: FakeOpenAI, base_url: str) -> None:
    fake.latency = Latency(time_to_first_token=30)
    outcome, _ = await run_guarded(stream_draft, forge_for(base_url, request_timeout_seconds=0.5))

    assert isinstance(outcome, StreamFailed)
    assert outcome.event.code == GenerationTimeoutError.code


IN_PROCESS_CASES = {
    "429-once": ([rate_limited(retry_after=0.2)], None),
    "529-once": ([overloaded()], None),
    "truncated-json-once": ([TruncatedArguments()], None),
    "503-always": ([], 503),
    "drop-always": ([], "drop"),
}


@pytest.mark.parametrize(("faults", "failure"), IN_PROCESS_CASES.values(), ids=IN_PROCESS_CASES.keys())
async def test_in_process_with_planforge_retry_layer(faults: list[Fault], failure: int | str | None) -> None:
    """The same promises in-process (no socket), the model carrying planforge's own retry layer."""
    settings = Settings(
        request_timeout_seconds=DEADLINE, http_retries=2, retry_initial_wait_seconds=0.05, chunk_weeks=WEEKS
    )
    fake = FakeOpenAI(faults=FaultSequence(faults, then={503: unavailable(), "drop": DropConnection()}.get(failure)))
    models.ALLOW_MODEL_REQUESTS = True
    try:
        forge = PlanForge(model=fake_openai_model(fake, settings=settings), settings=settings)
        outcome, seconds = await run_guarded(stream_plan, forge)
    finally:
        models.ALLOW_MODEL_REQUESTS = False

    if failure is None:
        assert_complete(outcome)
        assert fake.calls == 2
    else:
        assert error_code(outcome) == ModelProviderError.code
        # http_retries=2 → three attempts of the request; a lost connection → three attempts of the call.
        assert fake.calls == 3
    assert seconds < DEADLINE
