"""Hand-made plans and evaluator contexts for the evaluator tests."""

from __future__ import annotations

from typing import Any

from pydantic_evals.evaluators import EvaluatorContext

from planforge.domain.plan import Plan, PlanWorkout, WeekInfo
from planforge.domain.requests import DraftRequest
from planforge.domain.vocabulary import Phase, Weekday
from planforge.evals.schema import CaseExpectations, PlanOutcome

GOOD_DRAFT = """Week 1: Base
- Monday: Rest
- Tuesday: Easy run 40 min
- Wednesday: Rest
- Thursday: Tempo run 30 min
- Friday: Rest
- Saturday: Easy run 40 min
- Sunday: Long run 50 min

Week 2: Build
- Monday: Rest
- Tuesday: Easy run 42 min
- Wednesday: Rest
- Thursday: Tempo run 32 min
- Friday: Rest
- Saturday: Easy run 42 min
- Sunday: Long run 52 min
"""


def workout(week: int, day: Weekday, sub_type: str, minutes: int, **fields: Any) -> PlanWorkout:
    """A run (or `workout_type=...`) of `minutes` on `day` of `week`."""
    return PlanWorkout.model_validate(
        {
            "week": week,
            "phase": fields.pop("phase", "base"),
            "day": day,
            "workout_name": sub_type,
            "workout_description": sub_type,
            "workout_type": fields.pop("workout_type", "run"),
            "workout_sub_type": sub_type,
            "target_duration_in_seconds": minutes * 60,
            **fields,
        }
    )


def week_of(week: int, scale: float = 1.0, *, long_day: Weekday = "Sunday") -> list[PlanWorkout]:
    """A four-run week (easy, tempo, easy, long), its minutes scaled by `scale`."""
    return [
        workout(week, "Tuesday", "easy-run", round(40 * scale)),
        workout(week, "Thursday", "tempo-run", round(30 * scale)),
        workout(week, "Saturday", "easy-run", round(40 * scale)),
        workout(week, long_day, "long-run", round(50 * scale)),
    ]


def plan_of(workouts: list[PlanWorkout], phases: list[Phase]) -> Plan:
    """A plan with `workouts` and one weekly_info entry per phase."""
    info = {str(n): WeekInfo(phase=phase, focus="Training") for n, phase in enumerate(phases, start=1)}
    return Plan(content=workouts, weekly_info=info)


def context(
    plan: Plan,
    *,
    draft: str = GOOD_DRAFT,
    weeks: int | None = None,
    preference: str = "ai_generate",
    **expect: Any,
) -> EvaluatorContext[DraftRequest, PlanOutcome, CaseExpectations]:
    """The context an evaluator sees for `plan` (and `draft`) on a request of `weeks` weeks."""
    request = DraftRequest(
        weeks=weeks or len(plan.weekly_info), level="intermediate", org_id="eval", workout_preference=preference
    )  # type: ignore[arg-type]
    metadata = CaseExpectations(golden_draft=expect.pop("golden", GOOD_DRAFT), goal="test", **{"race": False, **expect})
    return EvaluatorContext(
        name="case",
        inputs=request,
        metadata=metadata,
        expected_output=None,
        output=PlanOutcome(draft=draft, plan=plan),
        duration=0.0,
        _span_tree=None,  # pyright: ignore[reportArgumentType]
        attributes={},
        metrics={},
    )
