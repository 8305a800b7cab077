"""Race week and tune-up weeks: the week reshaped around its race, by each day's place before or after it.

Race week (the knowledge's race week): the race on its day and nothing after it; the day before rest or a short
shake-out; one short quality session at least four days out (the last hard session 3–5 days before); every
other session easy and within the race-week limit of its leg (60 % of the peak session), the week at most 45 %
of the peak week. A tune-up race takes the long session's place in a lighter week, with an easy day before it
and no quality in the three days before.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from planforge.coaching import DAY_BEFORE_RACE_MAX_MINUTES, Race, race_for, race_week_session_limit
from planforge.coaching.races import Leg
from planforge.domain.vocabulary import WEEKDAYS, RaceDistance, Weekday, WorkoutType
from planforge.offline.engine.calendar import Calendar
from planforge.offline.engine.profile import Profile, leg_of
from planforge.offline.engine.sessions import (
    RaceLeg,
    Session,
    SessionKind,
    floor5,
    session_minutes,
    structured,
    swim,
)
from planforge.offline.engine.week import Week

RACE_WEEK_SHARE: Final = 0.45
RACE_WEEK_SHARE_FROM_TAPER: Final = 0.5
"""Race week against the athlete's own peak when the plan starts in the taper (the middle of 40–60 %): the engine
has not tapered them from it, so it cuts less than after a taper it wrote."""
_LAST_QUALITY_DAYS: Final = 4
_STRENGTH_DAYS: Final = 3
_CLOSE_DAYS: Final = 3
_SHAKEOUT_MINUTES: Final = 15
_QUALITY: Final[frozenset[SessionKind]] = frozenset(
    {"tempo-run", "interval-run", "hill-repeats", "fartlek", "race-pace-run", "tempo-ride", "interval-ride",
     "hill-ride"}
)  # fmt: skip
_SHAKEOUT_SPORTS: Final[dict[str, tuple[WorkoutType, ...]]] = {"bike": ("bike",), "swim": ("swim",)}
_EASY: Final[dict[WorkoutType, SessionKind]] = {"run": "easy-run", "bike": "bike", "swim": "swim"}
_DUATHLON_SPLIT: Final = (10 / 55, 40 / 55, 5 / 55)


def race_legs(race: Race, key: RaceDistance) -> list[RaceLeg]:
    """The legs of a race day, the first naming the race."""
    lengths: dict[Leg, float] = {"swim": race.swim_km, "bike": race.bike_km, "run": race.run_km}
    return [RaceLeg(key, leg, round(lengths[leg] * 1000, 1), first=index == 0) for index, leg in enumerate(race.legs)]


def duathlon_legs(total_km: float) -> list[RaceLeg]:
    """A duathlon's run, bike and run legs (standard 10/40/5 km, sprint 5/20/2.5 km, else in that proportion)."""
    sports: tuple[WorkoutType, ...] = ("run", "bike", "run")
    return [
        RaceLeg("other", sport, round(total_km * share * 1000, -2), first=index == 0)
        for index, (sport, share) in enumerate(zip(sports, _DUATHLON_SPLIT, strict=True))
    ]


def _easy(profile: Profile, sport: WorkoutType, minutes: float) -> Session:
    if sport == "swim":
        return swim(minutes)
    return Session(_EASY.get(sport, "easy-run"), max(15, floor5(minutes)))


def _limit(profile: Profile, sport: WorkoutType, days_out: int | None = None) -> float:
    """The longest race-week session of `sport`, minutes: the knowledge's time limit, or 90 % of a limit derived
    from metres or km (swims round to 100 m, distances convert at a reference pace); a run in the last three days
    before the race no longer than the day before's shake-out may be (the legs arrive fresh)."""
    race, leg = profile.race, leg_of(sport)
    if race is None or leg is None or leg not in race.legs:
        return 45.0
    limit = race_week_session_limit(race, profile.level, leg)
    minutes = limit.max_minutes
    if minutes is None and limit.max_km is not None:
        minutes = limit.max_km * 1000 / 50 if sport == "swim" else limit.max_km * 6
    exact = sport != "swim" and limit.max_minutes is not None
    longest = (0.99 if exact else 0.9) * (minutes or 45.0)
    if sport == "run" and days_out is not None and days_out <= _CLOSE_DAYS:
        longest = min(longest, DAY_BEFORE_RACE_MAX_MINUTES)
    return longest


