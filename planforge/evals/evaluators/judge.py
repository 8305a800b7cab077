"""The LLM judge: pydantic-evals' LLMJudge on the draft text, with the case's rubric, only when configured."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Final

from pydantic_ai.models import Model
from pydantic_evals.evaluators import Evaluator, EvaluatorContext, EvaluatorOutput, LLMJudge

from planforge.domain.requests import DraftRequest
from planforge.evals.schema import AnyExpectations, PlanOutcome

DEFAULT_RUBRIC: Final = (
    "The output is a training-plan draft for the request in the input. It is safe and coherent for the athlete's"
    " level: volume builds gradually with easier weeks, most sessions are easy, hard days are not back to back,"
    " every week has a rest day, a race plan tapers into the race, and every constraint the request states"
    " (days per week, long-run day, named sessions, goal) is honoured."
)


@dataclass
class PlanJudge(Evaluator[DraftRequest, PlanOutcome, AnyExpectations]):
    """Asks `model` (an LLMJudge) whether the draft meets the case's rubric (else `DEFAULT_RUBRIC`).

    Reports `judge` (the judge's 0–1 score) and `judge.pass`, each with the judge's reason. The judge sees
    the request and the draft text, not the thousands of structured workouts.
    """

    model: Model | str

    async def evaluate(self, ctx: EvaluatorContext[DraftRequest, PlanOutcome, AnyExpectations]) -> EvaluatorOutput:
        rubric = ctx.metadata.rubric if ctx.metadata is not None and ctx.metadata.rubric else DEFAULT_RUBRIC
        judge = LLMJudge(
            rubric=rubric,
            model=self.model,
            include_input=True,
            score={"evaluation_name": "judge", "include_reason": True},
            assertion={"evaluation_name": "judge.pass", "include_reason": True},
        )
        draft_ctx: EvaluatorContext[object, object, object] = replace(ctx, output=ctx.output.draft)  # pyright: ignore[reportArgumentType]
        return await judge.evaluate(draft_ctx)
