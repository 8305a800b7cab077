"""What one day of a draft may hold: at most three sessions, each of a plausible length for its sport.

The bounds are the plan checks' (`planforge.agents.checks`), so that a draft the parser reads is a plan those
checks accept: a number far outside them ("easy run 99999999 min", "1000 km", 400 digits) or a day crowded
with four sessions is the coach's to fix, and is reported as a `DraftStructureError` naming the week and day
and quoting the line, before any model is asked, never as a model retry loop.

A duration and a distance that together make an impossible speed are no error when one of them is most likely a
step's length read as the session's ("Swim 3000 yds … with 30\" rest"): that one is left out, with a note. When
the text states both for the session itself and they make it too fast ("Fartlek 11 km in 60 s"), that is the
coach's to fix, an error naming the week and day and quoting the line.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Final

from planforge.agents.checks import MAX_METERS, MAX_SECONDS, MAX_SESSIONS_PER_DAY, SPEED_KMH
from planforge.domain.vocabulary import Weekday
from planforge.exceptions import DraftStructureError
from planforge.offline.parser.parsed import ParsedSession
from planforge.offline.parser.templates import format_distance, format_duration

_QUOTED_CHARS: Final = 80


def quoted(text: str) -> str:
    """A line as an error message quotes it: its start, at most 80 characters."""
    text = " ".join(text.split()[:40])  # runs of spaces and very long lines shown short
    return repr(text if len(text) <= _QUOTED_CHARS else text[: _QUOTED_CHARS - 1] + "…")


def _duration(seconds: int) -> str:
    return "more than 1000 h" if seconds >= 1000 * 3600 else format_duration(seconds)


def _distance(meters: float) -> str:
    return "more than 100000 km" if meters >= 1e8 else format_distance(meters)


def checked_day(
    week: int, day: Weekday, text: str, sessions: list[ParsedSession]
) -> tuple[list[ParsedSession], list[str]]:
    """`sessions` of one day, with a length that makes an impossible speed dropped (and a note saying so); raises
    `DraftStructureError` for a crowded day or a length far outside plausibility."""
    where = f"week {week} {day}"
    if len(sessions) > MAX_SESSIONS_PER_DAY:
        raise DraftStructureError(
            f"{where} has {len(sessions)} sessions, but at most {MAX_SESSIONS_PER_DAY} fit one day: move one to"
            f" another day ({quoted(text)})"
        )
    checked: list[ParsedSession] = []
    notes: list[str] = []
    for session in sessions:
        _check_lengths(where, text, session)
        kept, note = _plausible_speed(where, session)
        checked.append(kept)
        notes += [note] if note else []
    return checked, notes


def _check_lengths(where: str, text: str, session: ParsedSession) -> None:
    kind = session.workout_type
    seconds, meters = session.duration_seconds, session.distance_meters
    if seconds is not None and seconds > MAX_SECONDS[kind]:
        raise DraftStructureError(
            f"{where}: {_duration(seconds)} is no plausible length for a {kind} session (at most"
            f" {format_duration(MAX_SECONDS[kind])}); check the number in {quoted(text)}"
        )
    if meters is not None and meters > MAX_METERS[kind] and kind != "strength":
        raise DraftStructureError(
            f"{where}: {_distance(meters)} is no plausible distance for a {kind} session (at most"
            f" {format_distance(MAX_METERS[kind])}); check the number in {quoted(text)}"
        )


# A repetition or a recovery: a duration after these may be a step's ("with 30\" rest"), not the session's.
_STEP_WORDS: Final = re.compile(
    r"\d\s*[x×*]\s*\d|\b(?:rest|rec|recovery|jog|easy|walk|pause|pausa|trab\w*|trote|recup\w*|with|w/|mit|avec|con|com"
    r"|met|each|every|per|je|chaque|cada|ogni)\b",
    re.IGNORECASE,
)


def _states_both(session: ParsedSession) -> bool:
    """Whether the text itself states the session's distance and its duration ("Fartlek 11 km in 60 s"), rather
    than a step's length read as the session's."""
    return (
        session.explicit_duration
        and session.explicit_distance
        and not session.content_blocks
        and not _STEP_WORDS.search(session.text)
    )


def _plausible_speed(where: str, session: ParsedSession) -> tuple[ParsedSession, str | None]:
    """The session with the length that makes its speed impossible left out: the duration when too fast (a
    recovery's "30 s" read as the session's), the distance when too slow ("200 m" of hills in a 45-minute run);
    a strength session's distance is an exercise's ("farmer carry 400 m")."""
    kind = session.workout_type
    seconds, meters = session.duration_seconds, session.distance_meters
    if meters is not None and kind == "strength":
        return replace(session, distance_meters=None, explicit_distance=False), None
    if not (seconds and meters and kind in SPEED_KMH):
        return session, None
    low, high = SPEED_KMH[kind]
    speed = (meters / 1000) / (seconds / 3600)
    if low <= speed <= high:
        return session, None
    reading = f"{where}: {_distance(meters)} in {_duration(seconds)} is {speed:.1f} km/h, not a {kind} speed"
    if speed > high and _states_both(session):
        raise DraftStructureError(f"{reading}; check the numbers in {quoted(session.text)}")
    if speed > high:
        return replace(session, duration_seconds=None, explicit_duration=False), f"{reading}; the duration is left out"
    return replace(session, distance_meters=None, explicit_distance=False), f"{reading}; the distance is left out"
