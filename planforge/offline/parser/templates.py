"""Workout names and descriptions for parsed sessions: "Easy Run", "Tempo Run 30 min", "Intervals 6 × 800 m"."""

from __future__ import annotations

from typing import Final

from planforge.domain.plan import ContentBlock
from planforge.offline.parser.parsed import ParsedSession

_NAMES: Final[dict[str, str]] = {
    "easy-run": "Easy Run", "recovery-run": "Recovery Run", "long-run": "Long Run", "tempo-run": "Tempo Run",
    "interval-run": "Intervals", "hill-repeats": "Hill Repeats", "fartlek": "Fartlek",
    "progression-run": "Progression Run", "race-pace-run": "Race Pace Run", "trail-run": "Trail Run", "race": "Race",
    "endurance-ride": "Endurance Ride", "recovery-ride": "Recovery Ride", "long-ride": "Long Ride",
    "tempo-ride": "Tempo Ride", "interval-ride": "Bike Intervals", "hill-ride": "Hill Ride", "brick": "Brick",
    "endurance-swim": "Endurance Swim", "technique-swim": "Technique Swim", "interval-swim": "Swim Intervals",
    "open-water-swim": "Open Water Swim", "strength-training": "Strength", "core": "Core", "mobility": "Mobility",
    "walk": "Walk", "hike": "Hike", "cross-training": "Cross-Training",
}  # fmt: skip
_RACE_NAMES: Final[dict[float, str]] = {42195.0: "Marathon", 21097.5: "Half Marathon", 10000.0: "10K", 5000.0: "5K"}


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


def workout_name(session: ParsedSession) -> str:
    """A short name from the sub-type and the session's main length (at most 120 characters)."""
    return _name(session)[:_MAX_NAME_CHARS]


def _name(session: ParsedSession) -> str:
    name = _NAMES[session.workout_sub_type]
    repetitions = [block for block in session.content_blocks if block.type == "interval"]
    if repetitions:
        return f"{name} {_repetition_label(repetitions[0])}"
    if session.workout_sub_type == "race" and session.distance_meters in _RACE_NAMES:
        return f"Race: {_RACE_NAMES[session.distance_meters]}"
    if session.explicit_distance and session.distance_meters:
        return f"{name} {format_distance(session.distance_meters)}"
    if session.duration_seconds:
        return f"{name} {format_duration(session.duration_seconds)}"
    return name


def workout_description(session: ParsedSession) -> str:
    """The coach's own words, with the optional nature spelled out."""
    text = session.text.strip().rstrip(".") + "."
    if session.optional:
        text += " Optional: do it if you feel fresh, otherwise rest."
    return text[:2000]
