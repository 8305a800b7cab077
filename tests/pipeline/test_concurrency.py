"""Bounded, all-or-nothing concurrency for a generation's model calls."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from contextlib import aclosing

import pytest

from planforge.pipeline.concurrency import as_finished

pytestmark = pytest.mark.anyio


class Jobs:
    def __init__(self) -> None:
        self.running = 0
        self.peak = 0
        self.cancelled = 0
        self.completed = 0

    def job(self, delay: float, value: int, fail: bool = False) -> Callable[[], Awaitable[int]]:
        async def run() -> int:
            self.running += 1
            self.peak = max(self.peak, self.running)
            try:
                await asyncio.sleep(delay)
                if fail:
                    raise RuntimeError(f"job {value} failed")
                self.completed += 1
                return value
            except asyncio.CancelledError:
                self.cancelled += 1
                raise
            finally:
                self.running -= 1

        return run


async def test_results_come_as_they_finish_at_most_limit_at_a_time() -> None:
    jobs = Jobs()
    delays = [0.05, 0.01, 0.03, 0.02]
    async with aclosing(as_finished([jobs.job(d, i) for i, d in enumerate(delays)], limit=4)) as finished:
        order = [value async for value in finished]
    assert order == [1, 3, 2, 0]
    bounded = Jobs()
    async with aclosing(as_finished([bounded.job(0.01, i) for i in range(10)], limit=3)) as finished:
        assert sorted([value async for value in finished]) == list(range(10))
    assert bounded.peak == 3


async def test_a_failure_cancels_every_other_job() -> None:
    jobs = Jobs()
    work = [jobs.job(0.01, 0, fail=True), *(jobs.job(5, i) for i in range(1, 6))]

    async def consume() -> None:
        async with aclosing(as_finished(work, limit=3)) as finished:
            async for _ in finished:
                pass

    with pytest.raises(RuntimeError, match="job 0 failed"):
        await consume()
    assert jobs.running == 0
    assert jobs.completed == 0  # none of the slow jobs ran on: the started ones were cancelled
    assert jobs.cancelled >= 2


async def test_leaving_early_cancels_what_is_still_running() -> None:
    jobs = Jobs()
    async with aclosing(as_finished([jobs.job(0.01, 0), jobs.job(5, 1), jobs.job(5, 2)], limit=3)) as finished:
        async for value in finished:
            assert value == 0
            break
    assert jobs.running == 0
    assert jobs.cancelled == 2
