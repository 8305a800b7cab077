"""What a week's sessions say together: the weekend run that stands out as the week's long run.

A coach who plans by time or heart rate often writes the long run as just a long easy run ("Sun 90 min Z2, cap
148"): it is the week's long run when the week names none, it falls on the weekend, it lasts at least 75 minutes and
at least half as long again as any other run of the week.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from planforge.offline.parser.parsed import ParsedSession

_WEEKEND: Final = frozenset({"Saturday", "Sunday"})
_MIN_LONG_SECONDS: Final = 75 * 60
_STANDS_OUT: Final = 1.5
"""How many times longer than any other run of the week the long run is, at least."""


def with_long_run_named(sessions: list[ParsedSession]) -> list[ParsedSession]:
    """`sessions` with the weekend easy run that stands out as the week's long run read as one (see the module
    docstring); unchanged when the week names a long run or none stands out."""
    runs = [session for session in sessions if session.workout_type == "run"]
    if any(session.workout_sub_type == "long-run" for session in runs):
        return sessions
    timed = sorted((session for session in runs if session.duration_seconds), key=lambda s: -(s.duration_seconds or 0))
    if not timed:
        return sessions
    longest = timed[0]
    seconds = longest.duration_seconds or 0
    second = timed[1].duration_seconds or 0 if len(timed) > 1 else 0
    if (
        longest.workout_sub_type != "easy-run"
        or longest.day not in _WEEKEND
        or seconds < _MIN_LONG_SECONDS
        or seconds < _STANDS_OUT * second
    ):
        return sessions
    return [replace(session, workout_sub_type="long-run") if session is longest else session for session in sessions]