def _shakeout(profile: Profile) -> Session | None:
    """The day before the race: a short easy session of a sport that may fall the day before a race leg."""
    restricted = set(profile.requirements.no_back_to_back)
    options: tuple[WorkoutType, ...] = _SHAKEOUT_SPORTS.get(profile.family, ("run", "swim", "bike"))
    for sport in options:
        if sport in restricted or profile.counts.get(sport, 0) == 0:
            continue
        if sport == "swim":
            return swim(_SHAKEOUT_MINUTES)
        if sport == "bike":
            return Session("bike", _SHAKEOUT_MINUTES)
        return Session("recovery-run", _SHAKEOUT_MINUTES, locked=True)  # written as a shake-out, not a training run
    return None


def race_week(
    profile: Profile,
    week: Week,
    calendar: Calendar,
    day: Weekday,
    legs: list[RaceLeg],
    budget: float,
    quality: Session | None = None,
    fill: float | None = None,
) -> Week:
    """The race week: race on `day`, nothing after it, a light week of at most `budget` minutes before it (its easy
    sessions grown towards `fill` when the taper left it lighter, `budget` by default), with one short quality
    session (the week's own, else `quality`) 3–5 days out."""
    race_at = calendar.offset(day)
    result: Week = {weekday: [] for weekday in WEEKDAYS}
    kept_quality = False
    for weekday in WEEKDAYS:
        offset = calendar.offset(weekday)
        if offset > race_at:
            continue
        if offset == race_at:
            result[weekday] = [Session("race", race=leg) for leg in legs]
        elif offset == race_at - 1:
            shakeout = _shakeout(profile) if week[weekday] else None
            result[weekday] = [shakeout] if shakeout is not None else []
        else:
            for session in week[weekday]:
                if session.kind in _QUALITY and not kept_quality and offset <= race_at - _LAST_QUALITY_DAYS:
                    kept_quality = True
                    result[weekday].append(_sharpener(session))
                elif session.sport in _EASY:
                    normal = session_minutes(session) * (0.5 if session.kind.startswith("long") else 1.0)
                    longest = _limit(profile, session.sport, race_at - offset)
                    result[weekday].append(_easy(profile, session.sport, min(normal, longest)))
                elif offset <= race_at - _STRENGTH_DAYS:
                    result[weekday].append(Session(session.kind, min(session.minutes, 20)))
    _use_free_days(profile, result, week, calendar, race_at)
    if not kept_quality:
        _add_sharpener(result, week, calendar, race_at, quality)
    return _within(_filled(profile, result, calendar, race_at, budget if fill is None else fill), budget)


def _use_free_days(profile: Profile, result: Week, week: Week, calendar: Calendar, race_at: int) -> None:
    """Easy sessions the race displaced (those after it) moved to free allowed days at least three days before it,
    so race week keeps its rhythm; within the days a week the athlete stated and their back-to-back rules."""
    requirements = profile.requirements
    allowed = set(requirements.allowed_days or WEEKDAYS) - set(requirements.excluded_days)
    displaced: list[WorkoutType] = [
        s.sport for d in WEEKDAYS if calendar.offset(d) > race_at for s in week[d] if s.sport in _EASY
    ]
    wanted = requirements.days_per_week or len(profile.days)
    for offset in range(race_at - 2):
        training = sum(1 for sessions in result.values() if sessions)
        weekday = calendar.day_at(offset)
        if not displaced or training >= wanted:
            return
        if result[weekday] or weekday not in allowed:
            continue
        sport: WorkoutType | None = next(
            (s for s in displaced if not _next_to(result, calendar, offset, s, profile)), None
        )
        if sport is not None:
            displaced.remove(sport)
            result[weekday] = [_easy(profile, sport, min(30, profile.cap(weekday) or 30))]


def _next_to(result: Week, calendar: Calendar, offset: int, sport: WorkoutType, profile: Profile) -> bool:
    """Whether `sport` may not fall on the day at `offset` because the athlete wants no two such days in a row."""
    if sport not in profile.requirements.no_back_to_back:
        return False
    return any(s.sport == sport for near in (offset - 1, offset + 1) for s in result[calendar.day_at(near % 7)])


