"""Quality sessions: how many a week holds, which ones each phase uses, and how big they are.

About 80/20 by session count (Seiler 2010): one quality session in four or five, never more than two a
week. Beginners start without them (aerobic base first). Each phase rotates through its own kinds, hills
and fartlek in base, threshold and VO2max work in build, race-specific work in peak; taper and step-back
weeks keep the intensity with a shorter main set.
"""

from __future__ import annotations

from typing import Final, Literal

from planforge.domain.vocabulary import Level, Phase
from planforge.offline.engine.periodization import WeekTarget
from planforge.offline.engine.requirements import RUN_GOALS, TRIATHLON_GOALS, Goal
from planforge.offline.engine.sessions import MainSet, Session, SessionKind, structured

Family = Literal["run", "cycling", "triathlon"]
"""Which sports a goal trains: running (also general fitness), cycling, or swim/bike/run."""

_LEVEL_INDEX: Final[dict[Level, int]] = {"beginner": 0, "intermediate": 1, "advanced": 2}

_RUN_ROTATION: Final[dict[Phase, tuple[SessionKind, ...]]] = {
    "base": ("hill-repeats", "fartlek"),
    "build": ("tempo-run", "interval-run"),
    "peak": ("race-pace-run", "tempo-run"),
    "taper": ("race-pace-run",),
}
_SHORT_RACE_ROTATION: Final[dict[Phase, tuple[SessionKind, ...]]] = {
    "build": ("interval-run", "tempo-run"),
    "peak": ("interval-run", "tempo-run"),
    "taper": ("interval-run",),
}
_ULTRA_ROTATION: Final[dict[Phase, tuple[SessionKind, ...]]] = {
    "build": ("hill-repeats", "tempo-run"),
    "peak": ("tempo-run", "hill-repeats"),
    "taper": ("tempo-run",),
}
_GENERAL_ROTATION: Final[dict[Phase, tuple[SessionKind, ...]]] = {
    "build": ("fartlek", "tempo-run"),
    "peak": ("tempo-run", "fartlek"),
    "taper": ("tempo-run",),
}
_CYCLING_ROTATION: Final[dict[Phase, tuple[SessionKind, ...]]] = {
    "base": ("tempo-ride",),
    "build": ("interval-ride", "tempo-ride"),
    "peak": ("interval-ride",),
    "taper": ("interval-ride",),
}
_TRIATHLON_ROTATION: Final[dict[Phase, tuple[SessionKind, ...]]] = {
    "base": ("tempo-ride", "hill-repeats"),
    "build": ("interval-ride", "tempo-run"),
    "peak": ("interval-ride", "tempo-run"),
    "taper": ("tempo-run", "interval-ride"),
}


def family_of(goal: Goal) -> Family:
    """The sports a goal trains."""
    if goal in TRIATHLON_GOALS:
        return "triathlon"
    return "cycling" if goal == "cycling" else "run"


def hard_count(days: int, level: Level, phase: Phase, easy_share: float) -> int:
    """Quality sessions in a week of `days` training days."""
    if days <= 1 or (phase == "base" and level == "beginner"):
        return 0
    count = max(1, int(days * (1 - easy_share) + 0.5))
    return min(count, 1 if days <= 3 else 2)


def _rotation(goal: Goal, phase: Phase) -> tuple[SessionKind, ...]:
    family = family_of(goal)
    if family == "cycling":
        table = _CYCLING_ROTATION
    elif family == "triathlon":
        table = _TRIATHLON_ROTATION
    elif goal in {"5k", "10k"}:
        table = _SHORT_RACE_ROTATION
    elif goal == "ultra":
        table = _ULTRA_ROTATION
    elif goal not in RUN_GOALS:
        table = _GENERAL_ROTATION
    else:
        table = _RUN_ROTATION
    return table.get(phase) or _RUN_ROTATION.get(phase) or _RUN_ROTATION["base"]


def hard_kind(goal: Goal, target: WeekTarget, slot: int) -> SessionKind:
    """The kind of the week's `slot`-th quality session (rotating week by week inside the phase)."""
    kinds = _rotation(goal, target.phase)
    return kinds[(target.phase_week + slot) % len(kinds)]


def _race_effort(goal: Goal) -> tuple[str, Literal["z3", "z4"]]:
    if goal == "marathon":
        return "marathon pace", "z3"
    if goal == "half":
        return "half marathon pace", "z4"
    return "race pace", "z4"


def hard_session(kind: SessionKind, goal: Goal, level: Level, target: WeekTarget) -> Session:
    """A quality session of `kind`, sized by level; longer in peak, shorter in step-back and taper weeks."""
    index = _LEVEL_INDEX[level]
    up = 1 if target.phase == "peak" and not target.step_back else 0
    down = 1 if target.step_back or target.taper else 0
    warm_up = 10 if level == "beginner" else 15
    if kind == "fartlek":
        return Session("fartlek", (30, 40, 45)[index] - 10 * down)
    if kind == "tempo-run":
        main = MainSet(1, 60 * ((15, 20, 25)[index] + 5 * up - 5 * down), 0, "threshold", "z4")
    elif kind == "interval-run":
        effort = "10K pace" if goal == "10k" else "5K pace"
        main = MainSet(max(3, (4, 5, 6)[index] + up - 2 * down), 180, 120, effort, "z5")
    elif kind == "hill-repeats":
        main = MainSet((6, 8, 10)[index] - 2 * down, 60, 90, "uphill", "z5", "jog down")
    elif kind == "race-pace-run":
        effort, zone = _race_effort(goal)
        main = MainSet(1, 60 * ((20, 30, 40)[index] + 10 * up - 10 * down), 0, effort, zone)
    elif kind == "tempo-ride":
        main = MainSet(1, 60 * ((30, 40, 50)[index] + 10 * up - 10 * down), 0, "tempo", "z3")
    elif kind == "interval-ride":
        main = MainSet((3, 4, 5)[index] + up - down, 300, 300, "threshold", "z4", "easy")
    else:
        raise ValueError(f"{kind!r} is not a quality session kind")
    return structured(kind, main, warm_up, 10)
