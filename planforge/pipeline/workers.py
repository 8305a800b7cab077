"""CPU-bound work off the event loop: a bounded worker pool, and a budget of processing time per request.

Parsing a draft, the offline coach's engine and the parser cross-check are pure CPU. Run on the event loop,
one large request would stall every other request of the server; `run_cpu` hands such work to the pool of
the generation being served (at most `Settings.cpu_workers` run at once, the rest queue) and charges the
thread time it took to the request's `ProcessingBudget`. A request that has spent its budget fails with a
422 before it takes any more. Outside a generation (no pool installed), `run_cpu` just calls the function.

Small work (below `INLINE_BELOW_CHARS` of input) runs on the event loop, still charged: it takes a few
milliseconds, and queueing it behind large requests' work in the pool would make every normal request wait
for the largest ones.
"""

from __future__ import annotations

import asyncio
import contextvars
import time
from collections.abc import Callable, Generator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Final, ParamSpec, TypeVar

from planforge.exceptions import InvalidRequestError

P = ParamSpec("P")
T = TypeVar("T")

INLINE_BELOW_CHARS: Final = 5_000
"""Work on less text than this (a normal 4-week chunk of a draft, a short prompt) runs on the event loop."""


class ProcessingBudgetError(InvalidRequestError):
    """A request needed more processing time than a request may take: it is too large or too unusual."""

    code = "processing_budget_exceeded"


@dataclass
class ProcessingBudget:
    """The CPU seconds one request may use in the worker pool, and what it has used so far."""

    seconds: float
    field: str | None = None
    """The request field whose text the work is about (named in the error), if one is."""
    spent: float = 0.0

    def charge(self, seconds: float) -> None:
        """Add `seconds`; raise `ProcessingBudgetError` once the budget is spent."""
        self.spent += seconds
        if self.spent > self.seconds:
            raise ProcessingBudgetError(
                f"processing this request took more than the {self.seconds:g} s of work a request may take;"
                " send a shorter or simpler text",
                field=self.field,
            )


@dataclass(frozen=True)
class WorkerContext:
    """Where a generation's CPU work runs and what it may spend."""

    pool: ThreadPoolExecutor
    budget: ProcessingBudget = field(compare=False)


_CONTEXT: Final[contextvars.ContextVar[WorkerContext | None]] = contextvars.ContextVar(
    "planforge_worker_context", default=None
)


def new_worker_pool(workers: int) -> ThreadPoolExecutor:
    """A pool of `workers` threads for CPU-bound work; its owner shuts it down."""
    return ThreadPoolExecutor(max_workers=workers, thread_name_prefix="planforge-cpu")


@contextmanager
def worker_context(pool: ThreadPoolExecutor, budget: ProcessingBudget) -> Generator[None]:
    """Within the block (and the tasks it starts), `run_cpu` runs in `pool` and charges `budget`."""
    token = _CONTEXT.set(WorkerContext(pool, budget))
    try:
        yield
    finally:
        _CONTEXT.reset(token)


async def run_cpu(function: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """`function(*args, **kwargs)` in the current generation's worker pool, charged to its budget.

    Without a worker context the function runs here, at once (library use outside the service).
    """
    context = _CONTEXT.get()
    if context is None:
        return function(*args, **kwargs)
    return await _in_pool(context, function, *args, **kwargs)


async def run_cpu_sized(chars: int, function: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """`run_cpu` for work on `chars` characters of input: on the event loop below `INLINE_BELOW_CHARS`."""
    context = _CONTEXT.get()
    if context is None:
        return function(*args, **kwargs)
    if chars >= INLINE_BELOW_CHARS:
        return await _in_pool(context, function, *args, **kwargs)
    start = time.thread_time()
    try:
        return function(*args, **kwargs)
    finally:
        context.budget.charge(time.thread_time() - start)


async def _in_pool(context: WorkerContext, function: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    spent: list[float] = []

    def timed() -> T:
        start = time.thread_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent.append(time.thread_time() - start)

    # The work sees the request's context variables, but no worker context: nested work runs inline there.
    work = contextvars.copy_context()
    work.run(_CONTEXT.set, None)
    try:
        return await asyncio.get_running_loop().run_in_executor(context.pool, work.run, timed)
    finally:
        context.budget.charge(sum(spent))
