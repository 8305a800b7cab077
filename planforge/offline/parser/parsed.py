"""What the parser returns: sessions and weeks read from a draft text."""

from __future__ import annotations

from dataclasses import dataclass, field

from planforge.domain.plan import ContentBlock
from planforge.domain.vocabulary import Phase, Weekday, WorkoutSubType, WorkoutType


@dataclass(frozen=True)
class ParsedSession:
    """One session of one day, read from the draft text."""

    day: Weekday
    text: str
    """The source text of this session."""
    workout_type: WorkoutType
    workout_sub_type: WorkoutSubType
    duration_seconds: int | None
    """Explicit or derived (from the blocks) total duration."""
    distance_meters: float | None
    """Explicit or derived (from the blocks, or a race name) total distance."""
    explicit_duration: bool
    """The text states the session's duration itself (not only its parts): for cross-checking a conversion."""
    explicit_distance: bool
    """The text states the session's distance itself."""
    content_blocks: list[ContentBlock]
    """Warm-up, work steps, repetitions, cool-down; [] for a steady session."""
    optional: bool
    """An alternative such as "cross-training or rest"."""
    confident: bool
    """False when the parser had to guess: no word named the session, or a number's unit was ambiguous."""


@dataclass(frozen=True)
class ParsedWeek:
    """One week of a draft text, read into sessions."""

    week: int
    phase: Phase | None
    focus: str | None
    sessions: list[ParsedSession]
    """In day order; rest days produce no session."""
    rest_days: list[Weekday]
    notes: list[str] = field(default_factory=list[str])
    """What the coach should check about how the week was read ("week 3 names no weekdays: its sessions were
    placed on ..."), one sentence each; [] for a week read as written."""
