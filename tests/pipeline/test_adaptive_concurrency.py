"""The adaptive concurrency limit: it finds the provider's limit, and a generation completes while it does."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from contextlib import aclosing
from dataclasses import dataclass

import pytest
from pydantic_ai import ModelHTTPError
from pydantic_ai.messages import ModelMessage, ModelResponse
from pydantic_ai.models import ModelRequestParameters
from pydantic_ai.models.wrapper import WrapperModel
from pydantic_ai.settings import ModelSettings

from planforge import PlanForge, PlanRequest, Settings
from planforge.drafttext.render import render_draft
from planforge.exceptions import ModelProviderError
from planforge.llm.profile import effective_settings
from planforge.pipeline.adaptive import (
    CallLimiter,
    current_limiter,
    is_overload,
    limiter_for,
    wait_before_retry,
)
from planforge.pipeline.concurrency import as_finished
from planforge.testing import ScriptedCoach, scripted_draft
from planforge.testing.latency import Latency, LatencyModel, ServerLimits

pytestmark = pytest.mark.anyio


@dataclass
class Clock:
    """A clock the test moves by hand: call durations without real time."""

    now: float = 0.0

    def __call__(self) -> float:
        return self.now


def adaptive(calls: int, maximum: int, clock: Clock | None = None) -> CallLimiter:
    limiter = CallLimiter.adaptive(calls, maximum)
    limiter.clock = clock or Clock()
    return limiter


async def test_an_overload_keeps_half_of_what_the_provider_still_serves_once_per_burst() -> None:
    limiter = adaptive(calls=20, maximum=32)
    admissions = [await limiter.admit() for _ in range(10)]

    limiter.overloaded(admissions[0])  # 9 others still served: keep 4
    assert limiter.limit == 4
    for refused in admissions[1:4]:  # the same burst's other refusals: no compounding down to 1
        limiter.release(refused)
        limiter.overloaded(refused)
    assert (limiter.limit, limiter.lowest, limiter.overloads) == (3, 3, 4)  # 7 slots still held → 3


async def test_successes_grow_the_limit_by_one_per_round_up_to_the_maximum() -> None:
    clock = Clock()
    limiter = adaptive(calls=2, maximum=4, clock=clock)
    seen: list[int] = []
    for _ in range(12):
        admission = await limiter.admit()
        clock.now += 1.0  # every call as fast as the others: no queueing
        limiter.succeeded(admission)
        limiter.release(admission)
        seen.append(limiter.limit)
    assert seen == [2, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4]


async def test_the_limit_never_goes_below_one() -> None:
    limiter = adaptive(calls=3, maximum=3)
    alone = await limiter.admit()
    limiter.overloaded(alone)  # nothing else served: half of nothing is still one
    assert limiter.limit == 1
    limiter.overloaded(alone)
    assert limiter.limit == limiter.lowest == 1


async def test_a_call_slowed_by_a_queue_shrinks_the_limit_to_what_the_server_serves() -> None:
    clock = Clock()
    limiter = adaptive(calls=8, maximum=8, clock=clock)
    first = await limiter.admit()
    queued = [await limiter.admit() for _ in range(7)]  # 8 in flight; the server answers one after the other
    clock.now += 1.0
    limiter.succeeded(first)
    assert limiter.limit == 8  # the fastest call sets the yardstick
    clock.now += 7.0
    limiter.succeeded(queued[-1])  # 8 s for a 1 s answer with 8 in flight: the server serves 8 × 1/8 = 1
    assert limiter.limit == 1


async def test_a_fixed_limit_never_changes() -> None:
    clock = Clock()
    limiter = CallLimiter.fixed(4)
    limiter.clock = clock
    admission = await limiter.admit()
    limiter.overloaded(admission)
    clock.now += 100.0
    limiter.succeeded(admission)
    assert (limiter.limit, limiter.overloads) == (4, 1)


async def test_a_call_retrying_after_a_refusal_goes_before_calls_not_started() -> None:
    limiter = CallLimiter.fixed(1)
    running = await limiter.admit()
    order: list[str] = []

    async def wait(name: str, retrying: bool) -> None:
        await limiter.admit(retrying=retrying)
        order.append(name)

    fresh = asyncio.create_task(wait("fresh", retrying=False))
    await asyncio.sleep(0)
    retry = asyncio.create_task(wait("retry", retrying=True))
    await asyncio.sleep(0)
    limiter.release(running)
    await asyncio.sleep(0)
    assert order == ["retry"]
    fresh.cancel()
    await asyncio.gather(fresh, retry, return_exceptions=True)
    assert limiter.running == 1  # the cancelled waiter never took a slot


PROBE = 0.001
"""A probe time for the tests; they wait for it with a longer sleep, which asyncio runs after the probe's timer."""


