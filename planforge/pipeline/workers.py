"""CPU-bound work off the event loop: worker processes, and a budget of CPU time per request.

Parsing a draft, the offline coach's engine and the parser cross-check are pure CPU. Run in the server's
process, one large request would stall every other request: on the event loop directly, and from a thread too,
since a thread computing in Python holds the interpreter lock the event loop needs. `run_cpu` hands such work
to the `WorkerPool` of the generation being served: `Settings.cpu_workers` processes (the rest queue), started
at a lower CPU priority so that the server's own process, which answers every request, wins the CPU when both
want it. The server starts its pool (`WorkerPool.start`); until a pool is started, as in library use, and
outside a generation, `run_cpu` just calls the function (worker processes re-import the program's main module,
which a script need not be prepared for).

Each task may use what is left of its request's `ProcessingBudget` of CPU seconds, measured in the worker. The
kernel enforces it (a CPU-time limit, `RLIMIT_CPU`): a runaway task is stopped there, its worker replaced, and
the request fails with a 422 naming its field; a task whose request is cancelled (the client left, the
generation's deadline passed) has its worker stopped at once. Where there is no CPU-time limit (Windows), the
budget is a wall-clock timeout instead.

Small work (below `INLINE_BELOW_CHARS` of input) runs on the event loop, still charged: it takes a few
milliseconds, and sending it to a worker would cost more than doing it.
"""

from __future__ import annotations

import asyncio
import contextvars
import math
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Generator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final, Literal, ParamSpec, TypeVar

from planforge.exceptions import InvalidRequestError

if TYPE_CHECKING:
    from pebble import ProcessPool

P = ParamSpec("P")
T = TypeVar("T")

INLINE_BELOW_CHARS: Final = 5_000
"""Work on less text than this (a normal 4-week chunk of a draft, a short prompt) runs on the event loop."""

WORKER_NICENESS: Final = 10
"""How much lower the workers' CPU priority is than the server's (Unix `nice`): under contention the event
loop, which every request and the health checks wait on, runs first; alone, the workers use every idle core."""

try:
    import resource
except ImportError:  # Windows: no CPU-time limits; the budget is enforced as a wall-clock timeout
    resource = None


class ProcessingBudgetError(InvalidRequestError):
    """A request needed more processing time than a request may take: it is too large or too unusual."""

    code = "processing_budget_exceeded"


@dataclass
class ProcessingBudget:
    """The CPU seconds one request may use for its CPU-bound work, and what it has used so far."""

    seconds: float
    field: str | None = None
    """The request field whose text the work is about (named in the error), if one is."""
    spent: float = 0.0

    @property
    def remaining(self) -> float:
        """CPU seconds still available (never negative)."""
        return max(0.0, self.seconds - self.spent)

    def charge(self, seconds: float) -> None:
        """Add `seconds`; raise `ProcessingBudgetError` once the budget is spent."""
        self.spent += seconds
        if self.spent > self.seconds:
            raise self.exceeded()

    def exceeded(self) -> ProcessingBudgetError:
        """The error of a request that has spent its budget."""
        return ProcessingBudgetError(
            f"processing this request took more than the {self.seconds:g} s of work a request may take;"
            " send a shorter or simpler text",
            field=self.field,
        )


