"""Workout names and descriptions for parsed sessions: "Easy Run", "Tempo Run 30 min", "Intervals 6 × 800 m", in
the draft's language ("Lockerer Lauf 45 min", "Wettkampf: Halbmarathon"; see `planforge.offline.parser.names`)."""

from __future__ import annotations

from typing import Final

from planforge.domain.plan import ContentBlock
from planforge.domain.vocabulary import Language
from planforge.offline.parser.names import NAMES, OPTIONAL, RACE_NAMES, is_run_walk, text_language
from planforge.offline.parser.parsed import ParsedSession


def format_duration(seconds: int) -> str:
    """3600 → "1h", 5400 → "1h30", 2700 → "45 min", 90 → "90 s"."""
    if seconds < 120 and seconds % 60:
        return f"{seconds} s"
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes} min"
    hours, rest = divmod(minutes, 60)
    return f"{hours}h{rest:02d}" if rest else f"{hours}h"


def format_distance(meters: float) -> str:
    """800 → "800 m", 8046.7 → "8 km", 21097.5 → "21.1 km"."""
    if meters < 1000:
        return f"{meters:g} m"
    return f"{meters / 1000:.1f}".removesuffix(".0") + " km"


def _repetition_label(block: ContentBlock) -> str:
    work = block.content_blocks[0]
    if work.block_distance_in_meters is not None:
        length = format_distance(work.block_distance_in_meters)
    else:
        length = format_duration(work.block_duration_in_seconds or 0)
    return f"{block.block_repeat} × {length}"


_MAX_NAME_CHARS: Final = 120
"""`Workout.workout_name`'s limit."""


def session_language(session: ParsedSession, language: Language | None = None) -> Language:
    """The language to name `session` in: the draft's when known, else its own words', else English."""
    return language or text_language(session.text) or "en"


def workout_name(session: ParsedSession, language: Language | None = None) -> str:
    """A short name from the sub-type and the session's main length in the draft's `language` (else the session's
    own), at most 120 characters."""
    return _name(session, session_language(session, language))[:_MAX_NAME_CHARS]


def _name(session: ParsedSession, language: Language) -> str:
    names = NAMES[language]
    run_walk = session.workout_sub_type == "interval-run" and is_run_walk(session.text)
    name = names["run-walk" if run_walk else session.workout_sub_type]
    repetitions = [block for block in session.content_blocks if block.type == "interval"]
    whole_swim = session.workout_type == "swim" and session.explicit_distance  # its sets are in the description
    if repetitions and not run_walk and not whole_swim:
        return f"{name} {_repetition_label(repetitions[0])}"
    if session.workout_sub_type == "race" and session.distance_meters in RACE_NAMES[language]:
        return f"{name}: {RACE_NAMES[language][session.distance_meters]}"
    if session.workout_sub_type == "race" and ":" in session.text:  # "Prova: meia maratona 21.1 km": its own words
        return f"{name}: {session.text.split(':', 1)[1].strip().rstrip('.')}"
    if session.explicit_distance and session.distance_meters:
        return f"{name} {format_distance(session.distance_meters)}"
    if session.duration_seconds:
        return f"{name} {format_duration(session.duration_seconds)}"
    return name


def workout_description(session: ParsedSession, language: Language | None = None) -> str:
    """The coach's own words, with the optional nature spelled out in the draft's `language`."""
    text = session.text.strip().rstrip(".") + "."
    if session.optional:
        text += " " + OPTIONAL[session_language(session, language)]
    return text[:2000]
