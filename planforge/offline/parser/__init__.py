"""The offline coach's draft parser: a draft text (canonical or handwritten) → structured workouts.

    parse_draft(text)        → list[ParsedWeek]   (segment, check the week count, read each week)
    parse_week(week_text)    → ParsedWeek         (notes: how a week without weekdays was placed, …)
    check_plausible(segmented)                   (crowded days, implausible lengths: before any converter)
    session_to_workout(...)  → Workout            (names and descriptions from templates)
    parse_to_workouts(text)  → (workouts, weekly_info)

Deterministic, offline and linear in the text. It reads week headers in many forms, day names in twelve
languages, tables, chat threads, one line per day, a paragraph per week or sessions without weekdays,
durations, distances, ranges, repetitions, warm-ups and cool-downs, a length stated in a session's label
("Intervals 48 min: 15 min warm-up, …"), race days (a multi-sport race as one race per leg), several sessions on
one day and rest alternatives, run/walk bouts as blocks, calendar exports ("Planned: 1:05:00 · 12.00 km"), and
weeks or days written by reference ("same as week 1 except:", "Sat: same as Tuesday").
"""

from __future__ import annotations

from planforge.offline.parser.draft import (
    check_plausible,
    parse_draft,
    parse_to_workouts,
    parse_week,
    session_to_workout,
)
from planforge.offline.parser.parsed import ParsedSession, ParsedWeek

__all__ = [
    "ParsedSession",
    "ParsedWeek",
    "check_plausible",
    "parse_draft",
    "parse_to_workouts",
    "parse_week",
    "session_to_workout",
]
