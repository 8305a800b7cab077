"""The parser's entry points: a week text or a whole draft text → parsed weeks → workouts and weekly info."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Final, Literal

from planforge.agents.checks import BLOCK_TOLERANCE
from planforge.domain.chunk import WeekText
from planforge.domain.plan import ContentBlock, WeekInfo, Workout
from planforge.domain.vocabulary import WEEKDAYS, Language, Phase, Weekday, weekday_index
from planforge.drafttext.context import NO_CONTEXT, PlanContext, long_day_named
from planforge.drafttext.days import fold
from planforge.drafttext.segment import SegmentedDraft, check_weeks, numbered_from_one, segment_draft
from planforge.exceptions import DraftStructureError
from planforge.offline.parser.bounds import checked_day, quoted
from planforge.offline.parser.classify import is_rest
from planforge.offline.parser.days import clean_session_text, day_entries
from planforge.offline.parser.names import text_language
from planforge.offline.parser.parsed import ParsedSession, ParsedWeek
from planforge.offline.parser.placement import place, placement_note, stated_day, undated_items, without_stated_days
from planforge.offline.parser.quantities import Quantity
from planforge.offline.parser.sessions import parse_day
from planforge.offline.parser.structure import block_totals, fitted_to_total
from planforge.offline.parser.templates import workout_description, workout_name
from planforge.offline.parser.week_rules import with_long_run_named


def parse_week(week: WeekText, *, context: PlanContext = NO_CONTEXT) -> ParsedWeek:
    """Read one week's days into sessions, with the plan's defaults (`plan_context` of the whole draft).

    A week that lists its sessions without weekdays has them placed by the rule of
    `planforge.offline.parser.placement`, with a note saying so; a week that names neither a day nor a session
    but says it rests ("Week 4: full rest") has no sessions. Raises `DraftStructureError`, naming the week and
    quoting its line, when it can read neither days nor sessions, and (see `planforge.offline.parser.bounds`)
    for a day crowded with more than three sessions or a length far outside plausibility.
    """
    # A header carrying a single day ("Week 3 (taper): Monday rest") is read with the body after it, unless the
    # body lists sessions without days ("Week 3 - long one on Saturday" over "- easy 30 min" lines).
    entries = day_entries(without_stated_days(week.body))
    if not entries and not undated_items(week.body):
        entries = day_entries(f"{week.header}\n{week.body}")
    if not entries:
        return _undated_week(week, context)
    by_day: dict[Weekday, tuple[list[str], list[ParsedSession]]] = {}
    for day, text in entries:
        texts, sessions = by_day.setdefault(day, ([], []))
        texts.append(text)
        sessions += parse_day(day, text, context=context)  # a day named with nothing after it is a rest day
    sessions: list[ParsedSession] = []
    notes: list[str] = []
    for day in WEEKDAYS:
        if day in by_day:
            texts, found = by_day[day]
            checked, day_notes = checked_day(week.week, day, " | ".join(texts), found)
            sessions += checked
            notes += day_notes
    return _week(week, sessions, notes)


def _week(week: WeekText, sessions: list[ParsedSession], notes: list[str]) -> ParsedWeek:
    sessions = with_long_run_named(sorted(sessions, key=lambda session: weekday_index(session.day)))
    busy = {session.day for session in sessions}
    rest_days: list[Weekday] = [day for day in WEEKDAYS if day not in busy]
    return ParsedWeek(week.week, week.phase, week.focus, sessions, rest_days, notes)


_REST_WEEK: Final = re.compile(r"\b(?:rest|off|recovery|ruhe|repos|descanso|riposo|wolne|odpoczynek|vila|hvile)\b")


def _undated_week(week: WeekText, context: PlanContext) -> ParsedWeek:
    """A week without day names: its sessions placed by the rule, a rest week, or an error quoting its line."""
    items = undated_items(week.body) or undated_items(week.focus or "")  # "Week 3: 3 runs: easy 30 min, ..."
    if items:
        days = [parse_day("Monday", item, context=context) for item in items]
        long_day = (
            long_day_named(fold(week.header), week_note=True) or context.long_day
        )  # "long one on Saturday this week"
        placed = [  # "parkrun 5 km (Saturday)" keeps the day it names
            replace(s, day=stated_day(s.text) or s.day) for s in place([day for day in days if day], long_day)
        ]
        by_day: dict[Weekday, list[ParsedSession]] = {}
        for session in placed:
            by_day.setdefault(session.day, []).append(session)
        sessions: list[ParsedSession] = []
        notes = [placement_note(week.week, placed, long_day)]
        for day, found in by_day.items():
            checked, day_notes = checked_day(week.week, day, " | ".join(s.text for s in found), found)
            sessions += checked
            notes += day_notes
        return _week(week, sessions, notes)
    lines = [clean_session_text(line) for line in week.body.splitlines() if clean_session_text(line)]
    if (_REST_WEEK.search(fold(week.header)) and not lines) or (lines and all(is_rest(fold(line)) for line in lines)):
        return _week(week, [], [f"week {week.week} names no session: read as a week of rest"])
    shown = quoted(lines[0]) if lines else f"only its header {quoted(week.header)}"
    raise DraftStructureError(
        f"week {week.week}: neither a day nor a session found (it has {shown}); expected one line per day such"
        " as '- Monday: Rest' or '- Tuesday: Easy run 45 min', 'Mon rest, Tue easy 5 mi, ...', or one line per"
        " session such as '- Easy run 30 min'"
    )


def check_plausible(segmented: SegmentedDraft) -> None:
    """Raise the `DraftStructureError` of the first crowded day or implausible length of a draft, before any
    converter reads it (see `planforge.offline.parser.bounds`). Weeks the parser cannot read at all are left to
    the converter: an LLM may still read them."""
    for week in segmented.weeks:
        readable = day_entries(week.body) or undated_items(week.body) or undated_items(week.focus or "")
        if readable or day_entries(f"{week.header}\n{week.body}"):
            parse_week(week, context=segmented.context)


def parse_draft(text: str, *, weeks: int | None = None) -> list[ParsedWeek]:
    """Segment `text`, check it has `weeks` weeks when given, and read every week.

    Raises `DraftStructureError` when there is no recognisable week structure, naming what was expected.
    """
    segmented = numbered_from_one(segment_draft(text))  # "Week 7 … Week 9" of a longer book: weeks 1-3
    if weeks is not None:
        check_weeks(segmented, weeks)
    return [parse_week(week, context=segmented.context) for week in segmented.weeks]


def consistent_blocks(session: ParsedSession) -> list[ContentBlock]:
    """The session's blocks made to add up to its duration and distance, as the plan checks demand: blocks that
    fall short ("Easy run 30 min with 4 x 1 min": 4 minutes of 30) get a steady step for the rest first; blocks
    that cannot fit a target (more than it) are dropped, the description keeping the coach's words."""
    blocks = session.content_blocks
    targets: tuple[tuple[Literal["duration", "distance"], float | None], ...] = (
        ("duration", session.duration_seconds),
        ("distance", session.distance_meters),
    )
    for kind, target in targets:
        if blocks and target:
            fitted = fitted_to_total(blocks, Quantity(kind, float(target), 0, 0), BLOCK_TOLERANCE)
            blocks = fitted if fitted is not None else []
    if blocks and blocks is not session.content_blocks and not _fits(blocks, session):
        return []
    return blocks


