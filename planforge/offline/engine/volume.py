"""The week fitted to the hours the athlete has: over the most, easy sessions shorten first, then the long ones;
under the least (before the taper), easy sessions lengthen first, then the long ones, every session within its
day's time cap.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Final

from planforge.coaching import peak_long_session, swim_session_m
from planforge.domain.requirements import HoursPerWeek
from planforge.domain.vocabulary import WEEKDAYS, Weekday, WorkoutType
from planforge.offline.engine.periodization import WeekTarget
from planforge.offline.engine.profile import Profile, leg_of
from planforge.offline.engine.sessions import (
    SWIM_METERS_PER_MINUTE,
    Session,
    SessionKind,
    floor5,
    session_minutes,
    structured,
    swim,
)
from planforge.offline.engine.week import Week

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
        for attempt in range(2):  # grow what there is; still short, one more easy session, grown with the rest
            for kinds in (_EASY, _EASY, _EASY | _LONG, _EASY | _LONG):  # easy first: the long ones keep their build
                if week_minutes(week) < floor:
                    week = _grow_towards(profile, week, kinds, floor)
            if attempt == 0 and week_minutes(week) < hours.min * 60 * _HEADROOM:
                week = _add_easy(profile, week, floor - week_minutes(week))
    return week


_FLEXIBLE: Final[tuple[WorkoutType, ...]] = ("bike", "swim", "run")


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


HARD_SHARE_MAX: Final = 0.2
"""Moderate and hard work stays within a fifth of the week's time (the knowledge: at least 75–80 % easy)."""


def hard_minutes(session: Session) -> float:
    """Minutes at moderate or high intensity, as the plan's measures count them: a fartlek whole, else the work of
    the main set."""
    if session.kind == "fartlek":
        return float(session.minutes)
    if session.main is None:
        return 0.0
    return session.main.reps * session.main.work_seconds / 60


def _easier(session: Session) -> Session:
    """One step easier: a repeat fewer, a steady block 5 minutes shorter, a fartlek shorter; else an easy session."""
    main = session.main
    if session.kind == "fartlek" and session.minutes > 25:
        return Session("fartlek", session.minutes - 5)
    if main is not None and main.reps > 2:
        return structured(session.kind, replace(main, reps=main.reps - 1), session.warm_up, session.cool_down,
                          session.pace)  # fmt: skip
    if main is not None and main.reps == 1 and main.work_seconds > 600:
        return structured(session.kind, replace(main, work_seconds=main.work_seconds - 300), session.warm_up,
                          session.cool_down, session.pace)  # fmt: skip
    easy: SessionKind = "bike" if session.sport == "bike" else "easy-run"
    return Session(easy, max(_MIN_MINUTES, floor5(session.minutes)))


def limit_intensity(week: Week) -> Week:
    """The week with its hardest sessions eased until hard work is at most `HARD_SHARE_MAX` of its time."""
    week = {day: list(sessions) for day, sessions in week.items()}
    for _ in range(40):
        total = week_minutes(week)
        hard: list[tuple[float, Weekday, int]] = [
            (hard_minutes(s), day, i) for day, sessions in week.items() for i, s in enumerate(sessions)
        ]
        if total <= 0 or sum(h for h, _, _ in hard) <= HARD_SHARE_MAX * total:
            break
        _, day, index = max(hard)
        week[day][index] = _easier(week[day][index])
    return week


def days_of(week: Week) -> list[Weekday]:
    """The days of a week that hold a session."""
    return [day for day, sessions in week.items() if sessions]
