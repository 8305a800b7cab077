"""The cache warm-up: a plan's first chunk call runs alone until its answer begins, so that the provider has cached
the prompt prefix all chunks share before the others are sent (issue 14, "cost close to one call")."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator

import pytest
from pydantic_ai import models
from pydantic_ai.messages import ModelMessage, ModelResponse, TextPart
from pydantic_ai.models import Model
from pydantic_ai.models.fallback import FallbackModel
from pydantic_ai.models.function import AgentInfo, FunctionModel
from pydantic_ai.models.test import TestModel

from planforge import PlanForge, Settings
from planforge.domain.requests import PlanRequest
from planforge.drafttext.render import render_draft
from planforge.llm.call_signals import signals_output_start
from planforge.pipeline.adaptive import FIRST_WAVE, CallLimiter, limiter_for
from planforge.testing import FakeOpenAI, fake_openai_model, scripted_draft
from planforge.testing.fake_openai import Latency, LoggedRequest, ServerBehaviour
from planforge.testing.latency import LatencyModel

pytestmark = pytest.mark.anyio

WEEKS = 6
TTFT = 0.2
"""The fake's time to the first token: when the first request's prefix is in its cache."""
PRINCIPLE = "Polarized: 80 % easy, 20 % hard. " * 40


async def test_the_first_call_runs_alone_until_its_answer_begins_then_the_others_start() -> None:
    limiter = CallLimiter.adaptive(calls=8, maximum=8, warm_up=True)
    first = await limiter.admit()
    second = asyncio.create_task(limiter.admit())
    await asyncio.sleep(0)
    assert first.warm_up
    assert not second.done()  # a second call waits while the first warms the cache

    limiter.output_started(first)
    rest = [await second, *[await limiter.admit() for _ in range(6)]]
    assert limiter.running == 8  # then all go at once, up to the limit
    assert not any(admission.warm_up for admission in rest)


@pytest.mark.parametrize("ending", ["finished", "gave its slot back to retry"])
async def test_the_warm_up_ends_when_its_call_ends_without_an_answer_beginning(ending: str) -> None:
    limiter = CallLimiter.fixed(4, warm_up=True)
    first = await limiter.admit()
    waiting = [asyncio.create_task(limiter.admit()) for _ in range(3)]
    await asyncio.sleep(0)
    assert limiter.running == 1

    limiter.release(first)  # a failed call, a chunk served from planforge's cache, or a refusal waiting to retry
    await asyncio.gather(*waiting)
    assert (limiter.running, limiter.warming) == (3, False)


async def test_a_signal_from_a_call_other_than_the_warm_up_changes_nothing() -> None:
    limiter = CallLimiter.fixed(2, warm_up=True)
    first = await limiter.admit()
    limiter.output_started(first)
    second = await limiter.admit()
    limiter.release(first)
    limiter.output_started(second)
    assert not second.warm_up
    assert limiter.running == 1


PROBE = 0.001
"""A probe time for the tests; they wait for it with a longer sleep, which asyncio runs after the probe's timer."""


async def test_the_probe_waits_for_the_warm_up_then_the_first_wave_goes_before_the_rest() -> None:
    limiter = CallLimiter.adaptive(calls=40, maximum=64, probe_seconds=PROBE, warm_up=True)
    first = await limiter.admit()
    limiter.sent()
    waiting = [asyncio.create_task(limiter.admit()) for _ in range(39)]
    await asyncio.sleep(PROBE * 5)  # the probe passed while the warm-up call was still alone
    assert limiter.running == 1

    limiter.output_started(first)
    await asyncio.sleep(0)
    assert limiter.running == FIRST_WAVE  # the first wave, not everything: a provider that refuses sees no more
    await asyncio.sleep(PROBE * 5)
    assert limiter.running == 40
    await asyncio.gather(*waiting)


@pytest.mark.parametrize(
    ("settings", "calls", "shared_prefix", "warms"),
    [
        ({}, 52, True, True),
        ({"concurrency": 16}, 52, True, True),  # a fixed limit warms up too
        ({"cache_warm_up": False}, 52, True, False),  # the setting skips it
        ({}, 52, False, False),  # calls that share no prefix, or a model that cannot signal its answer's start
        ({}, 1, True, False),  # nothing to warm up for
        ({"concurrency": 1}, 52, True, False),  # one at a time: every call finds the cache warm already
    ],
    ids=["default", "fixed", "skipped", "no-shared-prefix", "one-call", "one-at-a-time"],
)
def test_which_limiters_warm_up(settings: dict[str, object], calls: int, shared_prefix: bool, warms: bool) -> None:
    limiter = limiter_for(Settings.model_validate(settings), calls, shared_prefix=shared_prefix)
    assert limiter.warming is warms