def _fits(blocks: list[ContentBlock], session: ParsedSession) -> bool:
    seconds, meters = block_totals(blocks)
    return all(
        measured is None or not target or abs(measured - target) <= BLOCK_TOLERANCE * target
        for measured, target in ((seconds, session.duration_seconds), (meters, session.distance_meters))
    )


def session_to_workout(session: ParsedSession, *, week: int, phase: Phase, language: Language | None = None) -> Workout:
    """The workout a parsed session stands for, named and described from templates in the draft's `language`
    (else the session's own words decide), its blocks consistent with its targets (`consistent_blocks`)."""
    return Workout(
        week=week,
        phase=phase,
        day=session.day,
        workout_name=workout_name(session, language),
        workout_description=workout_description(session, language),
        workout_type=session.workout_type,
        workout_sub_type=session.workout_sub_type,
        target_duration_in_seconds=session.duration_seconds,
        target_distance_in_meters=session.distance_meters,
        content_blocks=consistent_blocks(session),
    )


def derived_focus(week: ParsedWeek, language: Language | None = None) -> str:
    """A focus from the week's sessions when its header gives none: "4 sessions: Long Run, Tempo Run"."""
    if not week.sessions:
        return "Rest week"
    key = [s for s in week.sessions if s.workout_sub_type not in {"easy-run", "recovery-run", "strength-training"}]
    highlights = ", ".join(dict.fromkeys(workout_name(session, language) for session in key[:3])) or "easy running"
    count = len(week.sessions)
    return f"{count} session{'s' if count != 1 else ''}: {highlights}"[:300]


def parse_to_workouts(
    text: str, *, weeks: int | None = None, default_phase: Phase = "base"
) -> tuple[list[Workout], dict[str, WeekInfo]]:
    """Every workout of a draft text in week and day order, and the weekly info keyed by str(week)."""
    workouts: list[Workout] = []
    weekly_info: dict[str, WeekInfo] = {}
    training_phase: Phase | None = None  # a week that names no phase goes on with the last training phase named
    language = text_language(text)  # the whole draft's headers and day names tell it; one session may not
    for week in sorted(parse_draft(text, weeks=weeks), key=lambda parsed: parsed.week):
        phase = week.phase or training_phase or default_phase
        training_phase = phase if phase != "recovery" else training_phase
        workouts += [
            session_to_workout(session, week=week.week, phase=phase, language=language) for session in week.sessions
        ]
        weekly_info[str(week.week)] = WeekInfo(phase=phase, focus=(week.focus or derived_focus(week, language))[:300])
    return workouts, weekly_info
