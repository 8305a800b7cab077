"""Taper and race week (Q7, Q8): the week before the race is light, its sessions short, the last hard session a
few days out, and the day before rest or a shake-out.

"Race week" is the seven days before the race day; the peak week is the heaviest calendar week before them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from pydantic_evals.evaluators import Evaluator, EvaluatorOutput

from planforge.coaching import (
    LAST_HARD_SESSION_DAYS_BEFORE_RACE,
    RACE_WEEK_VOLUME_OF_PEAK,
    day_before_race_max_minutes,
    race_week_session_limit,
    taper_days,
)
from planforge.domain.requests import DraftRequest
from planforge.evals.evaluators.base import (
    V2Context,
    checked,
    expectations,
    not_applicable,
    plan_view,
    rounded,
)
from planforge.evals.evaluators.knowledge import race_of, race_plan_day
from planforge.evals.evaluators.sessions import Session
from planforge.evals.expectations import CaseExpectationsV2
from planforge.evals.schema import PlanOutcome

RACE_WEEK_DAYS = 7


def sized_in_race_week(race_week: list[Session], race_day: int) -> list[Session]:
    """The race-week sessions the race-week size limit applies to: the easy and long ones of the last days.

    Left out, as the sources have them: the quality session, whose intensity the taper keeps (Bosquet 2007: the
    hard sessions stay hard, only shorter) and whose size is its warm-up, work and cool-down (Pfitzinger's and
    Daniels' race weeks hold a 10–12 km session of intervals 4–5 days out); run/walk sessions, easy by nature
    (the NHS Couch to 5K's last week is three sessions of 5 min walk, 30 min run, 5 min walk); and the sessions
    more than `LAST_HARD_SESSION_DAYS_BEFORE_RACE.max` days out, where the notes still allow the last hard
    session and a progressive taper has cut least (a Saturday race's Sunday long run, six days out, ends the
    week before in Pfitzinger's schedules). Race-week volume as a whole is judged by `race_week` over all seven days.
    """
    first = race_day - LAST_HARD_SESSION_DAYS_BEFORE_RACE.max
    return [s for s in race_week if s.plan_day >= first and not s.is_quality and not s.is_run_walk]


@dataclass
class TaperAndRaceWeek(Evaluator[DraftRequest, PlanOutcome, CaseExpectationsV2]):
    """`taper`: the share of taper checks met: race-week volume at most the knowledge's share of the peak week,
    every easy or long session of the last days within the race-week limit of its leg (`sized_in_race_week`),
    no hard session closer to the race than the knowledge allows (the day before excepted: its strides or
    openers are judged by its length), the day before the race rest or a shake-out no longer than the knowledge
    allows for the race's sport.

    Measured: `taper.race_week_share` (of the peak week), `taper.days_since_hard` (from the last hard session to
    the race), `taper.day_before_minutes`.
    """

    def evaluate(self, ctx: V2Context) -> EvaluatorOutput:
        expect = expectations(ctx)
        race, race_day = race_of(expect), race_plan_day(expect)
        if race is None or race_day is None:
            return not_applicable("taper", "the request names no race")
        view = plan_view(ctx)
        before = [s for s in view.training if s.plan_day < race_day]
        race_week = [s for s in before if s.plan_day > race_day - RACE_WEEK_DAYS]
        if not before:
            return not_applicable("taper", "the plan has no training before the race")
        # The peak week is looked for before the longest taper the race may have: a plan that starts inside
        # the taper has no peak week to compare race week with.
        taper_start = race_day - math.ceil(taper_days(race).max)
        pre_taper = {s.week for s in before if s.week * 7 <= taper_start}
        peak = max((sum(s.minutes for s in before if s.week == week) for week in pre_taper), default=0.0)
        share = sum(s.minutes for s in race_week) / peak if peak else None
        # The day before is judged by its length alone: its strides or openers prime the legs, they are no hard
        # session (FasCat: "openers aren't a training workout"; the notes' shake-out).
        hard = [s.plan_day for s in before if s.is_quality and s.plan_day < race_day - 1]
        days_since_hard = race_day - max(hard) if hard else None
        day_before = sum(s.minutes for s in before if s.plan_day == race_day - 1)
        too_long = [
            f"{s.day} {s.sport} {s.minutes:.0f} min"
            for leg in race.legs
            for s in sized_in_race_week(race_week, race_day)
            if s.sport == leg
            and not race_week_session_limit(race, ctx.inputs.level, leg).allows(minutes=s.minutes, km=s.km)
        ]
        checks: dict[str, tuple[bool, str]] = {}
        if share is not None:
            checks["race_week"] = (share <= RACE_WEEK_VOLUME_OF_PEAK.max, f"race week at {share:.0%} of the peak week")
        checks |= {
            "race_week_sessions": (not too_long, f"race-week sessions too long: {', '.join(too_long)}"),
            "last_hard": (
                days_since_hard is None or days_since_hard >= LAST_HARD_SESSION_DAYS_BEFORE_RACE.min,
                f"hard session {days_since_hard} days before the race",
            ),
            "day_before": (
                day_before <= day_before_race_max_minutes(race),
                f"{day_before:.0f} min the day before the race",
            ),
        }
        result = checked("taper", checks)
        result["taper.day_before_minutes"] = day_before
        if share is not None:
            result["taper.race_week_share"] = share
        if days_since_hard is not None:
            result["taper.days_since_hard"] = float(days_since_hard)
        return rounded(result)