def test_the_warm_up_can_be_skipped_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANFORGE_CACHE_WARM_UP", "false")
    assert not limiter_for(Settings(), 52, shared_prefix=True).warming


def _answer(messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
    return ModelResponse(parts=[TextPart("ok")])


async def _stream(messages: list[ModelMessage], info: AgentInfo) -> AsyncIterator[str]:
    yield "ok"


@pytest.mark.parametrize(
    ("model", "signals"),
    [
        (TestModel(), True),
        (FunctionModel(_answer, stream_function=_stream), True),
        (FunctionModel(_answer), False),  # cannot stream: its answer's start is not seen
        (LatencyModel(FunctionModel(_answer), Latency()), False),
        (LatencyModel(FunctionModel(_answer, stream_function=_stream), Latency()), True),
        (FallbackModel(TestModel(), FunctionModel(_answer)), False),
    ],
    ids=["test", "streaming-function", "function", "wrapped-function", "wrapped-streaming", "fallback"],
)
def test_which_models_can_signal_that_their_answer_began(model: Model, signals: bool) -> None:
    assert signals_output_start(model) is signals


@pytest.fixture
def allow_model_requests() -> Iterator[None]:
    models.ALLOW_MODEL_REQUESTS = True  # the fake server is in-process; nothing leaves the machine
    yield
    models.ALLOW_MODEL_REQUESTS = False


async def convert(fake: FakeOpenAI, **settings: object) -> int:
    """Converts a plan of `WEEKS` one-week chunks through `fake`; returns the cached input tokens reported."""
    chosen = Settings.model_validate({"chunk_weeks": 1, **settings})
    draft = render_draft(scripted_draft(WEEKS))
    request = PlanRequest(weeks=WEEKS, level="beginner", org_id="o", training_principle=PRINCIPLE, refined_draft=draft)
    async with PlanForge(model=fake_openai_model(fake, settings=chosen), settings=chosen) as forge:
        plan = await forge.generate_plan(request)
    return plan.usage.cached_input_tokens


def by_arrival(fake: FakeOpenAI) -> list[LoggedRequest]:
    return sorted(fake.requests, key=lambda logged: logged.received_at)


@pytest.mark.usefixtures("allow_model_requests")
async def test_through_the_fake_server_the_other_chunks_are_sent_once_the_first_ones_answer_began() -> None:
    fake = FakeOpenAI(latency=Latency(time_to_first_token=TTFT), behaviour=ServerBehaviour(prefix_cache=True))
    cached = await convert(fake)

    first, *others = by_arrival(fake)
    assert len(others) == WEEKS - 1
    assert first.request.stream  # streamed: its first token is the signal
    assert not any(logged.request.stream for logged in others)  # the others as before
    assert all(logged.received_at >= first.received_at + TTFT for logged in others)  # the prefix was cached by then
    assert cached > 0  # the cached input tokens are reported in the plan's usage


@pytest.mark.usefixtures("allow_model_requests")
async def test_without_the_warm_up_every_chunk_is_sent_at_once() -> None:
    fake = FakeOpenAI(latency=Latency(time_to_first_token=TTFT))
    await convert(fake, cache_warm_up=False)

    first, *others = by_arrival(fake)
    assert all(logged.received_at < first.received_at + TTFT for logged in others)
    assert not any(logged.request.stream for logged in fake.requests)


async def test_the_others_go_at_the_latest_after_the_warm_up_time() -> None:
    limiter = CallLimiter.fixed(3, warm_up=True)
    limiter.warm_up_seconds = 0.01  # a reasoning model thinks long before its answer begins; its prompt is cached
    await limiter.admit()
    others = asyncio.gather(limiter.admit(), limiter.admit())
    await asyncio.sleep(0)
    assert limiter.running == 1
    await asyncio.wait_for(others, timeout=1)
    assert (limiter.running, limiter.warming) == (3, False)
