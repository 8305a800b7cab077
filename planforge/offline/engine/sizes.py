"""How big: each sport's long session and weekly volume, from where the athlete starts to the race's peak.

The peaks come from the coaching knowledge (`planforge.coaching`): the peak long session of the race and level
(a band given by distance run at the athlete's own pace, held in the band's time), the plausible peak week (a
level's share of its band), the triathlon's hours and swims, a cycling event's long ride (the low end of 75–100 %
of the event). The start is what the athlete does today (`fitness`), else a level's share of the peak; an hours
range is lived in, bottom to top. Each quantity grows by its own equal steps: the week at most +10 % a step (+7 %
in a careful build), a long session +10 % (+15 % when the plan is short; the spike rule fails +30 %): a plan too
short to get there peaks lower and says so.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final

from planforge.coaching import (
    Band,
    cycling_long_ride_minutes,
    peak_long_session,
    peak_weekly_volume,
    swim_session_m,
)
from planforge.coaching.long_sessions import CYCLING_LONG_RIDE_OF_EVENT
from planforge.domain.vocabulary import Level, WorkoutType
from planforge.offline.engine.fitness import MASTERS_AGE as MASTERS_AGE  # the writer's masters rule reads it here
from planforge.offline.engine.fitness import (
    RIDE_KMH,
    TRIATHLON_SHARE,
    careful,
    current_long,
    current_minutes,
    run_pace,
    session_floor,
    sport_share,
)
from planforge.offline.engine.profile import Profile, leg_of
from planforge.offline.engine.sessions import SWIM_METERS_PER_MINUTE

MAX_WEEKLY_GROWTH: Final = 1.10
CATCH_UP_GROWTH: Final = 1.12
"""When the plan is too short for +10 % a week: still under 30 % over two weeks (the knowledge's fail line)."""
CAREFUL_WEEKLY_GROWTH: Final = 1.07
_BAND_SHARE: Final[dict[Level, float]] = {"beginner": 0.25, "intermediate": 0.4, "advanced": 0.5}
_START_SHARE: Final[dict[Level, float]] = {"beginner": 0.5, "intermediate": 0.6, "advanced": 0.65}
_FITNESS_MINUTES: Final[dict[WorkoutType, dict[Level, int]]] = {
    "run": {"beginner": 30, "intermediate": 40, "advanced": 50},
    "bike": {"beginner": 45, "intermediate": 60, "advanced": 75},
    "swim": {"beginner": 30, "intermediate": 40, "advanced": 45},
    "strength": {"beginner": 30, "intermediate": 40, "advanced": 45},
}
_FITNESS_GROWTH: Final = 1.3


@dataclass(frozen=True)
class Growth:
    """A quantity growing from `start` to `peak` (minutes), by the same ratio every build step."""

    start: float
    peak: float
    step: float = 1.0
    """The share of the way one build step covers (1/steps, or less when that would grow it too fast)."""

    @property
    def ratio(self) -> float:
        return self.peak / self.start if self.start > 0 else 1.0

    def at(self, progress: float) -> float:
        """The quantity `progress` of the way (geometric: every step the same ratio); the peak itself at the end."""
        if progress >= 1 - 1e-9:
            return self.peak
        return self.start * self.ratio ** max(0.0, progress)

    def at_step(self, build_index: int) -> float:
        """The quantity after `build_index` build steps."""
        return self.at(build_index * self.step)

    def paced(self, steps: int, limit: float) -> Growth:
        """This growth over `steps` build steps, no step growing it more than `limit` times."""
        step = 1 / steps if steps > 0 else 1.0
        if self.ratio > 1 and steps > 0 and math.log(self.ratio) * step > math.log(limit):
            step = math.log(limit) / math.log(self.ratio)
        return Growth(self.start, self.peak, step)


@dataclass(frozen=True)
class SportLoad:
    """One sport's long session and weekly volume, start to peak, in minutes."""

    long: Growth
    week: Growth
    session_floor: float = 0.0
    """The shortest an easy session of the sport may be: what the athlete's sessions last today."""


@dataclass(frozen=True)
class Sizes:
    """The plan's loads per sport and how far a build step moves them."""

    loads: dict[WorkoutType, SportLoad]
    steps: int
    """The plan's build steps (the peak is due at the last)."""
    reached: bool
    """Whether the plan reaches the race's peak (False: too short from the athlete's start)."""


def _band_point(band: Band, level: Level) -> float:
    return band.min + _BAND_SHARE[level] * (band.max - band.min)


def _mid(band: Band) -> float:
    return (band.min + band.max) / 2


def _long_peak(profile: Profile, sport: WorkoutType) -> float | None:
    """The peak long session of `sport` for the race and level, minutes; None where the knowledge gives none.

    A band given by distance is run at the athlete's own pace (a 16–18 km half-marathon long run is two hours
    at 7:30/km), held inside the band's time."""
    race, level = profile.race, profile.level
    if race is None or sport not in race.legs:
        return None
    leg = leg_of(sport)
    if leg is None:
        return None
    peak = peak_long_session(race, level, leg)
    if peak.time_minutes is None:
        return None
    minutes = _band_point(peak.time_minutes, level)
    if sport == "run" and peak.distance_km is not None and race.sport != "triathlon":
        by_distance = _band_point(peak.distance_km, level) * run_pace(profile)
        minutes = max(peak.time_minutes.min, min(by_distance, peak.time_minutes.max))
    return minutes


def _peaks(profile: Profile, sport: WorkoutType) -> tuple[float | None, float | None]:
    """(peak long session, peak week) minutes for `sport`, from the knowledge; None where it gives none."""
    race, level = profile.race, profile.level
    if race is None:
        return None, None
    requirement = profile.requirements.race
    if race.sport == "bike" and sport == "bike":
        hours = (requirement.expected_minutes / 60) if requirement and requirement.expected_minutes else None
        hours = hours or race.bike_km / RIDE_KMH
        # The low end of 75–100 % of the event: a long ride of 4h50 for a 6.5 h century, not the event itself.
        return math.ceil(cycling_long_ride_minutes(hours).min / 5) * 5, None
    if sport == "swim" and (swim := swim_session_m(race)) is not None:  # a level's share of the race's swim band
        return _band_point(swim, level) / SWIM_METERS_PER_MINUTE, None
    long = _long_peak(profile, sport)
    if long is None:
        return None, None
    volume = peak_weekly_volume(race, level)
    week = None
    if volume.hours is not None:
        share = TRIATHLON_SHARE[sport] if race.sport in {"triathlon", "duathlon"} else 1.0
        week = _band_point(volume.hours, level) * 60 * share
    return long, week


def _free_load(profile: Profile, sport: WorkoutType, week_now: float | None, long_now: float | None) -> SportLoad:
    """A plan without a race (or a race the knowledge has no figures for): the week grows from today's volume, or
    the hours the athlete has, or a level's usual week; the long session is about a third of it.

    No published table sizes a block without a race, so this is planforge's own convention."""
    hours = profile.requirements.hours_per_week
    available = None
    if hours is not None and hours.max is not None:
        available = (hours.max + (hours.min or hours.max)) / 2 * 60 * sport_share(profile, sport)
    week_peak = available or (week_now * _FITNESS_GROWTH if week_now else _FREE_WEEK[sport][profile.level])
    week_start = week_now or (hours.min * 60 * sport_share(profile, sport) if hours and hours.min else None)
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


def _hours_week(profile: Profile, sport: WorkoutType) -> tuple[float | None, float | None]:
    """(start, peak) of the sport's week from the hours the athlete has: a range is lived in, bottom to top."""
    hours = profile.requirements.hours_per_week
    if hours is None or hours.max is None or hours.min is None or profile.race is None or sport == "swim":
        return None, None  # swims keep their own build; rides and runs fill the hours
    share = sport_share(profile, sport)
    return hours.min * 60 * share, hours.max * 60 * _HOURS_HEADROOM * share


_HOURS_HEADROOM: Final = 0.95


def _load(profile: Profile, sport: WorkoutType) -> SportLoad:
    level = profile.level
    long_peak, week_peak = _peaks(profile, sport)
    week_now = current_minutes(profile, sport)
    long_now = current_long(profile, sport, week_now)
    floor = session_floor(profile, sport, week_now)
    if long_peak is None:
        load = _free_load(profile, sport, week_now, long_now)
        return SportLoad(load.long, load.week, min(floor, load.long.start))
    if week_peak is None:
        week_peak = max((week_now or 0) * 1.25, long_peak * (2.2 if sport != "swim" else 2.6))
    if week_now is not None:  # someone already above the usual peak still builds a little towards the race
        week_peak = max(week_peak, week_now * _ABOVE_PEAK_GROWTH)
    week_start = week_now if week_now is not None else week_peak * _START_SHARE[level]
    hours_start, hours_peak = _hours_week(profile, sport)
    if hours_start is not None and hours_peak is not None:
        week_start, week_peak = max(week_start, hours_start), hours_peak
    if week_now is None and long_now is not None and profile.counts.get(sport):
        # Only the longest session is known ("I can swim 200 m"): the week starts from sessions of that size.
        week_start = min(
            week_start, max(long_now, _MIN_SWIM_MINUTES if sport == "swim" else 20.0) * profile.counts[sport]
        )
    average = week_start / profile.counts[sport] if profile.counts.get(sport) else 0.0
    if long_now is None:  # unstated: a third of the first week, never shorter than its average session
        long_now = max(20.0, min(long_peak, max(week_start * 0.33, average)))
        race = profile.race
        if race is not None and race.sport == "bike" and sport == "bike":
            # A cycling event's long ride starts from a level's share of its peak, as the published plans do (a
            # 100 km sportive's long ride from 1h45 towards 3h30), not from a third of an inflated week.
            event = _mid(cycling_long_ride_minutes(long_peak / CYCLING_LONG_RIDE_OF_EVENT.min / 60))
            long_now = max(long_now, event * _START_SHARE[level])
    long_start = long_now
    if sport == "swim":
        long_start = max(long_start, _MIN_SWIM_MINUTES)
    long_peak = max(long_peak, long_start)
    week_peak = max(week_peak, week_start)
    return SportLoad(Growth(long_start, long_peak), Growth(week_start, week_peak), min(floor, long_start))


_ABOVE_PEAK_GROWTH: Final = 1.15
_MIN_SWIM_MINUTES: Final = 8.0
"""400 m at the reference pace: the shortest swim session a plan writes (a weak swimmer's, with rests)."""
_LONG_GROWTH: Final = (1.10, 1.15)
"""How much a long session may grow in one build step, and when the plan is too short for that (the single-session
spike rule warns above +10 % and fails above +30 %)."""
_CAREFUL_LONG_GROWTH: Final = (1.07, 1.10)


def sizes_for(profile: Profile, build_steps: int, volume_steps: int | None = None) -> Sizes:
    """Each endurance sport's loads, each paced within its growth limit: the long sessions over the plan's build
    steps, the weekly volume over its own (`volume_steps`, fewer: it does not step on after a step-back week)."""
    volume_steps = build_steps if volume_steps is None else volume_steps
    loads: dict[WorkoutType, SportLoad] = {sport: _load(profile, sport) for sport in profile.endurance}
    if build_steps <= 0:  # the plan is all taper: the athlete is at their peak already
        loads = {sport: _at_peak(load) for sport, load in loads.items()}
        return Sizes(loads, 0, True)
    if profile.novice and "run" in loads:  # a never-runner's runs follow their own onset (novice.py)
        run = loads["run"]
        loads["run"] = SportLoad(Growth(min(30.0, run.long.peak), run.long.peak), run.week)
    weekly = (CAREFUL_WEEKLY_GROWTH, MAX_WEEKLY_GROWTH) if careful(profile) else (MAX_WEEKLY_GROWTH, CATCH_UP_GROWTH)
    longest = _CAREFUL_LONG_GROWTH if careful(profile) else _LONG_GROWTH
    paced: dict[WorkoutType, SportLoad] = {}
    reached = True
    for sport, load in loads.items():
        long, week = load.long.paced(build_steps, longest[0]), load.week.paced(volume_steps, weekly[0])
        if long.step * build_steps < 1 - 1e-9:
            long = load.long.paced(build_steps, longest[1])
        if week.step * volume_steps < 1 - 1e-9:
            week = load.week.paced(volume_steps, weekly[1])
        novice_run = profile.novice and sport == "run"
        reached = reached and (novice_run or long.step * build_steps >= 1 - 1e-9)
        paced[sport] = SportLoad(long, week, load.session_floor)
    return Sizes(paced, build_steps, reached)


_EASY_RUN_MOST: Final[dict[Level, float]] = {"beginner": 75, "intermediate": 100, "advanced": 120}
"""The longest run of a week beside its long run, minutes, so that no week holds two runs over two hours for a
beginner or a careful athlete: planforge's convention (the review of 2026-12-01 faulted a first marathoner's two
95-minute midweek runs and a masters runner's 135-minute one); an advanced marathoner's medium-long run reaches 2 h,
the length of Pfitzinger's longest medium-long runs (about 15 miles)."""
_CAREFUL_EASY_RUN_MOST: Final = 75


def easy_run_most(profile: Profile) -> float:
    """The longest a run other than the week's long run may be: never a second run over two hours."""
    most = _EASY_RUN_MOST[profile.level]
    return min(most, _CAREFUL_EASY_RUN_MOST) if careful(profile) else most


def week_minutes_at(profile: Profile, load: SportLoad, volume_index: int, volume_steps: int) -> float:
    """The sport's weekly volume after `volume_index` of its `volume_steps` steps, within the growth limit."""
    if volume_steps <= 0:
        return load.week.at_step(volume_index)
    weekly = (CAREFUL_WEEKLY_GROWTH, MAX_WEEKLY_GROWTH) if careful(profile) else (MAX_WEEKLY_GROWTH, CATCH_UP_GROWTH)
    week = Growth(load.week.start, load.week.peak).paced(volume_steps, weekly[0])
    if week.step * volume_steps < 1 - 1e-9:
        week = Growth(load.week.start, load.week.peak).paced(volume_steps, weekly[1])
    return week.at_step(volume_index)


def _at_peak(load: SportLoad) -> SportLoad:
    return SportLoad(Growth(load.long.peak, load.long.peak), Growth(load.week.peak, load.week.peak), load.session_floor)


def fitness_minutes(sport: WorkoutType, level: Level) -> int:
    """A session of `sport` in a plan without a race, before it grows."""
    return _FITNESS_MINUTES.get(sport, _FITNESS_MINUTES["strength"])[level]
