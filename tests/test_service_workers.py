"""CPU-bound work of a generation runs in the service's bounded worker pool, charged to a per-request budget."""

from __future__ import annotations

import asyncio
import threading

import pytest

from planforge import DraftRequest, PlanForge, PlanRequest, Settings
from planforge.offline import model as offline_model
from planforge.pipeline.workers import (
    INLINE_BELOW_CHARS,
    ProcessingBudget,
    ProcessingBudgetError,
    new_worker_pool,
    run_cpu,
    worker_context,
)

pytestmark = pytest.mark.anyio

WEEK = "- Tuesday: Easy run 30 min\n- Thursday: Tempo run 20 min\n- Saturday: Long run 8 km\n"


def _plan_request(weeks: int, padding: int = 0) -> PlanRequest:
    text = "\n".join(f"Week {w}:\n{WEEK}" + "- Note: keep it easy\n" * padding for w in range(1, weeks + 1))
    return PlanRequest(weeks=weeks, level="beginner", org_id="org", refined_draft=text)


async def _threads_converting(request: PlanRequest, monkeypatch: pytest.MonkeyPatch) -> set[str]:
    threads: set[str] = set()
    plan_args = offline_model._plan_args  # pyright: ignore[reportPrivateUsage]

    def recording(sections: dict[str, str]) -> str:
        threads.add(threading.current_thread().name)
        return plan_args(sections)

    monkeypatch.setattr(offline_model, "_plan_args", recording)
    await PlanForge(model="offline").generate_plan(request)
    return threads


async def test_a_large_drafts_conversion_runs_in_the_worker_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    request = _plan_request(4, padding=400)  # one week a chunk, each above the inline size
    assert len(request.refined_draft) > 4 * INLINE_BELOW_CHARS
    threads = await _threads_converting(request, monkeypatch)
    assert threads
    assert all(name.startswith("planforge-cpu") for name in threads)


async def test_a_small_chunk_is_converted_on_the_event_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    assert await _threads_converting(_plan_request(2), monkeypatch) == {threading.current_thread().name}


async def test_the_pool_runs_at_most_cpu_workers_jobs_at_once() -> None:
    running, most = 0, 0
    lock = threading.Lock()
    release = threading.Event()

    def job() -> None:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        release.wait(0.05)
        with lock:
            running -= 1

    pool = new_worker_pool(2)
    with worker_context(pool, ProcessingBudget(60)):
        await asyncio.gather(*(run_cpu(job) for _ in range(6)))
    pool.shutdown()
    assert most == 2


async def test_work_beyond_the_budget_fails_naming_the_field() -> None:
    pool = new_worker_pool(1)
    with worker_context(pool, ProcessingBudget(1e-6, "refined_draft")), pytest.raises(ProcessingBudgetError) as caught:
        await run_cpu(sum, range(200_000))
    pool.shutdown()
    assert (caught.value.field, caught.value.code) == ("refined_draft", "processing_budget_exceeded")


async def test_without_a_worker_context_work_runs_inline() -> None:
    assert await run_cpu(threading.current_thread) is threading.current_thread()


async def test_a_forges_pool_is_sized_by_settings_and_closed_with_it() -> None:
    forge = PlanForge(model="offline", settings=Settings(cpu_workers=3))
    assert forge.cpu_pool._max_workers == 3  # pyright: ignore[reportPrivateUsage]
    await forge.generate_draft(DraftRequest(weeks=2, level="beginner", org_id="org"))
    await forge.aclose()
    with pytest.raises(RuntimeError):
        forge.cpu_pool.submit(int)
