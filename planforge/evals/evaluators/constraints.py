"""Constraints: the request's days per week, long-run day and recurring sessions, week by week."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from pydantic_evals.evaluators import Evaluator, EvaluatorContext, EvaluatorOutput

from planforge.domain.plan import Workout
from planforge.domain.requests import DraftRequest
from planforge.evals.schema import CaseExpectations, PlanOutcome
from planforge.quality.measures import LONG_SUB_TYPES

PASS_SHARE: Final = 0.9
"""A constraint holds when at least this share of the weeks keeps it (one slip in a 10-week plan)."""


def checked_weeks(weeks: int, race: bool) -> list[int]:
    """The weeks constraints apply to: all, except the race week of a race plan longer than one week."""
    last = weeks - 1 if race and weeks > 1 else weeks
    return list(range(1, last + 1))


def days_per_week_share(workouts: Sequence[Workout], weeks: list[int], expected: int) -> float:
    """Share of `weeks` that train on exactly `expected` distinct days."""
    days = {week: {w.day for w in workouts if w.week == week} for week in weeks}
    return sum(len(days[week]) == expected for week in weeks) / len(weeks)


def long_day_share(workouts: Sequence[Workout], weeks: list[int], day: str) -> float:
    """Share of `weeks` whose long session falls on `day` (a week without a long session misses)."""
    on_day = {w.week for w in workouts if w.workout_sub_type in LONG_SUB_TYPES and w.day == day}
    return sum(week in on_day for week in weeks) / len(weeks)


def recurring_share(workouts: Sequence[Workout], weeks: list[int], kinds: Sequence[str]) -> float:
    """Share of `weeks` holding every required session (matched by workout_type or workout_sub_type)."""
    wanted = Counter(kinds)

    def complete(week: int) -> bool:
        held = Counter[str]()
        for workout in workouts:
            if workout.week == week:
                held.update({workout.workout_type, workout.workout_sub_type})
        return all(held[kind] >= count for kind, count in wanted.items())

    return sum(complete(week) for week in weeks) / len(weeks)


@dataclass
class RequestConstraints(Evaluator[DraftRequest, PlanOutcome, CaseExpectations]):
    """Each constraint the case names, as the share of weeks keeping it; `constraints` is their mean.

    Reports nothing for a case without constraints, or one whose only week is race week.
    """

    def evaluate(self, ctx: EvaluatorContext[DraftRequest, PlanOutcome, CaseExpectations]) -> EvaluatorOutput:
        expect, workouts = ctx.metadata, ctx.output.plan.content
        if expect is None:
            return {}
        weeks = checked_weeks(ctx.inputs.weeks, expect.race)
        shares: dict[str, float] = {}
        if weeks and expect.days_per_week is not None:
            shares["constraints.days_per_week"] = days_per_week_share(workouts, weeks, expect.days_per_week)
        if weeks and expect.long_run_day is not None:
            shares["constraints.long_run_day"] = long_day_share(workouts, weeks, expect.long_run_day)
        if weeks and expect.recurring:
            shares["constraints.recurring"] = recurring_share(workouts, weeks, expect.recurring)
        if not shares:
            return {}
        result: dict[str, float | bool] = {key: round(value, 4) for key, value in shares.items()}
        result["constraints"] = round(sum(shares.values()) / len(shares), 4)
        result["constraints.ok"] = all(value >= PASS_SHARE for value in shares.values())
        return result
