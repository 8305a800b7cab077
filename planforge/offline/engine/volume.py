"""The week fitted to the hours the athlete has: over the most, easy sessions shorten first, then the long ones;
under the least (before the taper), easy sessions lengthen first, then the long ones, every session within its
day's time cap.
"""

from __future__ import annotations

import math
from typing import Final

from planforge.coaching import peak_long_session, swim_session_m
from planforge.domain.requirements import HoursPerWeek
from planforge.domain.vocabulary import WEEKDAYS, Weekday, WorkoutType
from planforge.offline.engine.intensity import HARD_SHARE_MAX, hard_minutes, limit_intensity
from planforge.offline.engine.periodization import WeekTarget
from planforge.offline.engine.profile import Profile, leg_of
from planforge.offline.engine.sessions import (
    SWIM_METERS_PER_MINUTE,
    Session,
    SessionKind,
    floor5,
    session_minutes,
    swim,
)
from planforge.offline.engine.week import Week

__all__ = ["HARD_SHARE_MAX", "days_of", "fit_hours", "hard_minutes", "limit_intensity", "week_minutes"]

_HEADROOM: Final = 0.97
"""Aim under the stated maximum: sessions are rounded to 5 minutes and 100 m."""
_EASY: Final[frozenset[SessionKind]] = frozenset({"easy-run", "bike", "swim", "cross-training", "walk", "strength"})
_LONG: Final[frozenset[SessionKind]] = frozenset({"long-run", "long-ride", "brick-bike"})
"""The long sessions (a brick's ride is its week's long ride)."""
_MIN_MINUTES: Final = 20


def week_minutes(week: Week) -> float:
    """Training minutes of a week (races excluded)."""
    return sum(session_minutes(s) for sessions in week.values() for s in sessions)


def _scaled(session: Session, factor: float, cap: int | None) -> Session:
    """The session `factor` times as long (rounded towards the goal: up when growing, down when shrinking)."""
    minutes = session_minutes(session) * factor
    if factor > 1:
        minutes = math.ceil(minutes / 5 - 1e-9) * 5
    if cap is not None:
        minutes = min(minutes, cap)
    if session.kind == "swim":
        return swim(max(_MIN_MINUTES, minutes))
    return Session(session.kind, max(_MIN_MINUTES, floor5(minutes)))


def _scale(profile: Profile, week: Week, kinds: frozenset[SessionKind], factor: float) -> Week:
    longs = _longest_of(week) if factor > 1 else {}
    return {
        day: [
            _scaled(s, factor, _ceiling(profile, day, s, longs)) if s.kind in kinds and not s.locked else s
            for s in sessions
        ]
        for day, sessions in week.items()
    }


def _longest_of(week: Week) -> dict[str, float]:
    """The long session of each sport this week (grown alongside), minutes."""
    longs: dict[str, float] = {}
    for sessions in week.values():
        for session in sessions:
            if session.kind in _LONG:
                longs[session.sport] = max(longs.get(session.sport, 0.0), session.minutes * _GROWTH_CAP)
    return longs


_GROWTH_CAP: Final = 1.5


def _peak_max(profile: Profile, sport: WorkoutType) -> float | None:
    """The top of the race's peak band for a long session of `sport`, minutes (None without one)."""
    race, leg = profile.race, leg_of(sport)
    if race is None or leg is None or leg not in race.legs:
        return None
    band = peak_long_session(race, profile.level, leg).time_minutes
    return band.max if band is not None else None


def _ceiling(profile: Profile, day: Weekday, session: Session, longs: dict[str, float]) -> int | None:
    """The longest a session may grow to: the day's cap, for a swim the race's peak swim, and an easy session no
    longer than the long session of its sport."""
    cap = profile.cap(day)
    if session.kind in _LONG and (peak := _peak_max(profile, session.sport)) is not None:
        cap = int(peak) if cap is None else min(cap, int(peak))
    if session.kind not in _LONG and session.sport in longs:
        easy_cap = int(longs[session.sport] / _GROWTH_CAP)
        cap = easy_cap if cap is None else min(cap, easy_cap)
    if session.kind == "swim" and profile.race is not None and (band := swim_session_m(profile.race)) is not None:
        swim_cap = int((band.min + band.max) / 2 / SWIM_METERS_PER_MINUTE)  # the middle of the race's swim band
        cap = swim_cap if cap is None else min(cap, swim_cap)
    return cap


