"""The engine's sessions and their text: a small regular vocabulary with explicit, round numbers.

The text is what the coach reads and what the draft parser reads back, so every session renders in one of a
few fixed shapes ("Easy run 45 min", "Swim 1500 m", "Tempo: 15 min warm-up, 20 min @ threshold, 10 min
cool-down"). Durations are whole minutes in 5-minute steps and swims 250 m steps, so the text and the typed
workout carry the same numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, Literal

from planforge.domain.vocabulary import PaceZone, RunSubType

SessionKind = (
    RunSubType  # the running sessions are the run sub-types themselves, race included
    | Literal[
        "strength",
        "cross-training",
        "walk",
        "hike",
        "bike",
        "long-ride",
        "tempo-ride",
        "interval-ride",
        "swim",
        "brick-bike",
        "brick-run",
    ]
)
"""What the engine can schedule; each kind maps to one workout type and sub-type."""

SWIM_METERS_PER_MINUTE: Final = 50  # the reference 2:00/100 m of planforge.quality.measures
STRUCTURED_LABELS: Final[dict[SessionKind, str]] = {
    "tempo-run": "Tempo",
    "interval-run": "Intervals",
    "hill-repeats": "Hill repeats",
    "race-pace-run": "Race pace run",
    "tempo-ride": "Tempo ride",
    "interval-ride": "Bike intervals",
}
_DISTANCE_IN_NAME: Final = re.compile(r"\d+K|(?:Half )?marathon", re.IGNORECASE)
"""Race names that state their distance (the parser reads "Half marathon" as 21097.5 m)."""
_TIMED_LABELS: Final[dict[SessionKind, str]] = {
    "easy-run": "Easy run",
    "recovery-run": "Recovery run",
    "long-run": "Long run",
    "fartlek": "Fartlek",
    "progression-run": "Progression run",
    "trail-run": "Trail run",
    "strength": "Strength",
    "cross-training": "Cross-training",
    "walk": "Walk",
    "hike": "Hike",
    "bike": "Bike",
    "long-ride": "Long ride",
    "brick-bike": "Brick: Bike",
    "brick-run": "Run",
}


@dataclass(frozen=True)
class MainSet:
    """The work of a structured session: one steady block, or repeats with recoveries."""

    reps: int
    """1 for a steady block."""
    work_seconds: int
    """Length of one repeat (or of the steady block)."""
    recovery_seconds: int
    """Recovery after each repeat; 0 for a steady block."""
    effort: str
    """What the work is run at: "threshold", "5K pace", "marathon pace", "uphill" …"""
    zone: PaceZone
    """The work's pace zone."""
    recovery_label: str = "jog"
    """How the recovery is done: "jog", "jog down", "easy"."""

    @property
    def seconds(self) -> int:
        """The whole main set, recoveries included."""
        return self.reps * (self.work_seconds + self.recovery_seconds)


@dataclass(frozen=True)
class Session:
    """One session of a day: a kind and its size."""

    kind: SessionKind
    minutes: int = 0
    """Total minutes (for structured sessions: warm-up + main set + cool-down); 0 for distance sessions."""
    meters: float = 0
    """Distance for swims and races (a half marathon is 21097.5 m, not rounded); 0 for timed sessions."""
    main: MainSet | None = None
    """The main set of a structured session."""
    warm_up: int = 0
    """Warm-up minutes of a structured session."""
    cool_down: int = 0
    """Cool-down minutes of a structured session."""
    race_name: str = ""
    """For a race: what is raced, e.g. "Half marathon"."""


def structured(kind: SessionKind, main: MainSet, warm_up: int, cool_down: int) -> Session:
    """A warm-up, main set, cool-down session; its minutes are the sum of the parts."""
    return Session(kind, warm_up + main.seconds // 60 + cool_down, main=main, warm_up=warm_up, cool_down=cool_down)


def swim(minutes: int) -> Session:
    """A swim sized by time at the reference pace, stated in meters."""
    return Session("swim", meters=minutes * SWIM_METERS_PER_MINUTE)


def session_minutes(session: Session) -> int:
    """Training minutes of a session (a swim at the reference pace; a race counts 0: it is not training)."""
    if session.kind == "swim":
        return round(session.meters) // SWIM_METERS_PER_MINUTE
    return 0 if session.kind == "race" else session.minutes


def format_seconds(seconds: int) -> str:
    """`3 min` for whole minutes from 2 minutes up, else `60 s` / `90 s`."""
    return f"{seconds // 60} min" if seconds % 60 == 0 and seconds >= 120 else f"{seconds} s"


def main_set_text(main: MainSet) -> str:
    """`20 min @ threshold`, `6 x 3 min @ 5K pace w/ 2 min jog`, `8 x 60 s uphill w/ 90 s jog down`."""
    effort = main.effort if main.effort == "uphill" else f"@ {main.effort}"
    work = f"{format_seconds(main.work_seconds)} {effort}"
    if main.reps == 1 and not main.recovery_seconds:
        return work
    return f"{main.reps} x {work} w/ {format_seconds(main.recovery_seconds)} {main.recovery_label}"


def session_text(session: Session) -> str:
    """The session as the draft states it."""
    if session.kind == "race":
        # A race name that implies no distance ("Ultramarathon") states the one planned, for the coach to edit.
        implied = _DISTANCE_IN_NAME.fullmatch(session.race_name)
        stated = f" {session.meters / 1000:g} km" if session.meters and not implied else ""
        return f"Race: {session.race_name}{stated}"
    if session.kind == "swim":
        return f"Swim {session.meters:g} m"
    if session.main is not None:
        label = STRUCTURED_LABELS[session.kind]
        return (
            f"{label}: {session.warm_up} min warm-up, {main_set_text(session.main)}, {session.cool_down} min cool-down"
        )
    return f"{_TIMED_LABELS[session.kind]} {session.minutes} min"


def day_text(sessions: list[Session]) -> str:
    """A day's sessions joined with " + ", or "Rest"."""
    return " + ".join(session_text(session) for session in sessions) or "Rest"
