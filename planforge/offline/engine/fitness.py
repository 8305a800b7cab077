"""What the athlete does today, in minutes: a sport's week, its longest session, its other sessions.

From what the request states (weekly km or minutes, sessions a week, the longest recent session by time, distance
or, for a swimmer, metres), turned into minutes at the athlete's own pace: their easy pace from a race result or a
goal time (Daniels' VDOT, `paces`), else their level's long-run pace. Unstated, the longest session is a share of
the week that falls as sessions add up (one run of three is the longer one).
"""

from __future__ import annotations

from typing import Final

from planforge.coaching import LONG_RUN_PACE_MIN_PER_KM
from planforge.domain.requirements import CurrentVolume
from planforge.domain.vocabulary import WorkoutType
from planforge.offline.engine.paces import paces_for
from planforge.offline.engine.profile import Profile
from planforge.offline.engine.sessions import SWIM_METERS_PER_MINUTE

RIDE_KMH: Final = 25.0
"""A steady endurance-ride speed, to turn km into minutes (and back) when the athlete gives no speed."""
TRIATHLON_SHARE: Final[dict[WorkoutType, float]] = {"swim": 0.2, "bike": 0.45, "run": 0.35}
MASTERS_AGE: Final = 55


def careful(profile: Profile) -> bool:
    """A gentler build: an injury to respect, or a masters athlete (55 or older)."""
    age = profile.requirements.age
    return profile.flags.careful or (age is not None and age >= MASTERS_AGE)


def sport_share(profile: Profile, sport: WorkoutType) -> float:
    endurance = profile.endurance
    return 1.0 if len(endurance) <= 1 else (TRIATHLON_SHARE.get(sport, 0.33) if profile.family == "triathlon"
                                            else 1 / len(endurance))  # fmt: skip


def current_of(profile: Profile, sport: WorkoutType) -> CurrentVolume | None:
    """What the athlete does in `sport` today, as the request states it."""
    requirements = profile.requirements
    if sport in requirements.current_by_sport:
        return requirements.current_by_sport[sport]
    current = requirements.current_volume
    return current if current is not None and current.sport == sport else None


def run_pace(profile: Profile) -> float:
    """Minutes per km of the athlete's easy and long runs: from their race result or goal, else their level's."""
    paces = paces_for(profile.requirements)
    if paces is not None:
        return paces.easy_minutes_per_km
    pace = LONG_RUN_PACE_MIN_PER_KM[profile.level]
    return (pace.min + pace.max) / 2


def current_minutes(profile: Profile, sport: WorkoutType) -> float | None:
    requirements = profile.requirements
    whole = requirements.current_volume
    if whole is not None and whole.all_sports and whole.minutes_per_week is not None:
        return whole.minutes_per_week * sport_share(profile, sport) if sport in profile.endurance else None
    current = current_of(profile, sport)
    if current is None or current.never_trained:
        return None
    if current.minutes_per_week is not None:
        return float(current.minutes_per_week)
    if current.km_per_week is not None:
        if sport == "swim":
            return current.km_per_week * 1000 / SWIM_METERS_PER_MINUTE
        if sport == "bike":
            return current.km_per_week / RIDE_KMH * 60
        return current.km_per_week * run_pace(profile)
    return None


_LONG_OF_WEEK: Final[dict[int, float]] = {1: 1.0, 2: 0.55, 3: 0.4, 4: 0.35, 5: 0.32, 6: 0.3, 7: 0.28}
"""Today's longest session as a share of today's week, by sessions a week, when the athlete does not say it:
one session of three is the longer one, and the share falls as sessions add up (planforge's convention)."""


def _sessions_now(profile: Profile, sport: WorkoutType) -> int:
    current = current_of(profile, sport)
    if current is not None and current.sessions_per_week:
        return current.sessions_per_week
    return max(1, profile.counts.get(sport, 3))


def current_long(profile: Profile, sport: WorkoutType, week_now: float | None) -> float | None:
    """Today's longest session, minutes: as stated, else a share of today's week."""
    current = current_of(profile, sport)
    if current is None or current.never_trained:
        return None
    if current.longest_session_minutes is not None:
        return float(current.longest_session_minutes)
    if sport == "swim" and current.longest_session_m is not None:
        return current.longest_session_m / SWIM_METERS_PER_MINUTE
    if current.longest_session_km is not None:
        if sport == "bike":
            return current.longest_session_km / RIDE_KMH * 60
        if sport == "swim":
            return current.longest_session_km * 1000 / SWIM_METERS_PER_MINUTE
        return current.longest_session_km * run_pace(profile)
    if week_now is not None:
        sessions = _sessions_now(profile, sport)
        return week_now * _LONG_OF_WEEK.get(sessions, 0.25)
    return None


def session_floor(profile: Profile, sport: WorkoutType, week_now: float | None) -> float:
    """What a session of the sport other than the longest lasts today (an athlete running 3 x 30 min never gets
    20-minute runs; one running 25 km in four runs, 12 of them in the long run, runs the others at about 4 km)."""
    if week_now is None or sport == "swim":
        return 0.0
    sessions = _sessions_now(profile, sport)
    current = current_of(profile, sport)
    stated_long = current is not None and (
        current.longest_session_minutes is not None or current.longest_session_km is not None
    )
    long = current_long(profile, sport, week_now)
    if stated_long and long is not None and sessions > 1:
        return max(0.0, week_now - long) / (sessions - 1)
    return week_now / sessions
