"""The constraints the athlete stated (rule Q18), each checked only when the case states it.

Allowed and excluded weekdays, no back-to-back days per sport, time caps, hours per week, training days per
week, sessions per sport and the long-session day per sport. The race itself is the athlete's fixed date,
not a constraint breach; per-week counts skip the race week, and sessions per sport also skip the taper.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from pydantic_evals.evaluators import Evaluator, EvaluatorOutput

from planforge.domain.requests import DraftRequest
from planforge.domain.vocabulary import WEEKDAYS
from planforge.evals.evaluators.base import (
    V2Context,
    checked,
    expectations,
    not_applicable,
    plan_view,
    race_week,
    rounded,
)
from planforge.evals.evaluators.knowledge import taper_start_week
from planforge.evals.evaluators.sessions import PlanView, full_weeks
from planforge.evals.expectations import CaseExpectationsV2
from planforge.evals.schema import PlanOutcome

HOURS_TOLERANCE: Final = 0.05
"""Weekly hours within 5 % of the stated bounds count as kept: sessions given only by distance are timed at
reference paces, which is an estimate."""

Measured = tuple[float, bool]
"""A constraint's measured value and whether it is kept."""


def off_days(view: PlanView, expect: CaseExpectationsV2) -> Measured:
    """Training sessions on a weekday the athlete ruled out (not allowed, or excluded)."""
    allowed = set(expect.allowed_days or WEEKDAYS) - set(expect.excluded_days)
    wrong = sum(s.day not in allowed for s in view.training)
    return float(wrong), wrong == 0


def back_to_back(view: PlanView, expect: CaseExpectationsV2) -> Measured:
    """Pairs of consecutive days that both hold a session of a sport that must not be back to back."""
    pairs = 0
    for sport in expect.no_back_to_back:
        days = {s.plan_day for s in view.sessions if s.sport == sport}
        pairs += sum(day + 1 in days for day in days)
    return float(pairs), pairs == 0


def time_caps(view: PlanView, expect: CaseExpectationsV2) -> Measured:
    """The largest overrun of a session's time cap, in minutes (0 when every session fits)."""
    assert expect.time_caps is not None
    caps = expect.time_caps
    overruns = [s.minutes - cap for s in view.training if (cap := caps.cap_for(s.day)) is not None]
    worst = max([0.0, *overruns])
    return worst, worst < 0.5  # a rounded minute is not an overrun


def hours_per_week(view: PlanView, expect: CaseExpectationsV2, race: int | None, taper: int | None) -> Measured:
    """The hours of the week furthest outside the stated range (its hours); the minimum holds before the taper."""
    assert expect.hours_per_week is not None
    low, high = expect.hours_per_week.min, expect.hours_per_week.max
    hours = [minutes / 60 for minutes in view.weekly_minutes()]
    worst_value, worst_miss = hours[0] if hours else 0.0, 0.0
    for week, value in enumerate(hours, start=1):
        before_taper = week in full_weeks(view.weeks, race) and (taper is None or week < taper)
        miss = 0.0
        if high is not None and value > high * (1 + HOURS_TOLERANCE):
            miss = value / high - 1
        if low is not None and before_taper and value < low * (1 - HOURS_TOLERANCE):
            miss = max(miss, 1 - value / low)
        if miss > worst_miss:
            worst_value, worst_miss = value, miss
    if worst_miss == 0.0 and hours:
        worst_value = max(hours)
    return worst_value, worst_miss == 0.0


def days_per_week(view: PlanView, expect: CaseExpectationsV2, weeks: list[int]) -> Measured:
    """The share of full weeks that train on exactly the stated number of days."""
    assert expect.days_per_week is not None
    kept = sum(len({s.day for s in view.in_week(w)}) == expect.days_per_week for w in weeks)
    return kept / len(weeks), kept == len(weeks)


def sessions_per_week(view: PlanView, expect: CaseExpectationsV2, weeks: list[int]) -> Measured:
    """The share of (week, sport) pairs before the taper with exactly the stated number of sessions; a tune-up
    race or time trial of the sport counts as one of them, as it does for the long-session day."""
    pairs = [(w, sport, n) for w in weeks for sport, n in expect.sessions_per_week.items()]
    kept = sum(sum(s.sport == sport for s in view.in_week(w, view.sessions)) == n for w, sport, n in pairs)
    return kept / len(pairs), kept == len(pairs)


def long_session_day(view: PlanView, expect: CaseExpectationsV2, weeks: list[int]) -> Measured:
    """The share of (week, sport) pairs whose long session of the sport is on the stated day: the session named
    a long run or ride, or else the longest of the sport that week; a week whose stated day holds a race of the
    sport (a tune-up race, a time trial) keeps the day."""
    pairs = [(w, sport, day) for w in weeks for sport, day in expect.long_session_day.items()]
    kept = 0
    for week, sport, day in pairs:
        if any(s.week == week and s.day == day and s.sport == sport for s in view.races):
            kept += 1  # a tune-up race or time trial on the long-session day is that week's long effort
            continue
        sessions = [s for s in view.in_week(week) if s.sport == sport]
        named = [s for s in sessions if s.is_long]
        longest = max((s.minutes for s in sessions), default=0.0)
        long_ones = named or [s for s in sessions if s.minutes >= longest - 0.5]
        kept += any(s.day == day for s in long_ones)
    return kept / len(pairs), kept == len(pairs)


@dataclass
class StatedConstraints(Evaluator[DraftRequest, PlanOutcome, CaseExpectationsV2]):
    """`constraints`: the share of the case's stated constraints the plan keeps; one measured value each.

    `constraints.off_days` (sessions on ruled-out days), `constraints.back_to_back` (consecutive-day pairs),
    `constraints.time_caps` (largest overrun, minutes), `constraints.hours_per_week` (hours of the week
    furthest out), `constraints.days_per_week`, `constraints.sessions_per_week` and
    `constraints.long_session_day` (shares of weeks kept).
    """

    def evaluate(self, ctx: V2Context) -> EvaluatorOutput:
        expect, view = expectations(ctx), plan_view(ctx)
        race = race_week(ctx)
        taper = taper_start_week(expect)
        weeks = full_weeks(view.weeks, race)
        before_taper = [w for w in weeks if taper is None or w < taper]
        checks: dict[str, Callable[[], Measured]] = {}
        if expect.allowed_days is not None or expect.excluded_days:
            checks["off_days"] = lambda: off_days(view, expect)
        if expect.no_back_to_back:
            checks["back_to_back"] = lambda: back_to_back(view, expect)
        if expect.time_caps is not None:
            checks["time_caps"] = lambda: time_caps(view, expect)
        if expect.hours_per_week is not None:
            checks["hours_per_week"] = lambda: hours_per_week(view, expect, race, taper)
        if expect.days_per_week is not None and weeks:
            checks["days_per_week"] = lambda: days_per_week(view, expect, weeks)
        if expect.sessions_per_week and before_taper:
            checks["sessions_per_week"] = lambda: sessions_per_week(view, expect, before_taper)
        if expect.long_session_day and weeks:
            checks["long_session_day"] = lambda: long_session_day(view, expect, weeks)
        if not checks:
            return not_applicable("constraints", "the request states no day, time, hour or session constraint")
        measured = {name: check() for name, check in checks.items()}
        result = checked(
            "constraints", {name: (ok, f"{name} not kept: {value:g}") for name, (value, ok) in measured.items()}
        )
        result |= {f"constraints.{name}": value for name, (value, _) in measured.items()}
        return rounded(result)
