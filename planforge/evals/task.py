"""Running one case: draft, then plan from that draft, timing each step.

Requests, tokens and cost are not counted here but by the metered models (`planforge.evals.metering`), so a
case that fails halfway still shows what its requests spent.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable

from pydantic_evals import increment_eval_metric

from planforge.domain.requests import DraftRequest, PlanRequest
from planforge.evals.schema import PlanOutcome
from planforge.service import PlanForge

PlanTask = Callable[[DraftRequest], Awaitable[PlanOutcome]]


def plan_task(forge: PlanForge) -> PlanTask:
    """The eval task for `forge`: generate the draft, convert it, and record how long each step took.

    Metrics (per case): draft_seconds, plan_seconds. The task starts once its model has a free slot, so its
    time is the case's own, never time spent waiting behind other cases.
    """

    async def run_case(request: DraftRequest) -> PlanOutcome:
        started = time.perf_counter()
        drafted = await forge.generate_draft(request)
        draft_done = time.perf_counter()
        plan = await forge.generate_plan(PlanRequest(**request.model_dump(), refined_draft=drafted.draft))
        increment_eval_metric("draft_seconds", draft_done - started)
        increment_eval_metric("plan_seconds", time.perf_counter() - draft_done)
        return PlanOutcome(draft=drafted.draft, plan=plan)

    return run_case