def _grow_towards(profile: Profile, week: Week, kinds: frozenset[SessionKind], goal: float) -> Week:
    total = week_minutes(week)
    part = sum(session_minutes(s) for sessions in week.values() for s in sessions if s.kind in kinds)
    if total <= 0 or part <= 0:
        return week
    factor = 1 + (goal - total) / part
    return _scale(profile, week, kinds, factor)


_RANGE_GROWTH: Final = 1.07
"""The least a build week climbs through the athlete's range by, per build step (under the 10 % rule)."""


def fit_hours(profile: Profile, week: Week, target: WeekTarget) -> Week:
    """The week within the athlete's hours (the least only before the taper)."""
    hours: HoursPerWeek | None = profile.requirements.hours_per_week
    if hours is None or target.kind == "after-race":
        return week
    if hours.max is not None:
        ceiling = hours.max * 60 * _HEADROOM
        for kinds in (_EASY, _EASY | _LONG):
            if week_minutes(week) > ceiling:
                week = _grow_towards(profile, week, kinds, ceiling)
    if hours.min is not None and target.kind in {"build", "step-back", "tune-up"}:
        floor = hours.min * 60 * (2 - _HEADROOM)
        if hours.max is not None and target.kind == "build":  # build weeks climb through the range to its top
            top = hours.max * 60 * _HEADROOM
            floor = max(floor, min(floor + (top - floor) * target.progress, floor * _RANGE_GROWTH**target.build_index))
        # Easy sessions first, then one or two more of them: the long sessions and the swims keep their own build
        # (a weak swimmer's 400 m is not stretched to fill the hours; week 1's long ride is not the peak's).
        for attempt in range(_ADDED_SESSIONS + 1):
            for kinds in (_FILLING, _FILLING):
                if week_minutes(week) < floor:
                    week = _grow_towards(profile, week, kinds, floor)
            if attempt < _ADDED_SESSIONS and week_minutes(week) < hours.min * 60 * _HEADROOM:
                week = _add_easy(profile, week, floor - week_minutes(week))
        # Still short: the long sessions grow too, and the swims last of all (the hours are the athlete's word).
        for kinds in (_FILLING | _LONG, _FILLING | _LONG, (_EASY - {"strength"}) | _LONG):
            if week_minutes(week) < floor:
                week = _grow_towards(profile, week, kinds, floor)
    return week


_FILLING: Final[frozenset[SessionKind]] = _EASY - {"swim", "strength"}
"""What grows to fill the hours the athlete has: not the swims (a swimmer's distance has its own build) nor the
strength sessions (a 95-minute strength session is not an easy hour)."""
_ADDED_SESSIONS: Final = 2
_FLEXIBLE: Final[tuple[WorkoutType, ...]] = ("bike", "run", "swim")


def _add_easy(profile: Profile, week: Week, minutes: float) -> Week:
    """The week with one more easy session (of a sport whose count the athlete did not state) on its emptiest
    training day, to reach the hours the athlete has."""
    stated = profile.requirements.sessions_per_week
    sports = [s for s in _FLEXIBLE if s in profile.counts and s not in stated and not (s == "run" and profile.novice)]
    restricted = set(profile.requirements.no_back_to_back)
    for sport in sports:
        days: list[Weekday] = [
            day for day in profile.days
            if len(week[day]) < 2 and all(s.sport != sport for s in week[day])
            and (sport not in restricted or not _neighbour_has(week, day, sport))
        ]  # fmt: skip
        if not days:
            continue
        day = min(days, key=lambda d: len(week[d]))
        size = min(minutes, 60.0, float(profile.cap(day) or 60))
        session = swim(size) if sport == "swim" else Session("bike" if sport == "bike" else "easy-run", floor5(size))
        grown: Week = dict(week)
        grown[day] = [*week[day], session]
        return grown
    return week


def _neighbour_has(week: Week, day: Weekday, sport: WorkoutType) -> bool:
    index = WEEKDAYS.index(day)
    return any(s.sport == sport for d in (WEEKDAYS[index - 1], WEEKDAYS[(index + 1) % 7]) for s in week[d])


def days_of(week: Week) -> list[Weekday]:
    """The days of a week that hold a session."""
    return [day for day, sessions in week.items() if sessions]
