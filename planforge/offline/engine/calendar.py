"""The plan's calendar: which weekday it starts on, where the race falls, and the order of days in a week.

Week N spans start + 7·(N−1) … +6 (as the plan's dates are given), so when the plan starts on a Wednesday,
week N's Monday comes after its Sunday. Everything that depends on "before" and "after" inside a week (the
race, the day before it, nothing after it) uses a day's offset from the week's first day, never its name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planforge.domain.requirements import RaceRequirement
from planforge.domain.vocabulary import WEEKDAYS, Weekday, weekday_index


@dataclass(frozen=True)
class Calendar:
    """The plan's start and its race slot."""

    start: dt.date | None
    """The plan's first day, when known."""
    first_day: int
    """Weekday index (Monday 0) of each week's first day."""

    def offset(self, day: Weekday) -> int:
        """How many days after the week's first day `day` falls (0–6)."""
        return (weekday_index(day) - self.first_day) % 7

    def day_at(self, offset: int) -> Weekday:
        """The weekday `offset` days after the week's first day."""
        return WEEKDAYS[(self.first_day + offset) % 7]

    def date_of(self, week: int, day: Weekday) -> dt.date | None:
        """The date of `day` in plan week `week`, when the plan has a start date."""
        if self.start is None:
            return None
        return self.start + dt.timedelta(days=7 * (week - 1) + self.offset(day))


@dataclass(frozen=True)
class RaceSlot:
    """Where the race falls: its week and weekday, and why it is not where the request put it (if it is not)."""

    week: int
    day: Weekday
    note: str = ""
    """Empty when the race is on its date; else what happened ("after-plan", "before-last-week")."""


def calendar_for(start: dt.date | None) -> Calendar:
    """The calendar of a plan starting on `start` (Monday when unknown)."""
    return Calendar(start, start.weekday() if start is not None else 0)


def race_slot(race: RaceRequirement, weeks: int, calendar: Calendar, default_day: Weekday) -> RaceSlot | None:
    """The race's week and day: its date when it falls inside the plan; else the last week, on its weekday."""
    day: Weekday = race.day or default_day
    if race.date is not None and calendar.start is not None:
        week = (race.date - calendar.start).days // 7 + 1
        day = WEEKDAYS[race.date.weekday()]
        if week > weeks:
            return RaceSlot(weeks, day, "after-plan")
        if 1 <= week < weeks:
            return RaceSlot(week, day, "before-last-week")
        if week == weeks:
            return RaceSlot(week, day)
    return RaceSlot(weeks, day)
