"""Hand-made plans and evaluator contexts for the evaluator tests."""

from __future__ import annotations

from typing import Any

from pydantic_evals.evaluators import EvaluatorContext

from planforge.domain.plan import Plan, PlanWorkout, WeekInfo
from planforge.domain.requests import DraftRequest
from planforge.domain.vocabulary import Phase, Weekday
from planforge.evals.expectations import CaseExpectationsV2
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


def context_v2(
    plan: Plan,
    *,
    draft: str = GOOD_DRAFT,
    weeks: int | None = None,
    level: str = "intermediate",
    **expect: Any,
) -> EvaluatorContext[DraftRequest, PlanOutcome, CaseExpectationsV2]:
    """The context a v2 evaluator sees for `plan` on a request of `weeks` weeks with expectations `expect`."""
    request = DraftRequest(weeks=weeks or len(plan.weekly_info), level=level, org_id="eval")  # type: ignore[arg-type]
    metadata = CaseExpectationsV2.model_validate({"golden_draft": GOOD_DRAFT, "goal": "test", **expect})
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


def weeks_of(*weeks: list[PlanWorkout]) -> Plan:
    """A plan of the given weeks of workouts (phase labels do not matter to the v2 evaluators)."""
    return plan_of([w for week in weeks for w in week], ["build"] * len(weeks))


def run_week(week: int, minutes: tuple[int, ...] = (40, 30, 40, 60), **fields: Any) -> list[PlanWorkout]:
    """Easy runs on Tuesday, Thursday and Saturday and a long run on Sunday, of `minutes`."""
    days: tuple[Weekday, ...] = ("Tuesday", "Thursday", "Saturday", "Sunday")
    kinds = ("easy-run", "easy-run", "easy-run", "long-run")
    return [workout(week, day, kind, m, **fields) for day, kind, m in zip(days, kinds, minutes, strict=False)]
