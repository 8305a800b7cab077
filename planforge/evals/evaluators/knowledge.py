"""The coaching knowledge the v2 evaluators apply to a case: `planforge.coaching`, read for its race and level.

No coaching figure is written in an evaluator: each comes from `planforge.coaching` through here.
"""

from __future__ import annotations

import math

from planforge.coaching import Race, race_for, taper_days
from planforge.domain.vocabulary import weekday_index
from planforge.evals.expectations import CaseExpectationsV2


def race_of(expect: CaseExpectationsV2) -> Race | None:
    """The case's race as the knowledge tables know it, if it has one."""
    if expect.race is None:
        return None
    return race_for(expect.race.distance, expect.race.distance_km, expect.race.sport)


def race_plan_day(expect: CaseExpectationsV2) -> int | None:
    """The race's day in the plan (week 1 Monday is 0)."""
    if expect.race is None:
        return None
    return (expect.race.week - 1) * 7 + weekday_index(expect.race.day)


def taper_start_week(expect: CaseExpectationsV2) -> int | None:
    """The first week the longest taper for the case's race may reach into; None without a race."""
    race, race_day = race_of(expect), race_plan_day(expect)
    if race is None or race_day is None:
        return None
    start_day = race_day - math.ceil(taper_days(race).max)
    return max(1, start_day // 7 + 1)
