"""Dates for a plan generated without a start date, so that it can still be a calendar."""

from __future__ import annotations

import datetime as dt

from planforge.domain.plan import Plan
from planforge.pipeline.converting import scheduled_date


def coming_monday(today: dt.date) -> dt.date:
    """The Monday after `today` (a week later when today is a Monday): where an undated plan's calendar starts."""
    return today + dt.timedelta(days=7 - today.weekday())


def dated(plan: Plan, start: dt.date) -> Plan:
    """`plan` with its undated workouts placed on the calendar as if the plan started on `start`."""
    if all(workout.date is not None for workout in plan.content):
        return plan
    content = [
        workout if workout.date is not None else workout.model_copy(update={"date": scheduled_date(start, workout)})
        for workout in plan.content
    ]
    return plan.model_copy(update={"content": content})


def calendar_ready(plan: Plan, today: dt.date | None = None) -> Plan:
    """`plan`, its undated workouts placed from the coming Monday (of `today`, by default the UTC date)."""
    return dated(plan, coming_monday(today or dt.datetime.now(dt.UTC).date()))
