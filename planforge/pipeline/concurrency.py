"""Running a generation's model calls concurrently, bounded, and all-or-nothing."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, Awaitable, Callable, Sequence
from typing import TypeVar

from pydantic_ai import ModelAPIError

from planforge.exceptions import ModelProviderError
from planforge.llm.call_signals import current_listener
from planforge.pipeline.adaptive import Call, CallLimiter, is_overload

T = TypeVar("T")


async def as_finished(jobs: Sequence[Callable[[], Awaitable[T]]], limit: int | CallLimiter) -> AsyncGenerator[T]:
    """Run `jobs` under `limit` (a number: that many at a time) and yield each result as soon as it is ready.

    An adaptive `limit` learns from each job: how long it took, and whether the provider refused it for
    overload (`planforge.pipeline.adaptive`). The first failure propagates and cancels every other job, as does
    closing the iterator early: a generation never goes on spending model calls after it has failed or its
    consumer went away. Use it inside `contextlib.aclosing` so the cancellation happens at once.
    """
    limiter = CallLimiter.fixed(limit) if isinstance(limit, int) else limit

    async def bounded(job: Callable[[], Awaitable[T]]) -> T:
        call = Call(limiter, await limiter.admit())
        current_listener.set(call)  # this task's own context: the layers below the call report to it
        try:
            result = await job()
        except (ModelProviderError, ModelAPIError) as error:
            if is_overload(error):
                limiter.overloaded(call.admission)
            raise
        else:
            limiter.succeeded(call.admission)
            return result
        finally:
            limiter.release(call.admission)

    tasks = [asyncio.create_task(bounded(job)) for job in jobs]
    try:
        for next_done in asyncio.as_completed(tasks):
            yield await next_done
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