async def test_the_rest_go_once_the_first_wave_was_sent_without_a_refusal() -> None:
    limiter = CallLimiter.adaptive(calls=40, maximum=64, probe_seconds=PROBE)
    first_wave = [await limiter.admit() for _ in range(16)]
    assert limiter.limit == 16  # a 17th call would wait
    for _ in first_wave:
        limiter.sent()
    await asyncio.sleep(PROBE * 5)
    assert limiter.limit == 40


async def test_without_reported_sends_the_probe_counts_from_the_admissions() -> None:
    limiter = CallLimiter.adaptive(calls=40, maximum=64, probe_seconds=PROBE)
    for _ in range(16):
        await limiter.admit()  # no layer below says when its requests leave
    await asyncio.sleep(PROBE * 5)
    assert limiter.limit == 40


async def test_a_refusal_in_the_first_wave_keeps_the_rest_back() -> None:
    limiter = CallLimiter.adaptive(calls=40, maximum=64, probe_seconds=PROBE)
    first_wave = [await limiter.admit() for _ in range(16)]
    for _ in first_wave:
        limiter.sent()
    limiter.release(first_wave[-1])
    limiter.overloaded(first_wave[-1])  # 15 served → 7
    await asyncio.sleep(PROBE * 5)
    assert limiter.limit == 7


class Jobs:
    """Jobs that wait for the test to let them finish, counting how many run at once."""

    def __init__(self, full: int = 0) -> None:
        self.running = self.peak = self.cancelled = 0
        self.full = full
        self.filled = asyncio.Event()  # set once `full` jobs run at the same time
        self.finish = asyncio.Event()

    def job(self, value: int, error: Exception | None = None) -> Callable[[], Awaitable[int]]:
        async def run() -> int:
            self.running += 1
            self.peak = max(self.peak, self.running)
            if self.running == self.full:
                self.filled.set()
            try:
                if error is not None:
                    raise error
                await self.finish.wait()
                return value
            except asyncio.CancelledError:
                self.cancelled += 1
                raise
            finally:
                self.running -= 1

        return run


async def test_under_the_adaptive_limit_a_failure_still_cancels_every_other_job() -> None:
    jobs = Jobs()
    limiter = adaptive(calls=6, maximum=6)
    refused = ModelProviderError("model provider error: HTTP 429", status_code=429)
    work = [*(jobs.job(i) for i in range(5)), jobs.job(5, error=refused)]

    async def consume() -> None:
        async with aclosing(as_finished(work, limiter)) as finished:
            async for _ in finished:
                pass

    with pytest.raises(ModelProviderError):
        await consume()

    assert (jobs.running, jobs.cancelled) == (0, 5)  # nothing partial goes on spending calls
    assert (limiter.overloads, limiter.limit) == (1, 2)  # and the refusal it failed with was heard: 5 served → 2
    assert limiter.running == 0


async def test_under_the_adaptive_limit_no_more_than_the_limit_run_and_leaving_early_cancels_them() -> None:
    jobs = Jobs(full=3)
    limiter = adaptive(calls=10, maximum=3)
    async with aclosing(as_finished([jobs.job(i) for i in range(10)], limiter)) as finished:
        first = asyncio.create_task(anext(finished))
        await jobs.filled.wait()
        await asyncio.sleep(0)  # a fourth would have started by now
        assert jobs.peak == 3
        jobs.finish.set()  # the first three finish, the limit may grow, but never past its maximum
        await first
    assert jobs.peak == 3
    assert (jobs.running, limiter.running, limiter.limit) == (0, 0, 3)


async def test_a_refusal_retried_below_lowers_the_limit_at_once_and_the_retry_waits_for_room() -> None:
    limiter = adaptive(calls=4, maximum=4)
    gate, all_in = asyncio.Event(), asyncio.Event()
    waiting: list[int] = []
    done: list[int] = []
    done_before_retry: list[int] = []

    async def refused_once(value: int) -> int:
        if value == 0:
            await all_in.wait()  # the other three hold their slots
            gate.set()
            await wait_before_retry(429, 0)  # a retry layer below the limiter met a 429
            done_before_retry.append(len(done))
        else:
            waiting.append(value)
            if len(waiting) == 3:
                all_in.set()
            await gate.wait()
        done.append(value)
        return value

    def job(value: int) -> Callable[[], Awaitable[int]]:
        return lambda: refused_once(value)

    async with aclosing(as_finished([job(i) for i in range(4)], limiter)) as finished:
        results = [value async for value in finished]

    assert (limiter.overloads, limiter.lowest) == (1, 1)  # 3 others still served → keep 1
    assert done_before_retry[0] >= 2  # the retry went out only once others had finished and made room
    assert sorted(results) == [0, 1, 2, 3]
    assert limiter.running == 0


