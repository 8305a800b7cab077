"""iCalendar (RFC 5545) export with `icalendar`: one all-day event per workout on its date.

The summary is the workout's name; the description is the workout's own text, then its steps in intervals.icu
syntax (readable as they are, and pasteable into intervals.icu), then the week's phase and focus. UIDs come
from `planforge.export.naming`, so re-importing an edited plan updates its events. All-day workouts are
transparent: they do not block the day as busy.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from icalendar import TRANSP, Calendar, Event

from planforge.domain.plan import Plan, PlanWorkout, WeekInfo
from planforge.exceptions import InvalidRequestError
from planforge.export.icu_text import workout_to_icu
from planforge.export.naming import calendar_uid, plan_identity, positioned, workout_uid

PRODID: Final = "-//planforge//training plan export//EN"


def require_dates(plan: Plan) -> None:
    """Raise InvalidRequestError naming the first workout without a date: a calendar needs dates."""
    for index, workout in enumerate(plan.content):
        if workout.date is None:
            raise InvalidRequestError(
                f"week {workout.week} {workout.day} ({workout.workout_name!r}) has no date; an iCalendar export"
                " needs dated workouts: generate the plan with a start_date",
                field=f"content.{index}.date",
            )


def event_description(workout: PlanWorkout, week: WeekInfo | None) -> str:
    """The workout's text, its steps in intervals.icu syntax, and its week's phase and focus."""
    parts = [workout.workout_description, workout_to_icu(workout).strip()]
    if week is not None:
        parts.append(f"Week {workout.week} · {week.phase} · {week.focus}")
    return "\n\n".join(parts)


def workout_event(workout: PlanWorkout, *, uid: str, stamp: dt.datetime, week: WeekInfo | None = None) -> Event:
    """The all-day event of one dated workout."""
    if workout.date is None:
        raise InvalidRequestError("the workout has no date; an iCalendar event needs one", field="date")
    return Event.new(
        uid=uid,
        stamp=stamp,
        start=workout.date,
        end=workout.date + dt.timedelta(days=1),
        summary=workout.workout_name,
        description=event_description(workout, week),
        categories=[workout.workout_type, workout.workout_sub_type, workout.phase],
        transparency=TRANSP.TRANSPARENT,
    )


def to_ics(
    plan: Plan,
    *,
    plan_id: str | None = None,
    org_id: str | None = None,
    stamp: dt.datetime | None = None,
    calendar_name: str = "Training plan",
) -> bytes:
    """The plan as an iCalendar file.

    `plan_id` and `org_id` make the UIDs this plan's own (default: the plan's week-1 date); `stamp` is the
    DTSTAMP of every event (default: now, in UTC). Raises InvalidRequestError when a workout has no date.
    """
    require_dates(plan)
    stamp = stamp or dt.datetime.now(dt.UTC)
    identity = plan_identity(plan, plan_id=plan_id, org_id=org_id)
    events = [
        workout_event(workout, uid=workout_uid(identity, workout, position), stamp=stamp,
                      week=plan.weekly_info.get(str(workout.week)))
        for position, workout in positioned(plan.content)
    ]  # fmt: skip
    calendar = Calendar.new(
        prodid=PRODID, uid=calendar_uid(identity), name=calendar_name, calscale="GREGORIAN", method="PUBLISH"
    )
    for event in events:
        calendar.add_component(event)
    return calendar.to_ical()
