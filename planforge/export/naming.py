"""Names that must stay stable across exports: calendar UIDs, file names inside archives, download names.

A workout's identity is its place in the plan — plan identity, week, day, and its position among that day's
workouts — never its content: re-exporting an edited plan gives every workout the UID it had, so a calendar
updates the event instead of adding a second one.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import uuid
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Final

from planforge.domain.plan import Plan, PlanWorkout
from planforge.domain.vocabulary import weekday_index

_UID_NAMESPACE: Final = uuid.UUID("6f1c3b1e-2d4a-5b8e-9c61-70b5a1e0d3f4")
"""Fixed, so UIDs are the same on every machine and in every release."""
UID_DOMAIN: Final = "planforge"


def slug(text: str, *, fallback: str = "workout", max_length: int = 48) -> str:
    """ASCII file-name part: "Intervals 5 × 3 min" → "intervals-5-3-min"; `fallback` when nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return words[:max_length].rstrip("-") or fallback


def positioned(workouts: Sequence[PlanWorkout]) -> Iterator[tuple[int, PlanWorkout]]:
    """Each workout with its 1-based position among the workouts of its week and day, in plan order."""
    seen: Counter[tuple[int, str]] = Counter()
    for workout in workouts:
        seen[(workout.week, workout.day)] += 1
        yield seen[(workout.week, workout.day)], workout


def week_one_anchor(plan: Plan) -> dt.date | None:
    """The Monday on or before the plan's first training slot; None for an undated plan.

    Every workout's date moved back by its week lands inside week 1, so the earliest of those is set by the
    plan's start and its earliest training weekday, and its Monday (the start itself, for plans starting on a
    Monday) does not move when workouts are edited, added or removed within the week.
    """
    dates = [w.date - dt.timedelta(weeks=w.week - 1) for w in plan.content if w.date is not None]
    if not dates:
        return None
    first = min(dates)
    return first - dt.timedelta(days=first.weekday())


def plan_identity(plan: Plan, *, plan_id: str | None = None, org_id: str | None = None) -> str:
    """What makes this plan's UIDs its own: the org, and `plan_id` or else the plan's week-1 anchor date."""
    anchor = week_one_anchor(plan)
    own = plan_id or (anchor.isoformat() if anchor else "undated")
    return f"{org_id or '-'}/{own}"


def calendar_uid(identity: str) -> str:
    """A stable UID for the calendar of a plan."""
    return f"{uuid.uuid5(_UID_NAMESPACE, identity)}@{UID_DOMAIN}"


def workout_uid(identity: str, workout: PlanWorkout, position: int) -> str:
    """A stable iCalendar UID for the workout at this place of the plan."""
    key = f"{identity}/week-{workout.week}/{workout.day}/{position}"
    return f"{uuid.uuid5(_UID_NAMESPACE, key)}@{UID_DOMAIN}"


def workout_file_stem(workout: PlanWorkout, position: int) -> str:
    """A file name inside a plan archive, sorting in plan order: `w01-d3-1-intervals-5-3-min`."""
    return f"w{workout.week:02d}-d{weekday_index(workout.day) + 1}-{position}-{slug(workout.workout_name)}"


def plan_file_stem(plan: Plan) -> str:
    """The download name of a whole plan: `training-plan-2026-05-04`, or `training-plan` when undated."""
    anchor = week_one_anchor(plan)
    return f"training-plan-{anchor.isoformat()}" if anchor else "training-plan"
