"""The parser's entry points: a week text or a whole draft text → parsed weeks → workouts and weekly info."""

from __future__ import annotations

from planforge.domain.chunk import WeekText
from planforge.domain.plan import WeekInfo, Workout
from planforge.domain.vocabulary import WEEKDAYS, Phase, Weekday, weekday_index
from planforge.drafttext.context import NO_CONTEXT, PlanContext
from planforge.drafttext.segment import check_weeks, segment_draft
from planforge.exceptions import DraftStructureError
from planforge.offline.parser.days import day_entries
from planforge.offline.parser.parsed import ParsedSession, ParsedWeek
from planforge.offline.parser.sessions import parse_day
from planforge.offline.parser.templates import workout_description, workout_name


def parse_week(week: WeekText, *, context: PlanContext = NO_CONTEXT) -> ParsedWeek:
    """Read one week's days into sessions, with the plan's defaults (`plan_context` of the whole draft).

    Raises `DraftStructureError` when the week names no day at all.
    """
    # A header carrying a single day ("Week 3 (taper): Monday rest") is read with the body after it.
    entries = day_entries(week.body) or day_entries(f"{week.header}\n{week.body}")
    if not entries:
        shown = week.body.strip().splitlines()[0][:60] if week.body.strip() else "nothing"
        raise DraftStructureError(
            f"week {week.week}: no day found (it has {shown!r}); expected one line per day such as"
            " '- Monday: Rest' or '- Tuesday: Easy run 45 min', or 'Mon rest, Tue easy 5 mi, ...'"
        )
    sessions: list[ParsedSession] = []
    for day, text in entries:
        sessions += parse_day(day, text, context=context)  # a day named with nothing after it is a rest day
    sessions.sort(key=lambda session: weekday_index(session.day))
    busy = {session.day for session in sessions}
    rest_days: list[Weekday] = [day for day in WEEKDAYS if day not in busy]
    return ParsedWeek(week.week, week.phase, week.focus, sessions, rest_days)


def parse_draft(text: str, *, weeks: int | None = None) -> list[ParsedWeek]:
    """Segment `text`, check it has `weeks` weeks when given, and read every week.

    Raises `DraftStructureError` when there is no recognisable week structure, naming what was expected.
    """
    segmented = segment_draft(text)
    if weeks is not None:
        check_weeks(segmented, weeks)
    return [parse_week(week, context=segmented.context) for week in segmented.weeks]


def session_to_workout(session: ParsedSession, *, week: int, phase: Phase) -> Workout:
    """The workout a parsed session stands for, named and described from templates."""
    return Workout(
        week=week,
        phase=phase,
        day=session.day,
        workout_name=workout_name(session),
        workout_description=workout_description(session),
        workout_type=session.workout_type,
        workout_sub_type=session.workout_sub_type,
        target_duration_in_seconds=session.duration_seconds,
        target_distance_in_meters=session.distance_meters,
        content_blocks=session.content_blocks,
    )


def derived_focus(week: ParsedWeek) -> str:
    """A focus from the week's sessions when its header gives none: "4 sessions: Long Run, Tempo Run"."""
    if not week.sessions:
        return "Rest week"
    key = [s for s in week.sessions if s.workout_sub_type not in {"easy-run", "recovery-run", "strength-training"}]
    highlights = ", ".join(dict.fromkeys(workout_name(session) for session in key[:3])) or "easy running"
    count = len(week.sessions)
    return f"{count} session{'s' if count != 1 else ''}: {highlights}"[:300]


def parse_to_workouts(
    text: str, *, weeks: int | None = None, default_phase: Phase = "base"
) -> tuple[list[Workout], dict[str, WeekInfo]]:
    """Every workout of a draft text in week and day order, and the weekly info keyed by str(week)."""
    workouts: list[Workout] = []
    weekly_info: dict[str, WeekInfo] = {}
    for week in sorted(parse_draft(text, weeks=weeks), key=lambda parsed: parsed.week):
        phase = week.phase or default_phase
        workouts += [session_to_workout(session, week=week.week, phase=phase) for session in week.sessions]
        weekly_info[str(week.week)] = WeekInfo(phase=phase, focus=(week.focus or derived_focus(week))[:300])
    return workouts, weekly_info
