"""Coaching rules: planforge.quality's checks on the plan, each reported with its measured value."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from pydantic_evals.evaluators import Evaluator, EvaluatorContext, EvaluatorOutput

from planforge.domain.requests import DraftRequest
from planforge.evals.schema import CaseExpectations, PlanOutcome
from planforge.quality import Status, check_all

STATUS_SCORE: Final[dict[Status, float]] = {"pass": 1.0, "warn": 0.5, "fail": 0.0}


@dataclass
class CoachingRules(Evaluator[DraftRequest, PlanOutcome, CaseExpectations]):
    """Every rule of `planforge.quality.check_all`: `coaching.<rule>` is 1 (pass), 0.5 (warn) or 0 (fail),
    `coaching.<rule>.value` the measured value; `coaching` is the mean status and `coaching.ok` means no rule
    failed. Race plans (the case's `race`) must taper."""

    def evaluate(self, ctx: EvaluatorContext[DraftRequest, PlanOutcome, CaseExpectations]) -> EvaluatorOutput:
        race = ctx.metadata.race if ctx.metadata is not None else False
        results = check_all(ctx.output.plan.content, ctx.inputs.weeks, race)
        output: dict[str, float | bool] = {}
        for result in results:
            output[f"coaching.{result.rule}"] = STATUS_SCORE[result.status]
            output[f"coaching.{result.rule}.value"] = result.value
        output["coaching"] = round(sum(STATUS_SCORE[r.status] for r in results) / len(results), 4)
        output["coaching.ok"] = all(result.status != "fail" for result in results)
        return output
