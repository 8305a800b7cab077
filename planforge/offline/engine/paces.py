"""Training paces from a running goal time, to write into the workouts.

Paces for other distances come from Riegel's endurance formula, t2 = t1 · (d2/d1)^1.06; threshold is taken
as the pace one could hold for about 15 km, easy as 12–25 % slower than marathon pace. Good enough to give a
session a number to aim at; the plan's structure never depends on them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from planforge.coaching import race_for
from planforge.domain.requirements import Requirements
from planforge.offline.engine.sessions import Effort

_RIEGEL_EXPONENT: Final = 1.06
_DISTANCES: Final[dict[Effort, float]] = {"5k": 5_000, "10k": 10_000, "threshold": 15_000, "half": 21_097.5,
                                          "marathon": 42_195}  # fmt: skip


@dataclass(frozen=True)
class Paces:
    """Target paces in seconds per km."""

    race: int
    by_effort: dict[Effort, int]
    easy_fast: int
    easy_slow: int

    def for_effort(self, effort: Effort) -> str:
        """The pace of `effort` as text ("4:35/km"), or "" when it has none."""
        seconds = self.race if effort == "race" else self.by_effort.get(effort)
        return format_pace(seconds) if seconds else ""


def format_pace(seconds_per_km: int) -> str:
    """`5:41/km`."""
    return f"{seconds_per_km // 60}:{seconds_per_km % 60:02d}/km"


def paces_for(requirements: Requirements) -> Paces | None:
    """Paces when the race is a running race with a stated goal time; None otherwise."""
    race, goal = requirements.race, requirements.goal_time
    if race is None or goal is None or race.sport not in {"run", "trail-run"}:
        return None
    try:
        meters = race_for(race.distance, race.distance_km).run_km * 1000
    except ValueError:
        return None
    hours, minutes, seconds = (int(part) for part in goal.split(":"))
    goal_seconds = hours * 3600 + minutes * 60 + seconds

    def at(distance: float) -> int:
        return round(goal_seconds * (distance / meters) ** _RIEGEL_EXPONENT / distance * 1000)

    marathon = at(42_195)
    return Paces(
        race=at(meters),
        by_effort={effort: at(distance) for effort, distance in _DISTANCES.items()},
        easy_fast=round(marathon * 1.12),
        easy_slow=round(marathon * 1.25),
    )
