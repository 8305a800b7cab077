"""CPU-bound work of a generation runs in the service's worker processes, charged to a per-request CPU budget
that stops a runaway task; before the pool is started (library use) it runs inline."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest

from planforge import DraftRequest, PlanForge, PlanRequest, Settings
from planforge.exceptions import DraftStructureError
from planforge.pipeline.workers import (
    INLINE_BELOW_CHARS,
    ProcessingBudget,
    ProcessingBudgetError,
    WorkerPool,
    run_cpu,
    run_cpu_sized,
    worker_context,
)

pytestmark = pytest.mark.anyio

WEEK = "- Tuesday: Easy run 30 min\n- Thursday: Tempo run 20 min\n- Saturday: Long run 8 km\n"


# Work for the workers is from the standard library: a worker process imports what it runs by name, and
# this module is not importable by name (pytest's importlib mode).
FOREVER = range(10**18)
"""`sum(FOREVER)` computes in C for years: a task that never returns and never checks for signals."""


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _exists(pid: int) -> bool:
    return Path(f"/proc/{pid}").exists()


def _workers() -> set[int]:
    return {p.pid for p in multiprocessing.active_children() if p.name == "pebble_pool_worker" and p.pid}


@pytest.fixture
async def pool() -> AsyncIterator[WorkerPool]:
    """A started pool of two workers, at the server's priority (a test machine's load must not starve them)."""
    started = WorkerPool(2, niceness=0)
    await started.start()
    yield started
    await started.aclose()


def _plan_request(weeks: int, padding: int = 0) -> PlanRequest:
    text = "\n".join(f"Week {w}:\n{WEEK}" + "- Note: keep it easy\n" * padding for w in range(1, weeks + 1))
    return PlanRequest(weeks=weeks, level="beginner", org_id="org", refined_draft=text)


async def _sent_to_the_pool(
    forge: PlanForge, generation: Callable[[], Any], monkeypatch: pytest.MonkeyPatch
) -> list[str]:
    """The names of the functions `generation` sends to `forge`'s worker processes."""
    sent: list[str] = []
    run = forge.cpu_pool.run

    async def recording(budget: ProcessingBudget, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        sent.append(function.__name__)
        return await run(budget, function, *args, **kwargs)

    monkeypatch.setattr(forge.cpu_pool, "run", recording)
    await generation()
    return sent


async def test_a_large_drafts_parsing_and_conversion_go_to_the_worker_processes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    request = _plan_request(4, padding=400)  # one week a chunk, each above the inline size
    assert len(request.refined_draft) > 4 * INLINE_BELOW_CHARS
    async with PlanForge(model="offline", settings=Settings(cpu_workers=1)) as forge:
        await forge.cpu_pool.start()
        sent = await _sent_to_the_pool(forge, lambda: forge.generate_plan(request), monkeypatch)
        plan = await forge.generate_plan(request)  # and the answer is the one the offline coach gives inline

    inline = await PlanForge(model="offline").generate_plan(request)
    assert sorted(set(sent)) == ["_output_call", "_segmented", "read_weeks"]
    assert plan.model_dump(exclude={"usage"}) == inline.model_dump(exclude={"usage"})


async def test_a_small_drafts_work_stays_on_the_event_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    async with PlanForge(model="offline") as forge:
        await forge.cpu_pool.start()
        sent = await _sent_to_the_pool(forge, lambda: forge.generate_plan(_plan_request(2)), monkeypatch)
    assert sent == []


async def test_work_runs_in_other_processes_with_a_lower_priority() -> None:
    pool = WorkerPool(1, niceness=5)
    await pool.start()
    with worker_context(pool, ProcessingBudget(60)):
        pid, niceness = await run_cpu(os.getpid), await run_cpu(os.nice, 0)
    await pool.aclose()
    assert pid != os.getpid()
    assert niceness == min(19, os.nice(0) + 5)


async def test_the_pool_runs_work_in_its_workers_only(pool: WorkerPool) -> None:
    with worker_context(pool, ProcessingBudget(60)):
        pids = set(await asyncio.gather(*(run_cpu(os.getpid) for _ in range(20))))
    assert pids <= _workers()
    assert len(_workers()) == 2


async def test_a_task_beyond_its_cpu_budget_is_stopped_and_its_worker_replaced(pool: WorkerPool) -> None:
    budget = ProcessingBudget(1, "refined_draft")
    with worker_context(pool, budget), pytest.raises(ProcessingBudgetError) as caught:
        await run_cpu(sum, FOREVER)  # would never return: the CPU-time limit ends it
    assert (caught.value.field, caught.value.code) == ("refined_draft", "processing_budget_exceeded")

    with worker_context(pool, ProcessingBudget(60)):
        assert await run_cpu(os.getpid) in _workers()  # the pool works on, with a new worker


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads worker CPU times from /proc")
async def test_cancelling_a_running_task_stops_its_worker(pool: WorkerPool) -> None:
    before = {pid: _cpu_seconds(pid) for pid in _workers()}
    with worker_context(pool, ProcessingBudget(600)):
        task = asyncio.create_task(run_cpu(sum, FOREVER))
        spinning = None
        while spinning is None:  # until a worker is seen computing
            await asyncio.sleep(0.1)
            spinning = next((pid for pid in before if _cpu_seconds(pid) > before[pid] + 0.2), None)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    for _ in range(200):
        if spinning not in _workers():
            break
        await asyncio.sleep(0.05)
    assert spinning not in _workers()
    assert not _exists(spinning)  # stopped, not only forgotten


async def test_a_draft_error_found_in_a_worker_is_the_same_error(pool: WorkerPool) -> None:
    request = _plan_request(4, padding=400).model_copy(update={"weeks": 5})
    async with PlanForge(model="offline") as forge:
        with pytest.raises(DraftStructureError) as inline:
            await forge.generate_plan(request)
        await forge.cpu_pool.start()
        with pytest.raises(DraftStructureError) as in_worker:
            await forge.generate_plan(request)
    assert (in_worker.value.field, in_worker.value.message) == (inline.value.field, inline.value.message)


async def test_before_the_pool_is_started_work_runs_inline() -> None:
    pool = WorkerPool(1)
    with worker_context(pool, ProcessingBudget(60)):
        assert await run_cpu_sized(10 * INLINE_BELOW_CHARS, os.getpid) == os.getpid()
    assert await run_cpu(os.getpid) == os.getpid()  # and outside a generation


async def test_inline_work_beyond_the_budget_fails_naming_the_field() -> None:
    budget = ProcessingBudget(1e-6, "refined_draft")
    with worker_context(WorkerPool(1), budget), pytest.raises(ProcessingBudgetError) as caught:
        await run_cpu(sum, range(200_000))
    assert caught.value.field == "refined_draft"


async def test_a_forges_pool_is_sized_by_settings_and_closed_with_it() -> None:
    forge = PlanForge(model="offline", settings=Settings(cpu_workers=3))
    assert (forge.cpu_pool.workers, forge.cpu_pool.started) == (3, False)
    await forge.generate_draft(DraftRequest(weeks=2, level="beginner", org_id="org"))
    await forge.aclose()
    with pytest.raises(RuntimeError):
        await forge.cpu_pool.start()
