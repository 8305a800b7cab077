"""The offline coach's periodization engine: a deterministic training-plan draft from a DraftRequest.

    read_requirements(additional_prompt, principle) → Requirements   (what the free text asks for)
    write_plan(request, principle) → EnginePlan                       (draft + the same sessions, typed)

Same request, same plan: no randomness, no clock. The draft's session texts use a small regular vocabulary
(planforge.offline.engine.sessions) that the offline parser reads back to the same workouts.
"""

from __future__ import annotations

from dataclasses import dataclass

from planforge.domain.draft import Draft, DraftDay, DraftWeek
from planforge.domain.plan import WeekInfo, Workout
from planforge.domain.requests import DraftRequest
from planforge.domain.vocabulary import WEEKDAYS, Level, weekday_index
from planforge.offline.engine.describe import RACE_NAMES, overview, phase_entries, title, week_focus
from planforge.offline.engine.intensity import family_of
from planforge.offline.engine.paces import RACE_METERS, paces_for
from planforge.offline.engine.periodization import weekly_targets
from planforge.offline.engine.requirements import Goal, Requirements, read_requirements
from planforge.offline.engine.sessions import day_text
from planforge.offline.engine.week_builder import WeekContext, build_week, training_days
from planforge.offline.engine.workouts import to_workout

__all__ = ["EnginePlan", "Goal", "Requirements", "read_requirements", "write_plan"]

_DEFAULT_DAYS: dict[Level, int] = {"beginner": 4, "intermediate": 5, "advanced": 6}


@dataclass(frozen=True)
class EnginePlan:
    """A plan the engine wrote: the draft, and the same sessions as typed workouts."""

    draft: Draft
    """Title, overview, phases and weeks × 7 days, rest days as "Rest"."""
    workouts: list[Workout]
    """The draft's sessions, typed, in week and day order."""
    weekly_info: dict[str, WeekInfo]
    """Phase and focus per week, keyed "1", "2", …"""


def _days_per_week(requirements: Requirements, level: Level) -> int:
    if requirements.days_per_week is not None:
        return min(max(requirements.days_per_week, 1), 6)  # one rest day a week, whatever is asked
    days = _DEFAULT_DAYS[level]
    return min(days + 1, 6) if family_of(requirements.goal) == "triathlon" else days


def _context(requirements: Requirements, level: Level) -> WeekContext:
    long_day = weekday_index(requirements.long_run_day or "Sunday")
    return WeekContext(
        goal=requirements.goal,
        family=family_of(requirements.goal),
        level=level,
        requirements=requirements,
        training_days=training_days(_days_per_week(requirements, level)),
        long_day=long_day,
        race_name=RACE_NAMES[requirements.goal],
        race_meters=RACE_METERS.get(requirements.goal, 0.0),
    )


def write_plan(request: DraftRequest, principle: str) -> EnginePlan:
    """Write a plan for `request`, honouring what `principle` and the additional prompt say."""
    requirements = read_requirements(request.additional_prompt, principle)
    ctx = _context(requirements, request.level)
    targets = weekly_targets(request.weeks, request.level, requirements)
    paces = paces_for(requirements)
    weeks: list[DraftWeek] = []
    workouts: list[Workout] = []
    weekly_info: dict[str, WeekInfo] = {}
    for target in targets:
        sessions_by_day = build_week(ctx, target)
        focus = week_focus(target, requirements.race)
        days = [DraftDay(day=day, session=day_text(sessions_by_day[day])) for day in WEEKDAYS]
        weeks.append(DraftWeek(week=target.week, focus=focus, days=days))
        weekly_info[str(target.week)] = WeekInfo(phase=target.phase, focus=focus)
        workouts += [
            to_workout(session, week=target.week, phase=target.phase, day=day, paces=paces)
            for day in WEEKDAYS
            for session in sessions_by_day[day]
        ]
    draft = Draft(
        title=title(request.weeks, request.level, requirements.goal),
        overview=overview(requirements, request.level, len(ctx.training_days), ctx.long_day, targets, paces),
        phases=phase_entries(targets, requirements.race),
        weeks=weeks,
    )
    return EnginePlan(draft=draft, workouts=workouts, weekly_info=weekly_info)
