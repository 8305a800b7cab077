"""How big: each sport's long session and weekly volume, from where the athlete starts to the race's peak.

The peaks come from the coaching knowledge (`planforge.coaching`): the peak long session of the race and level,
the plausible peak week (a level's share of its band), the triathlon's hours. The start is what the athlete
does today (weekly km or hours, the longest recent session) or, unstated, a level's share of the peak. Between
them each build step multiplies every quantity by the same ratio, at most +10 % a week: a plan too short to
get there peaks lower and says so.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final

from planforge.coaching import (
    LONG_RUN_PACE_MIN_PER_KM,
    Band,
    cycling_long_ride_minutes,
    peak_long_session,
    peak_weekly_volume,
    swim_session_m,
)
from planforge.domain.requirements import CurrentVolume
from planforge.domain.vocabulary import Level, WorkoutType
from planforge.offline.engine.profile import Profile, leg_of
from planforge.offline.engine.sessions import SWIM_METERS_PER_MINUTE

MAX_WEEKLY_GROWTH: Final = 1.10
CATCH_UP_GROWTH: Final = 1.12
"""When the plan is too short for +10 % a week: still under 30 % over two weeks (the knowledge's fail line)."""
CAREFUL_WEEKLY_GROWTH: Final = 1.07
_BAND_SHARE: Final[dict[Level, float]] = {"beginner": 0.25, "intermediate": 0.4, "advanced": 0.5}
_START_SHARE: Final[dict[Level, float]] = {"beginner": 0.5, "intermediate": 0.6, "advanced": 0.65}
_EASY_PACE: Final[dict[Level, float]] = {"beginner": 7.0, "intermediate": 6.0, "advanced": 5.2}
"""Minutes per km of an easy run, to turn weekly km into minutes."""
_TRIATHLON_SHARE: Final[dict[WorkoutType, float]] = {"swim": 0.2, "bike": 0.45, "run": 0.35}
RIDE_KMH: Final = 25.0
"""A steady endurance-ride speed, to turn km into minutes (and back) when the athlete gives no speed."""
_FITNESS_MINUTES: Final[dict[WorkoutType, dict[Level, int]]] = {
    "run": {"beginner": 30, "intermediate": 40, "advanced": 50},
    "bike": {"beginner": 45, "intermediate": 60, "advanced": 75},
    "swim": {"beginner": 30, "intermediate": 40, "advanced": 45},
    "strength": {"beginner": 30, "intermediate": 40, "advanced": 45},
}
_FITNESS_GROWTH: Final = 1.3


@dataclass(frozen=True)
class Growth:
    """A quantity growing from `start` to `peak` (minutes)."""

    start: float
    peak: float

    @property
    def ratio(self) -> float:
        return self.peak / self.start if self.start > 0 else 1.0

    def at(self, progress: float) -> float:
        """The quantity `progress` of the way (geometric: every step the same ratio)."""
        return self.start * self.ratio ** max(0.0, min(progress, 1.0))


@dataclass(frozen=True)
class SportLoad:
    """One sport's long session and weekly volume, start to peak, in minutes."""

    long: Growth
    week: Growth


@dataclass(frozen=True)
class Sizes:
    """The plan's loads per sport and how far a build step may move them."""

    loads: dict[WorkoutType, SportLoad]
    step: float
    """The progress one build step adds: 1/steps, or less when that would grow a quantity more than allowed."""
    reached: bool
    """Whether the plan reaches the race's peak (False: too short from the athlete's start)."""

    def progress(self, build_index: int) -> float:
        return min(1.0, build_index * self.step)


def _band_point(band: Band, level: Level) -> float:
    return band.min + _BAND_SHARE[level] * (band.max - band.min)


def _mid(band: Band) -> float:
    return (band.min + band.max) / 2


def _current_minutes(profile: Profile, sport: WorkoutType) -> float | None:
    current, level = profile.requirements.current_volume, profile.level
    if current is not None and current.all_sports and current.minutes_per_week is not None:
        return current.minutes_per_week * _SPORT_SHARE(profile, sport) if sport in profile.endurance else None
    if current is None or current.sport != sport or current.never_trained:
        return None
    if current.minutes_per_week is not None:
        return float(current.minutes_per_week)
    if current.km_per_week is not None:
        if sport == "swim":
            return current.km_per_week * 1000 / SWIM_METERS_PER_MINUTE
        if sport == "bike":
            return current.km_per_week / RIDE_KMH * 60
        return current.km_per_week * _EASY_PACE[level]
    return None


def _current_long(current: CurrentVolume | None, sport: WorkoutType, level: Level) -> float | None:
    if current is None or current.sport != sport or current.never_trained:
        return None
    if current.longest_session_minutes is not None:
        return float(current.longest_session_minutes)
    if current.longest_session_km is not None:
        if sport == "bike":
            return current.longest_session_km / RIDE_KMH * 60
        pace = LONG_RUN_PACE_MIN_PER_KM[level]
        return current.longest_session_km * (pace.min + pace.max) / 2
    return None


def _peaks(profile: Profile, sport: WorkoutType) -> tuple[float | None, float | None]:
    """(peak long session, peak week) minutes for `sport`, from the knowledge; None where it gives none."""
    race, level = profile.race, profile.level
    if race is None:
        return None, None
    requirement = profile.requirements.race
    if race.sport == "bike" and sport == "bike":
        hours = (requirement.expected_minutes / 60) if requirement and requirement.expected_minutes else None
        hours = hours or race.bike_km / RIDE_KMH
        return _mid(cycling_long_ride_minutes(hours)), None
    if sport == "swim" and (swim := swim_session_m(race)) is not None:
        long = _mid(swim) * 0.85 / SWIM_METERS_PER_MINUTE
        return long, None
    if sport not in race.legs:
        return None, None
    leg = leg_of(sport)
    if leg is None:
        return None, None
    peak = peak_long_session(race, level, leg)
    long = _band_point(peak.time_minutes, level) if peak.time_minutes is not None else None
    volume = peak_weekly_volume(race, level)
    week = None
    if volume.hours is not None:
        share = _TRIATHLON_SHARE[sport] if race.sport in {"triathlon", "duathlon"} else 1.0
        week = _band_point(volume.hours, level) * 60 * share
    return long, week


def _free_load(profile: Profile, sport: WorkoutType, week_now: float | None, long_now: float | None) -> SportLoad:
    """A plan without a race (or a race the knowledge has no figures for): the week grows from today's volume, or
    the hours the athlete has, or a level's usual week; the long session is about a third of it.

    No published table sizes a block without a race, so this is planforge's own convention."""
    hours = profile.requirements.hours_per_week
    available = None
    if hours is not None and hours.max is not None:
        available = (hours.max + (hours.min or hours.max)) / 2 * 60 * _SPORT_SHARE(profile, sport)
    week_peak = available or (week_now * _FITNESS_GROWTH if week_now else _FREE_WEEK[sport][profile.level])
    week_start = week_now or (hours.min * 60 * _SPORT_SHARE(profile, sport) if hours and hours.min else None)
    week_start = min(week_start or week_peak * _START_SHARE[profile.level], week_peak)
    share, low, high = _FREE_LONG[sport]
    long_peak = max(low, min(high, week_peak * share))
    long_start = min(long_peak, long_now or max(20.0, week_start * share))
    return SportLoad(Growth(long_start, long_peak), Growth(week_start, week_peak))


_FREE_WEEK: Final[dict[WorkoutType, dict[Level, float]]] = {
    "run": {"beginner": 150, "intermediate": 240, "advanced": 330},
    "bike": {"beginner": 240, "intermediate": 360, "advanced": 480},
    "swim": {"beginner": 120, "intermediate": 180, "advanced": 240},
}
_FREE_LONG: Final[dict[WorkoutType, tuple[float, float, float]]] = {
    "run": (0.3, 40, 150),
    "bike": (0.35, 60, 240),
    "swim": (0.35, 30, 90),
}


def _SPORT_SHARE(profile: Profile, sport: WorkoutType) -> float:
    endurance = profile.endurance
    return 1.0 if len(endurance) <= 1 else (_TRIATHLON_SHARE.get(sport, 0.33) if profile.family == "triathlon"
                                            else 1 / len(endurance))  # fmt: skip


def _load(profile: Profile, sport: WorkoutType) -> SportLoad:
    level, current = profile.level, profile.requirements.current_volume
    long_peak, week_peak = _peaks(profile, sport)
    week_now = _current_minutes(profile, sport)
    long_now = _current_long(current, sport, level)
    if long_peak is None:
        return _free_load(profile, sport, week_now, long_now)
    if week_peak is None:
        week_peak = max((week_now or 0) * 1.25, long_peak * (2.2 if sport != "swim" else 2.6))
    if week_now is not None and week_now > week_peak:
        week_peak = week_now * 1.05
    week_start = week_now if week_now is not None else week_peak * _START_SHARE[level]
    sessions_now = current.sessions_per_week if current is not None and current.sessions_per_week else 3
    typical = week_now / sessions_now * 1.15 if week_now is not None else 0.0
    # The long session starts at least as long as the sport's average session of the first week: never shorter
    # than the sessions around it (a beginner's long ride is not a 25-minute spin beside 40-minute rides).
    average = week_start / profile.counts[sport] if profile.counts.get(sport) else 0.0
    long_start = long_now or max(20.0, min(long_peak, max(week_start * 0.33, typical, average)))
    race = profile.race
    if long_now is None and race is not None and race.sport == "bike" and sport == "bike":
        # A cycling event's long ride starts from a level's share of its peak, as the published plans do (a
        # 100 km sportive's long ride from 1h45 towards 3h30), not from a third of an inflated week.
        long_start = max(long_start, long_peak * _START_SHARE[level])
    if long_start > long_peak:
        long_peak = long_start
    return SportLoad(Growth(min(long_start, long_peak), long_peak), Growth(min(week_start, week_peak), week_peak))


def sizes_for(profile: Profile, build_steps: int) -> Sizes:
    """Each endurance sport's loads, and the progress a build step adds."""
    loads: dict[WorkoutType, SportLoad] = {sport: _load(profile, sport) for sport in profile.endurance}
    if build_steps <= 0:  # the plan is all taper: the athlete is at their peak already
        loads = {sport: _at_peak(load) for sport, load in loads.items()}
        return Sizes(loads, 1.0, True)
    if profile.novice and "run" in loads:  # a never-runner's runs follow their own onset (novice.py)
        run = loads["run"]
        loads["run"] = SportLoad(Growth(min(30.0, run.long.peak), run.long.peak), run.week)
    ratios = [max(load.long.ratio, load.week.ratio) for load in loads.values()] or [1.0]
    widest = max(ratios)
    step = 1 / build_steps
    tiers = (
        (CAREFUL_WEEKLY_GROWTH, MAX_WEEKLY_GROWTH) if profile.flags.careful else (MAX_WEEKLY_GROWTH, CATCH_UP_GROWTH)
    )
    for growth in tiers:
        step = 1 / build_steps
        if widest > 1 and math.log(widest) * step > math.log(growth):
            step = math.log(growth) / math.log(widest)
        if step * build_steps >= 1 - 1e-9:
            break
    return Sizes(loads, step, step * build_steps >= 1 - 1e-9)


def _at_peak(load: SportLoad) -> SportLoad:
    return SportLoad(Growth(load.long.peak, load.long.peak), Growth(load.week.peak, load.week.peak))


def fitness_minutes(sport: WorkoutType, level: Level) -> int:
    """A session of `sport` in a plan without a race, before it grows."""
    return _FITNESS_MINUTES.get(sport, _FITNESS_MINUTES["strength"])[level]