class WorkerPool:
    """`workers` processes for CPU-bound work, from `start` until `aclose`; before `start`, work runs inline.

    Functions sent to it, their arguments and results travel between processes, so they must be picklable:
    module-level functions, and preferably text rather than large object graphs.
    """

    def __init__(self, workers: int, *, niceness: int = WORKER_NICENESS) -> None:
        self.workers = workers
        self.niceness = niceness
        self._pool: ProcessPool | None = None
        self._lock = threading.Lock()
        self._state: Literal["inline", "started", "closed"] = "inline"

    @property
    def started(self) -> bool:
        """Whether work goes to the worker processes (from `start` until `aclose`)."""
        return self._state == "started"

    async def start(self) -> None:
        """Send work to worker processes from now on, and start them (the standalone server does at startup)."""
        if self._state == "closed":
            raise RuntimeError("this worker pool is closed")
        self._state = "started"  # work sent meanwhile waits for the processes
        await asyncio.to_thread(self._running)

    async def run(self, budget: ProcessingBudget, function: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """`function(*args, **kwargs)` in a worker (inline before `start`), its CPU time charged to `budget`.

        Raises `ProcessingBudgetError` when the work would take more than is left of the budget.
        """
        if not self.started:
            return _inline(budget, function, *args, **kwargs)
        from pebble import ProcessExpired  # here: pebble loads with the first pool

        if budget.remaining <= 0:
            raise budget.exceeded()
        pool = self._pool if self._pool is not None and self._pool.active else await asyncio.to_thread(self._running)
        limit = None if resource is not None or math.isinf(budget.remaining) else budget.remaining
        future = pool.schedule(_call, (function, args, kwargs, budget.remaining), timeout=limit)
        try:
            outcome = await asyncio.wrap_future(future)  # cancelling the wait stops the worker
        except ProcessExpired as ended:
            if ended.exitcode == -_CPU_LIMIT_SIGNAL:
                raise budget.exceeded() from None
            raise
        except TimeoutError:
            raise budget.exceeded() from None
        budget.charge(outcome.spent)
        return outcome.value()

    async def aclose(self) -> None:
        """Stop the workers (a task still running is abandoned); the pool refuses work from then on."""
        with self._lock:
            self._state, pool, self._pool = "closed", self._pool, None
        if pool is not None:
            pool.stop()
            await asyncio.to_thread(pool.join)

    def _running(self) -> ProcessPool:
        """The started pool (blocking while the processes start: call it in a thread)."""
        from pebble import ProcessPool

        with self._lock:
            if self._state == "closed":
                raise RuntimeError("this worker pool is closed")
            if self._pool is None or not self._pool.active:  # not started yet, or broken: a new one
                self._pool = ProcessPool(
                    max_workers=self.workers,
                    initializer=_start_worker,
                    initargs=(self.niceness,),
                    context=_process_context(),
                )
                self._pool.schedule(os.getpid).result()  # starts the processes and waits for the first
            return self._pool


def _inline(budget: ProcessingBudget, function: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """`function(*args, **kwargs)` here, its thread's CPU time charged to `budget` afterwards."""
    start = time.thread_time()
    try:
        return function(*args, **kwargs)
    finally:
        budget.charge(time.thread_time() - start)


def _process_context() -> Any:
    """Workers start from a fork server that has imported what this process has of planforge: a worker that
    replaces one stopped mid-task is ready in milliseconds, not the seconds importing planforge takes."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(sorted(name for name in sys.modules if name.startswith("planforge")))
    return context


_CPU_LIMIT_SIGNAL: Final = getattr(signal, "SIGXCPU", 0)
"""The signal that ends a worker when its task reached its CPU-time limit."""


def _start_worker(niceness: int) -> None:
    if hasattr(os, "nice"):
        os.nice(niceness)
    if resource is not None:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # a worker stopped for its CPU time leaves no core file
        signal.signal(_CPU_LIMIT_SIGNAL, signal.SIG_DFL)


def _limit_cpu(until: float) -> None:
    """Let this process run until `until` CPU seconds in all (inf: no limit), then end with SIGXCPU."""
    if resource is None:
        return
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    soft = resource.RLIM_INFINITY if math.isinf(until) else math.ceil(until)
    if hard != resource.RLIM_INFINITY:
        soft = hard if soft == resource.RLIM_INFINITY else min(soft, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


@dataclass(frozen=True)
class _Outcome:
    """A task's result, or its error in a form that survives the trip between processes, and its CPU time."""

    spent: float
    result: object = None
    error: tuple[type[BaseException], tuple[object, ...], Mapping[str, object]] | None = None

    def value(self) -> Any:
        if self.error is None:
            return self.result
        kind, args, attributes = self.error
        error = kind.__new__(kind, *args)
        error.args = args
        error.__dict__.update(attributes)
        raise error


def _call(
    function: Callable[..., object], args: tuple[object, ...], kwargs: dict[str, Any], seconds: float
) -> _Outcome:
    """Run in a worker: `function(*args, **kwargs)` within `seconds` of CPU time."""
    start = time.process_time()
    _limit_cpu(start + seconds)
    try:
        result = function(*args, **kwargs)
    except Exception as error:  # any error of the work goes back to the request that sent it
        # By type, args and attributes: planforge's errors take other arguments than their `args`, so pickling
        # them as usual would rebuild them wrongly (or not at all).
        return _Outcome(time.process_time() - start, error=(type(error), error.args, dict(error.__dict__)))
    finally:
        _limit_cpu(math.inf)
    return _Outcome(time.process_time() - start, result=result)


@dataclass(frozen=True)
class WorkerContext:
    """Where a generation's CPU work runs and what it may spend."""

    pool: WorkerPool
    budget: ProcessingBudget = field(compare=False)


_CONTEXT: Final[contextvars.ContextVar[WorkerContext | None]] = contextvars.ContextVar(
    "planforge_worker_context", default=None
)


def new_worker_pool(workers: int, niceness: int = WORKER_NICENESS) -> WorkerPool:
    """A pool of `workers` processes for CPU-bound work (none start until needed); its owner closes it."""
    return WorkerPool(workers, niceness=niceness)


@contextmanager
def worker_context(pool: WorkerPool, budget: ProcessingBudget) -> Generator[None]:
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
    return await context.pool.run(context.budget, function, *args, **kwargs)


async def run_cpu_sized(chars: int, function: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """`run_cpu` for work on `chars` characters of input: on the event loop below `INLINE_BELOW_CHARS`."""
    context = _CONTEXT.get()
    if context is None:
        return function(*args, **kwargs)
    if chars >= INLINE_BELOW_CHARS:
        return await context.pool.run(context.budget, function, *args, **kwargs)
    return _inline(context.budget, function, *args, **kwargs)
