"""The offline coach's draft parser: a draft text (canonical or handwritten) → structured workouts.

    parse_draft(text)        → list[ParsedWeek]   (segment, check the week count, read each week)
    parse_week(week_text)    → ParsedWeek
    session_to_workout(...)  → Workout            (names and descriptions from templates)
    parse_to_workouts(text)  → (workouts, weekly_info)

Deterministic and offline. It reads week headers in many forms, day names in English, German, French,
Spanish and Italian, tables, one line per day or a paragraph per week, durations, distances, repetitions,
warm-ups and cool-downs, several sessions on one day and rest alternatives.
"""

from __future__ import annotations

from planforge.offline.parser.draft import parse_draft, parse_to_workouts, parse_week, session_to_workout
from planforge.offline.parser.parsed import ParsedSession, ParsedWeek

__all__ = ["ParsedSession", "ParsedWeek", "parse_draft", "parse_to_workouts", "parse_week", "session_to_workout"]