async def test_without_an_adaptive_limit_the_retry_wait_only_sleeps() -> None:
    limiter = CallLimiter.fixed(2)

    async def refused_once() -> int:
        await wait_before_retry(429, 0)
        assert current_limiter() is limiter
        return limiter.running

    async with aclosing(as_finished([refused_once, refused_once], limiter)) as finished:
        held = [value async for value in finished]
    assert limiter.overloads == 0
    assert max(held) >= 1  # the slot was held through the wait
    await wait_before_retry(429, 0)  # and outside any limited call it is a plain sleep


@pytest.mark.parametrize(
    ("error", "overload"),
    [
        (ModelProviderError("HTTP 429", status_code=429), True),
        (ModelProviderError("HTTP 529", status_code=529), True),
        (ModelHTTPError(503, "m"), True),
        (ModelProviderError("HTTP 500: upstream overloaded", status_code=500), True),
        (ModelProviderError("HTTP 500", status_code=500), False),
        (ModelProviderError("timed out", status_code=504), False),
        (ModelProviderError("connection refused"), False),
    ],
    ids=["429", "529", "raw-503", "500-overloaded", "500", "504", "no-status"],
)
def test_what_counts_as_an_overload(error: Exception, overload: bool) -> None:
    assert is_overload(error) is overload


@pytest.mark.parametrize(
    ("settings", "adapts", "limit"),
    [
        ({}, True, 16),  # the first wave; the rest once the probe passed
        ({"concurrency_probe_seconds": 0}, True, 52),
        ({"max_concurrency": 12}, True, 12),
        ({"concurrency": 16}, False, 16),
        ({"concurrency": 4, "concurrency_mode": "adaptive", "concurrency_probe_seconds": 0}, True, 52),
        ({"concurrency_mode": "fixed"}, False, 16),
        ({"base_url": "http://127.0.0.1:8080/v1", "model": "m"}, False, 1),  # a local server: one at a time
    ],
    ids=["default", "no-probe", "maximum", "explicit-number", "adaptive-mode", "fixed-mode", "local-profile"],
)
def test_which_limit_the_settings_choose(settings: dict[str, object], adapts: bool, limit: int) -> None:
    limiter = limiter_for(effective_settings(Settings.model_validate(settings)), calls=52)
    assert (limiter.adapts, limiter.limit) == (adapts, limit)


def test_a_fixed_number_in_the_environment_is_a_fixed_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANFORGE_CONCURRENCY", "8")
    limiter = limiter_for(Settings(), calls=52)
    assert (limiter.adapts, limiter.limit) == (False, 8)
    monkeypatch.setenv("PLANFORGE_CONCURRENCY_MODE", "adaptive")
    monkeypatch.setenv("PLANFORGE_MAX_CONCURRENCY", "30")
    monkeypatch.setenv("PLANFORGE_CONCURRENCY_PROBE_SECONDS", "0")
    assert limiter_for(Settings(), calls=52).limit == 30


@dataclass(init=False)
class HeldUntilRefused(WrapperModel):
    """Holds every answer until the calling generation's limiter has heard a refusal: the server is full then."""

    async def request(
        self,
        messages: list[ModelMessage],
        model_settings: ModelSettings | None,
        model_request_parameters: ModelRequestParameters,
    ) -> ModelResponse:
        limiter = current_limiter()
        assert limiter is not None
        while not limiter.overloads:  # noqa: ASYNC110 - the limiter has no event to wait on; yield until it heard one
            await asyncio.sleep(0)
        return await self.wrapped.request(messages, model_settings, model_request_parameters)


async def test_a_plan_completes_against_a_provider_that_refuses_past_three_calls() -> None:
    weeks, capacity = 12, 3
    coach = ScriptedCoach()
    server = ServerLimits(concurrent=capacity, retry_after=0, client_retries=10)
    model = LatencyModel(HeldUntilRefused(coach.model()), Latency(), server=server)
    forge = PlanForge(model="test", plan_model=model, settings=Settings(chunk_weeks=1, request_timeout_seconds=60))
    request = PlanRequest(weeks=weeks, level="beginner", org_id="o", refined_draft=render_draft(scripted_draft(weeks)))

    plan = await forge.generate_plan(request)

    assert {workout.week for workout in plan.content} == set(range(1, weeks + 1))
    assert model.refused >= 1
    assert model.peak_serving == capacity  # refused beyond three, never served more
    assert model.limits_seen[0] == weeks  # it started wide: every chunk at once
    assert model.limiter is not None
    assert model.limiter.lowest < weeks  # then it came down
    assert min(model.limits_seen) < weeks  # and the retried requests went out under the lowered limit
