"""Running one case: draft, then plan from that draft, recording latency, tokens and estimated cost."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from genai_prices import Usage as PriceUsage
from genai_prices import calc_price
from pydantic_ai.models import Model
from pydantic_evals import increment_eval_metric, set_eval_attribute

from planforge.domain.requests import DraftRequest, PlanRequest
from planforge.domain.usage import Usage
from planforge.evals.schema import PlanOutcome
from planforge.llm import ModelChoice
from planforge.service import PlanForge
from planforge.settings import OFFLINE_MODEL

PlanTask = Callable[[DraftRequest], Awaitable[PlanOutcome]]


@dataclass(frozen=True)
class EvalModel:
    """A model under evaluation: what drafts, what converts (default: the same), and its name in reports."""

    model: ModelChoice
    """A pydantic-ai model string ("openai:gpt-4o-mini", "offline") or a Model instance."""
    plan_model: ModelChoice | None = None
    """The converting model, when it differs from `model`."""
    label: str | None = None
    """The row name in reports; default: the model string or the Model's name."""

    @property
    def name(self) -> str:
        """The row name in reports."""
        if self.label:
            return self.label
        return self.model if isinstance(self.model, str) else self.model.model_name


def estimate_cost(model: Model, usage: Usage) -> float | None:
    """USD cost of `usage` on `model` from genai-prices: 0 for the offline coach, None when the model is unknown."""
    if model.model_name == OFFLINE_MODEL or usage.requests == 0:
        return 0.0
    tokens = PriceUsage(input_tokens=usage.input_tokens, output_tokens=usage.output_tokens)
    try:
        return float(calc_price(tokens, model.model_name, provider_id=model.system).total_price)
    except LookupError:
        return None


def plan_task(forge: PlanForge) -> PlanTask:
    """The eval task for `forge`: generate the draft, convert it, and record the run's metrics.

    Metrics (per case): draft_seconds, plan_seconds, requests, input_tokens, output_tokens; the attribute
    cost_usd is the estimated cost, None when genai-prices does not know a model.
    """

    async def run_case(request: DraftRequest) -> PlanOutcome:
        started = time.perf_counter()
        drafted = await forge.generate_draft(request)
        draft_done = time.perf_counter()
        plan = await forge.generate_plan(PlanRequest(**request.model_dump(), refined_draft=drafted.draft))
        increment_eval_metric("draft_seconds", draft_done - started)
        increment_eval_metric("plan_seconds", time.perf_counter() - draft_done)
        usage = drafted.usage + plan.usage
        increment_eval_metric("requests", usage.requests)
        increment_eval_metric("input_tokens", usage.input_tokens)
        increment_eval_metric("output_tokens", usage.output_tokens)
        costs = [estimate_cost(forge.model, drafted.usage), estimate_cost(forge.plan_model, plan.usage)]
        # An attribute, not a metric: a metric incremented by 0 (the offline coach) is not recorded at all.
        set_eval_attribute("cost_usd", None if None in costs else sum(c for c in costs if c is not None))
        return PlanOutcome(draft=drafted.draft, plan=plan)

    return run_case