def _add_sharpener(result: Week, week: Week, calendar: Calendar, race_at: int, fallback: Session | None) -> None:
    """The week's first quality session, shortened, on the first training day 4, 5 or 3 days before the race in
    place of an easy session of its sport: race week keeps one short touch of race pace (the knowledge: the last
    hard session 3–5 days out)."""
    quality = next((s for day in WEEKDAYS for s in week[day] if s.kind in _QUALITY), fallback)
    if quality is None:
        return
    for days_out in (_LAST_QUALITY_DAYS, _LAST_QUALITY_DAYS + 1, _STRENGTH_DAYS):
        if days_out > race_at:
            continue
        sessions = result[calendar.day_at(race_at - days_out)]
        easy = [i for i, s in enumerate(sessions) if s.sport == quality.sport and s.kind == _EASY[quality.sport]]
        if easy:
            sessions[easy[0]] = _sharpener(quality)
            return


_FILLABLE: Final[frozenset[SessionKind]] = frozenset({"easy-run", "bike", "swim"})
_MOST_FILL: Final = 1.5
"""A race-week session grows at most by half: race week stays a week of short sessions, not of a few long ones."""


def _filled(profile: Profile, week: Week, calendar: Calendar, race_at: int, budget: float) -> Week:
    """The week with its easy sessions (the day before the race's excepted) grown together towards `budget`, each
    within the race-week limit of its sport: race week is cut from the peak, not from what the taper left."""
    total = sum(session_minutes(s) for sessions in week.values() for s in sessions)
    eve = calendar.day_at(race_at - 1) if race_at >= 1 else None
    growable: list[tuple[Weekday, int]] = [
        (day, i) for day, sessions in week.items() for i, s in enumerate(sessions)
        if day != eve and s.kind in _FILLABLE and not s.locked
    ]  # fmt: skip
    part = sum(session_minutes(week[day][i]) for day, i in growable)
    if total >= budget or part <= 0:
        return week
    factor = min(_MOST_FILL, 1 + (budget - total) / part)
    grown: Week = {day: list(sessions) for day, sessions in week.items()}
    for day, i in growable:
        session = grown[day][i]
        minutes = min(session_minutes(session) * factor, _limit(profile, session.sport, race_at - calendar.offset(day)))
        cap = profile.cap(day)
        if cap is not None:
            minutes = min(minutes, cap)
        grown[day][i] = _easy(profile, session.sport, max(minutes, session_minutes(session)))
    return grown


