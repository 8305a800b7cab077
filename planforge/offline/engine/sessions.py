"""The engine's sessions: what a day holds, in numbers, before any language is chosen.

A session is a kind and its size: whole minutes (in 5-minute steps for most kinds), or metres for swims and
races. Structured sessions carry a warm-up, a main set and a cool-down; run/walk sessions carry their bouts.
`planforge.offline.engine.text` writes them in the draft's language; `planforge.offline.engine.workouts`
types them; the two always state the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from planforge.domain.vocabulary import PaceZone, RaceDistance, RunSubType, WorkoutType

SessionKind = (
    RunSubType
    | Literal[
        "run-walk",
        "strength",
        "cross-training",
        "walk",
        "hike",
        "bike",
        "long-ride",
        "tempo-ride",
        "interval-ride",
        "hill-ride",
        "swim",
        "brick-bike",
        "brick-run",
    ]
)
"""What the engine can schedule; each kind maps to one workout type and sub-type."""

Effort = Literal["threshold", "5k", "10k", "half", "marathon", "race", "uphill", "tempo", "ride-threshold", "climb"]
"""What a main set's work is done at."""

Recovery = Literal["jog", "jog-down", "easy"]
"""How the recovery between repeats is done."""

SPORT_OF: Final[dict[SessionKind, WorkoutType]] = {
    "easy-run": "run", "recovery-run": "run", "long-run": "run", "tempo-run": "run", "interval-run": "run",
    "hill-repeats": "run", "fartlek": "run", "progression-run": "run", "race-pace-run": "run", "trail-run": "run",
    "race": "run", "run-walk": "run", "brick-run": "run", "strength": "strength", "cross-training": "cross-training",
    "walk": "walk", "hike": "hike", "bike": "bike", "long-ride": "bike", "tempo-ride": "bike", "interval-ride": "bike",
    "hill-ride": "bike", "brick-bike": "bike", "swim": "swim",
}  # fmt: skip
"""The sport of each kind (a race's sport is its leg's)."""

SWIM_METERS_PER_MINUTE: Final = 50
"""The reference swim pace, 2:00/100 m, as `planforge.quality.measures` times distance-only swims."""
SWIM_STEP_METERS: Final = 100


@dataclass(frozen=True)
class MainSet:
    """The work of a structured session: one steady block, or repeats with recoveries."""

    reps: int
    """1 for a steady block."""
    work_seconds: int
    """Length of one repeat (or of the steady block)."""
    recovery_seconds: int
    """Recovery after each repeat; 0 for a steady block."""
    effort: Effort
    zone: PaceZone
    recovery: Recovery = "jog"

    @property
    def seconds(self) -> int:
        """The whole main set, recoveries included."""
        return self.reps * (self.work_seconds + self.recovery_seconds)


@dataclass(frozen=True)
class RunWalk:
    """A run/walk set: `reps` times `run_seconds` of running then `walk_seconds` of walking."""

    reps: int
    run_seconds: int
    walk_seconds: int


@dataclass(frozen=True)
class RaceLeg:
    """One leg of a race day: the race's name (the first leg states it) and the leg's sport and length."""

    race_name: RaceDistance
    """The race's distance, which names it ("half-marathon", "sprint-triathlon", "gran-fondo", …)."""
    sport: WorkoutType
    meters: float
    first: bool = True


@dataclass(frozen=True)
class Session:
    """One session of a day: a kind and its size."""

    kind: SessionKind
    minutes: int = 0
    """Total minutes (structured: warm-up + main set + cool-down); 0 for swims and races."""
    meters: float = 0
    """Distance of swims (and of races, in `race`)."""
    main: MainSet | None = None
    warm_up: int = 0
    cool_down: int = 0
    run_walk: RunWalk | None = None
    race: RaceLeg | None = None
    pace: str = ""
    """A target pace to state with the main set ("4:35/km"), when the athlete gave a goal time."""
    locked: bool = False
    """Sized by a rule of its own (a never-runner's onset, a shake-out): fitting the week's hours leaves it be."""
    library: str | None = None
    """The org library workout this session is (its id), when the plan uses the library."""

    @property
    def sport(self) -> WorkoutType:
        """The session's sport."""
        return self.race.sport if self.race is not None else SPORT_OF[self.kind]


def structured(kind: SessionKind, main: MainSet, warm_up: int, cool_down: int, pace: str = "") -> Session:
    """A warm-up, main set, cool-down session; its minutes are the sum of the parts."""
    minutes = warm_up + main.seconds // 60 + cool_down
    return Session(kind, minutes, main=main, warm_up=warm_up, cool_down=cool_down, pace=pace)


def swim(minutes: float) -> Session:
    """A swim sized by time at the reference pace, stated in metres (100 m steps)."""
    meters = max(SWIM_STEP_METERS * 4, round(minutes * SWIM_METERS_PER_MINUTE / SWIM_STEP_METERS) * SWIM_STEP_METERS)
    return Session("swim", meters=meters)


def session_minutes(session: Session) -> float:
    """Training minutes of a session (a swim at the reference pace; a race counts 0: it is not training)."""
    if session.kind == "race":
        return 0
    if session.kind == "swim":
        return session.meters / SWIM_METERS_PER_MINUTE
    return session.minutes


def floor5(minutes: float) -> int:
    """Round down to a 5-minute step."""
    return int(minutes // 5 * 5)


def round5(minutes: float) -> int:
    """Round to the nearest 5-minute step."""
    return int(round(minutes / 5) * 5)
