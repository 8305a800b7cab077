"""Running a generation's model calls concurrently, bounded, and all-or-nothing."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, Awaitable, Callable, Sequence
from typing import TypeVar

T = TypeVar("T")


async def as_finished(jobs: Sequence[Callable[[], Awaitable[T]]], limit: int) -> AsyncGenerator[T]:
    """Run `jobs` at most `limit` at a time and yield each result as soon as it is ready.

    The first failure propagates and cancels every other job, as does closing the iterator early: a generation
    never goes on spending model calls after it has failed or its consumer went away. Use it inside
    `contextlib.aclosing` so the cancellation happens at once.
    """
    semaphore = asyncio.Semaphore(limit)

    async def bounded(job: Callable[[], Awaitable[T]]) -> T:
        async with semaphore:
            return await job()

    tasks = [asyncio.create_task(bounded(job)) for job in jobs]
    try:
        for next_done in asyncio.as_completed(tasks):
            yield await next_done
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