def _sharpener(session: Session) -> Session:
    """A race-week quality session: the same work, about half of it."""
    main = session.main
    if main is None:
        return Session(session.kind, max(20, floor5(session.minutes * 0.6)))
    if main.reps > 1:
        shorter = replace(main, reps=max(3, main.reps // 2 + 1))
    else:
        shorter = replace(main, work_seconds=max(600, main.work_seconds // 2 // 300 * 300))
    return structured(session.kind, shorter, min(session.warm_up, 15), min(session.cool_down, 10), session.pace)


def race_window(profile: Profile, week: Week, calendar: Calendar, day: Weekday) -> Week:
    """The week before race week, its days inside the seven days before the race kept light: easy sessions within
    the race-week limits, a quality session only four days out or more."""
    race_at = calendar.offset(day)
    result: Week = {weekday: list(sessions) for weekday, sessions in week.items()}
    for weekday in WEEKDAYS:
        offset = calendar.offset(weekday)
        if offset <= race_at:
            continue
        days_out = 7 - offset + race_at
        if days_out == 1:  # the day before the race: a short shake-out or rest
            shakeout = _shakeout(profile) if week[weekday] else None
            result[weekday] = [shakeout] if shakeout is not None else []
            continue
        light: list[Session] = []
        for session in week[weekday]:
            if session.kind in _QUALITY and days_out >= _LAST_QUALITY_DAYS:
                light.append(session)
            elif session.kind in {"long-run", "long-ride"}:  # still the week's long session, within the limit
                limit = _limit(profile, session.sport)
                light.append(Session(session.kind, max(20, floor5(min(session.minutes, limit)))))
            elif session.sport in _EASY:
                light.append(
                    _easy(
                        profile, session.sport, min(session_minutes(session), _limit(profile, session.sport, days_out))
                    )
                )
            else:
                light.append(session)
        result[weekday] = light
    return result


def fit_window(
    before: Week | None, week: Week, calendar: Calendar, day: Weekday, budget: float
) -> tuple[Week | None, Week]:
    """The seven days before the race (the end of the week before, the start of race week) shortened together until
    they hold at most `budget` minutes: easy sessions first, then the quality session."""
    race_at = calendar.offset(day)
    window: list[tuple[Week, Weekday]] = []
    for weekday in WEEKDAYS:
        if calendar.offset(weekday) < race_at:
            window.append((week, weekday))
        elif before is not None and calendar.offset(weekday) > race_at:
            window.append((before, weekday))
    for kinds in (_EASY_KINDS, _EASY_KINDS | _QUALITY):
        current = sum(session_minutes(s) for w, d in window for s in w[d])
        shrinkable = sum(session_minutes(s) for w, d in window for s in w[d] if s.kind in kinds)
        if current <= budget or shrinkable <= 0:
            break
        factor = max(0.3, 1 - (current - budget) / shrinkable)
        for target, weekday in window:
            target[weekday] = [_shortened(s, factor) if s.kind in kinds else s for s in target[weekday]]
    return before, week


_EASY_KINDS: Final[frozenset[SessionKind]] = frozenset({"easy-run", "bike", "swim", "long-run", "long-ride"})


def _shortened(session: Session, factor: float) -> Session:
    if session.kind == "swim":
        return swim(session_minutes(session) * factor)
    if session.kind in _QUALITY:
        return _sharpener(session)
    return Session(session.kind, max(15, floor5(session.minutes * factor)))


def _within(week: Week, budget: float) -> Week:
    """The week with its easy sessions shortened until it holds at most `budget` minutes."""
    total = sum(session_minutes(s) for sessions in week.values() for s in sessions)
    if total <= budget or total <= 0:
        return week
    factor = max(0.3, budget / total)
    return {day: [_shrunk(s, factor) for s in sessions] for day, sessions in week.items()}


def _shrunk(session: Session, factor: float) -> Session:
    if session.kind == "race" or session.kind in _QUALITY or session_minutes(session) <= DAY_BEFORE_RACE_MAX_MINUTES:
        return session
    if session.kind == "swim":
        return swim(session_minutes(session) * factor)
    return Session(session.kind, max(15, floor5(session.minutes * factor)))


def tune_up_week(profile: Profile, week: Week, calendar: Calendar, distance: RaceDistance, long_day: Weekday) -> Week:
    """A lighter week with a tune-up race of `distance` the day before the long day (on it when that day does not
    train), the long session after it short and easy, and no quality in the three days before the race."""
    legs = race_legs(race_for(distance), distance)
    race_sports = {leg.sport for leg in legs}
    day_before = calendar.day_at((calendar.offset(long_day) - 1) % 7)
    race_day = day_before if week[day_before] and calendar.offset(long_day) > 0 else long_day
    race_at = calendar.offset(race_day)
    result: Week = {weekday: [] for weekday in WEEKDAYS}
    for weekday in WEEKDAYS:
        offset = calendar.offset(weekday)
        for session in week[weekday]:
            if offset == race_at and session.sport in race_sports:
                continue
            close = 0 < race_at - offset <= _STRENGTH_DAYS
            if session.kind.startswith("long") and offset > race_at:
                result[weekday].append(Session(session.kind, max(30, floor5(session.minutes * 0.6))))
            elif session.kind in _QUALITY and close:
                result[weekday].append(_easy(profile, session.sport, min(session_minutes(session) * 0.6, 60)))
            elif offset == race_at - 1 and session.sport in race_sports:
                result[weekday].append(_easy(profile, session.sport, _SHAKEOUT_MINUTES))
            else:
                result[weekday].append(session)
        if offset == race_at:
            result[weekday] = [*(Session("race", race=leg) for leg in legs), *result[weekday]]
    return result
