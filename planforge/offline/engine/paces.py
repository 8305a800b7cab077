"""Training paces from what the athlete can run: a recent race result, else the goal time.

Daniels & Gilbert's oxygen-cost formulas (the notes, Q12) turn a race time into a VDOT, and a VDOT back into
the pace of any race distance (the time at which the distance's oxygen cost equals its share of VDOT) or of
a training intensity: threshold at 88 % of VDOT, easy at 65–74 % (inside the notes' E band of 59–74 %, the
faster part, which Daniels' tables give recreational runners). The race pace is the goal's when the athlete
states one (else the result's prediction for the race): race-pace work is about the race, the other paces
about today's fitness. Good enough to give a session a number to aim at; the plan's structure never depends
on them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final

from planforge.coaching import race_for
from planforge.domain.requirements import RaceResult, Requirements
from planforge.offline.engine.sessions import Effort

_DISTANCES: Final[dict[Effort, float]] = {"5k": 5_000, "10k": 10_000, "half": 21_097.5, "marathon": 42_195}
_THRESHOLD: Final = 0.88
_EASY_FAST: Final = 0.74
_EASY_SLOW: Final = 0.65
_RUNNING: Final = frozenset({"run", "trail-run"})


@dataclass(frozen=True)
class Paces:
    """Target paces in seconds per km."""

    race: int
    by_effort: dict[Effort, int]
    easy_fast: int
    easy_slow: int
    goal: bool = True
    """The race pace is the athlete's goal; False: a prediction from their race result (no goal stated)."""

    def for_effort(self, effort: Effort) -> str:
        """The pace of `effort` as text ("4:35/km"), or "" when it has none."""
        seconds = self.race if effort == "race" else self.by_effort.get(effort)
        return format_pace(seconds) if seconds else ""

    @property
    def easy_minutes_per_km(self) -> float:
        """The middle of the easy range, minutes per km."""
        return (self.easy_fast + self.easy_slow) / 2 / 60


def format_pace(seconds_per_km: int) -> str:
    """`5:41/km`."""
    return f"{seconds_per_km // 60}:{seconds_per_km % 60:02d}/km"


def _oxygen_cost(meters_per_minute: float) -> float:
    return -4.60 + 0.182258 * meters_per_minute + 0.000104 * meters_per_minute**2


def _share_of_max(minutes: float) -> float:
    return 0.8 + 0.1894393 * math.exp(-0.012778 * minutes) + 0.2989558 * math.exp(-0.1932605 * minutes)


def vdot(meters: float, seconds: float) -> float:
    """Daniels' VDOT of a race of `meters` run in `seconds`."""
    minutes = seconds / 60
    return _oxygen_cost(meters / minutes) / _share_of_max(minutes)


def _speed_at(oxygen: float) -> float:
    """Metres a minute whose oxygen cost is `oxygen` (the positive root of Daniels' quadratic)."""
    a, b, c = 0.000104, 0.182258, -4.60 - oxygen
    return (-b + math.sqrt(b * b - 4 * a * c)) / (2 * a)


def race_seconds(value: float, meters: float) -> float:
    """The time a runner of VDOT `value` takes for `meters` (bisection: the cost falls as the time grows)."""
    low, high = meters / 500 * 60, meters / 50 * 60  # between 2 and 20 minutes per km
    for _ in range(60):
        middle = (low + high) / 2
        if vdot(meters, middle) > value:
            low = middle
        else:
            high = middle
    return (low + high) / 2


def _per_km(meters_per_minute: float) -> int:
    return round(60_000 / meters_per_minute)


def _seconds(time: str) -> int:
    hours, minutes, seconds = (int(part) for part in time.split(":"))
    return hours * 3600 + minutes * 60 + seconds


def _meters(result: RaceResult) -> float | None:
    try:
        return race_for(result.distance, result.distance_km).run_km * 1000
    except ValueError:
        return None


def _fitness(requirements: Requirements, race_meters: float) -> tuple[float, float] | None:
    """(meters, seconds) of the running result nearest the race in length (by ratio), if any."""
    results = [
        (meters, _seconds(result.time))
        for result in requirements.race_results
        if result.sport in _RUNNING and (meters := _meters(result)) is not None and _seconds(result.time) > 0
    ]
    if not results:
        return None
    return min(results, key=lambda found: abs(math.log(found[0] / race_meters)))


def paces_for(requirements: Requirements) -> Paces | None:
    """Paces for a running race from a recent result or a goal time; None when neither is known."""
    race, goal = requirements.race, requirements.goal_time
    if race is None or race.sport not in _RUNNING:
        return None
    try:
        meters = race_for(race.distance, race.distance_km).run_km * 1000
    except ValueError:
        return None
    fitness = _fitness(requirements, meters)
    if fitness is None and goal is None:
        return None
    today = vdot(*fitness) if fitness is not None else vdot(meters, _seconds(goal or "0:00:00"))
    aim = vdot(meters, _seconds(goal)) if goal is not None else today
    by_effort: dict[Effort, int] = {
        effort: round(race_seconds(aim if effort in {"half", "marathon"} else today, distance) / distance * 1000)
        for effort, distance in _DISTANCES.items()
    }
    by_effort["threshold"] = _per_km(_speed_at(_THRESHOLD * today))
    return Paces(
        race=round(race_seconds(aim, meters) / meters * 1000),
        by_effort=by_effort,
        easy_fast=_per_km(_speed_at(_EASY_FAST * today)),
        easy_slow=_per_km(_speed_at(_EASY_SLOW * today)),
        goal=goal is not None,
    )
