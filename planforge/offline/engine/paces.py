"""Training paces from a running goal time, for the athlete-facing descriptions.

Paces for other distances come from Riegel's endurance formula, t2 = t1 · (d2/d1)^1.06; threshold is taken
as the pace one could hold for about 15 km, easy as 12–25% slower than marathon pace. Good enough to give a
session a number to aim at; the plan's structure never depends on them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from planforge.offline.engine.requirements import Goal, Requirements

RACE_METERS: Final[dict[Goal, float]] = {
    "5k": 5_000,
    "10k": 10_000,
    "half": 21_097.5,
    "marathon": 42_195,
    "ultra": 50_000,
}
"""Race distance per running goal (an ultra defaults to 50 km)."""

_RIEGEL_EXPONENT: Final = 1.06


@dataclass(frozen=True)
class Paces:
    """Target paces in seconds per km."""

    race: int
    five_k: int
    ten_k: int
    threshold: int
    marathon: int
    easy_fast: int
    easy_slow: int


def format_pace(seconds_per_km: int) -> str:
    """`5:41/km`."""
    return f"{seconds_per_km // 60}:{seconds_per_km % 60:02d}/km"


def _pace_at(meters: float, goal_meters: float, goal_seconds: int) -> int:
    seconds = goal_seconds * (meters / goal_meters) ** _RIEGEL_EXPONENT
    return round(seconds / meters * 1000)


def paces_for(requirements: Requirements) -> Paces | None:
    """Paces when the goal is a running race with a stated goal time; None otherwise."""
    goal_meters = RACE_METERS.get(requirements.goal)
    if goal_meters is None or requirements.goal_time_seconds is None:
        return None

    def at(meters: float) -> int:
        return _pace_at(meters, goal_meters, requirements.goal_time_seconds or 0)

    marathon = at(42_195)
    return Paces(
        race=at(goal_meters),
        five_k=at(5_000),
        ten_k=at(10_000),
        threshold=at(15_000),
        marathon=marathon,
        easy_fast=round(marathon * 1.12),
        easy_slow=round(marathon * 1.25),
    )
