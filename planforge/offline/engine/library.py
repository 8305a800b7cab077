"""The org's workout library in the plan: sessions taken from it as a coach would, sized by what it holds.

What the coach knows of the library is what `search_library` showed it (`LibraryCatalog`). Under
`strict_existing` every session becomes a library workout: the same sub-type first, else one of the same role
(another easy run, another quality session of the sport), the closest in size without outgrowing the planned
session; a session the library has nothing of its sport for is left out, and the overview says so. Under
`prefer_existing` a session takes a library workout of its own sub-type when one is within a quarter of its
size, and stays as planned otherwise. A session taken from the library carries its id (`Session.library`), the
draft names it "… [lib:ID]" as the library prompt asks, and its size is the library workout's, so the week's
hours, caps and build are those the athlete will do. The race is never swapped.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final, Literal

from planforge.coaching import race_week_session_limit
from planforge.domain.vocabulary import Weekday, WorkoutSubType, WorkoutType
from planforge.offline.engine.profile import Profile, leg_of
from planforge.offline.engine.sessions import SWIM_METERS_PER_MINUTE, Session, SessionKind, session_minutes
from planforge.offline.engine.volume import HARD_SHARE_MAX, hard_minutes
from planforge.quality.measures import SECONDS_PER_KM

LibraryPreference = Literal["prefer_existing", "strict_existing"]
"""The preferences under which a plan uses the org's library."""

_SUB_TYPE: Final[dict[SessionKind, WorkoutSubType]] = {
    "easy-run": "easy-run", "recovery-run": "recovery-run", "long-run": "long-run", "tempo-run": "tempo-run",
    "interval-run": "interval-run", "hill-repeats": "hill-repeats", "fartlek": "fartlek",
    "progression-run": "progression-run", "race-pace-run": "race-pace-run", "trail-run": "trail-run",
    "brick-run": "easy-run", "strength": "strength-training", "bike": "endurance-ride", "long-ride": "long-ride",
    "tempo-ride": "tempo-ride", "interval-ride": "interval-ride", "hill-ride": "hill-ride", "brick-bike": "brick",
    "swim": "endurance-swim",
}  # fmt: skip
"""The library sub-type a session of each kind looks for first (a run/walk is the novice's own: never swapped)."""

_EASY_RUNS: Final = ("easy-run", "recovery-run", "trail-run", "progression-run")
_QUALITY_RUNS: Final = ("tempo-run", "interval-run", "fartlek", "hill-repeats", "race-pace-run")
_EASY_RIDES: Final = ("endurance-ride", "recovery-ride")
_QUALITY_RIDES: Final = ("tempo-ride", "interval-ride", "hill-ride")
_SWIMS: Final = ("endurance-swim", "technique-swim", "open-water-swim", "interval-swim")
_ROLE: Final[dict[WorkoutSubType, tuple[WorkoutSubType, ...]]] = {
    **dict.fromkeys(_EASY_RUNS, _EASY_RUNS),
    "long-run": ("easy-run",),
    **dict.fromkeys(_QUALITY_RUNS, _QUALITY_RUNS),
    **dict.fromkeys(_EASY_RIDES, _EASY_RIDES),
    "long-ride": ("endurance-ride",),
    "brick": ("long-ride", "endurance-ride"),
    **dict.fromkeys(_QUALITY_RIDES, _QUALITY_RIDES),
    **dict.fromkeys(_SWIMS, _SWIMS),
}
"""Where a strict plan looks when the library has no workout of the session's own sub-type: the same role."""

PREFER_SHORTER: Final = 0.15
"""Under prefer_existing a library workout replaces a session when at most this much shorter than planned (a
long session: `PREFER_LONG_SHORTER`) …"""
PREFER_LONG_SHORTER: Final = 0.1
"""… since a shorter long session in one week makes the next week's step look like a jump."""
GROW_AT_MOST: Final = 1.1
"""… or at most this many times as long (the 10 % that earns no warning in the knowledge's growth rules); under
strict_existing the library workout chosen is the largest up to this size."""


@dataclass(frozen=True)
class LibraryEntry:
    """One library workout as the search tool showed it."""

    library_id: str
    workout_type: WorkoutType
    workout_sub_type: str
    minutes: float | None
    """Its duration, else its distance at the reference pace of its sport; None when it states neither."""
    meters: float | None


@dataclass(frozen=True)
class LibraryCatalog:
    """The library workouts the coach found, and how the request wants them used."""

    preference: LibraryPreference
    entries: tuple[LibraryEntry, ...]

    def holds(self, workout_type: WorkoutType) -> bool:
        """Whether the library has any sized workout of `workout_type`."""
        return any(e.workout_type == workout_type and e.minutes is not None for e in self.entries)

    def of(self, workout_type: WorkoutType, sub_types: Iterable[str]) -> list[LibraryEntry]:
        """The sized workouts of `workout_type` whose sub-type is one of `sub_types`."""
        wanted = set(sub_types)
        return [
            e
            for e in self.entries
            if e.workout_type == workout_type and e.workout_sub_type in wanted and e.minutes is not None
        ]


def entry_minutes(workout_type: WorkoutType, minutes: float | None, km: float | None) -> float | None:
    """A library workout's size in minutes: its duration, else its distance at the sport's reference pace."""
    if minutes:
        return minutes
    if km and workout_type in SECONDS_PER_KM:
        return km * SECONDS_PER_KM[workout_type] / 60
    return None


def _size(entry: LibraryEntry) -> float:
    return entry.minutes or 0.0


def _candidates(
    session: Session, catalog: LibraryCatalog, cap: int | None, sub_types: Iterable[str]
) -> list[LibraryEntry]:
    return [e for e in catalog.of(session.sport, sub_types) if cap is None or _size(e) <= cap]


def choose(
    session: Session, catalog: LibraryCatalog, cap: int | None, ruled_out: frozenset[str] = frozenset()
) -> LibraryEntry | None:
    """The library workout that takes the session's place, or None (prefer: keep it; strict: leave it out); never
    one of the sub-types the athlete's cautions rule out.

    Never one that makes the session more than `GROW_AT_MOST` longer than planned, when any other will do: the
    week's build and the single-session spike rule were reckoned on the planned size.
    """
    sub_type = _SUB_TYPE.get(session.kind)
    if sub_type is None or session.race is not None:
        return None
    catalog = LibraryCatalog(
        catalog.preference, tuple(e for e in catalog.entries if e.workout_sub_type not in ruled_out)
    )
    planned = session_minutes(session)
    fits = _candidates(session, catalog, cap, (sub_type,))
    if catalog.preference == "prefer_existing":
        shorter = PREFER_LONG_SHORTER if session.kind in _LONG_KINDS else PREFER_SHORTER
        close = [e for e in fits if planned * (1 - shorter) <= _size(e) <= planned * GROW_AT_MOST]
        return min(close, key=lambda e: (abs(_size(e) - planned), e.library_id), default=None)
    role = _candidates(session, catalog, cap, _ROLE.get(sub_type, ()))
    for choices in (fits, role):  # its own sub-type first, then its role, never grown past the planned size
        if within := [e for e in choices if _size(e) <= planned * GROW_AT_MOST]:
            return max(within, key=lambda e: (_size(e), e.library_id))
    return min([*fits, *role], key=lambda e: (_size(e), e.library_id), default=None)


def as_library_session(session: Session, entry: LibraryEntry) -> Session:
    """The session as the library workout: the same kind, the library's size and id (its structure is the
    library's, so no main set of the engine's own)."""
    if session.kind == "swim":
        meters = entry.meters or (entry.minutes or 0.0) * SWIM_METERS_PER_MINUTE
        return Session("swim", meters=round(meters / 100) * 100, library=entry.library_id)
    kind = (
        _KIND_OF.get(entry.workout_sub_type, session.kind)
        if entry.workout_sub_type != _SUB_TYPE.get(session.kind)
        else session.kind
    )
    return Session(kind, round(entry.minutes or 0.0), library=entry.library_id, locked=session.locked)


def library_hard_minutes(session: Session, planned: Session) -> float:
    """Hard minutes of `session`, which stands for `planned`: a library quality workout's steps are the library's
    and the search does not show them, so its hard share is taken as the planned session's of the same role (a
    warm-up and cool-down around the work), the whole of it when the planned one has no structure."""
    if session.library is None or _SUB_TYPE.get(session.kind) not in _HARD:
        return hard_minutes(session)
    own, minutes = hard_minutes(planned), session_minutes(planned)
    return session_minutes(session) * (own / minutes if own and minutes else 1.0)


_HARD: Final = frozenset({*_QUALITY_RUNS, *_QUALITY_RIDES})
_EASY_OF_SPORT: Final[dict[WorkoutType, SessionKind]] = {"run": "easy-run", "bike": "bike"}

_KIND_OF: Final[dict[str, SessionKind]] = {
    sub_type: kind for kind, sub_type in reversed(_SUB_TYPE.items()) if kind not in {"brick-run"}
}
"""The session kind that names a library workout of another sub-type than planned (its label in the draft)."""
_LONG_KINDS: Final[frozenset[SessionKind]] = frozenset({"long-run", "long-ride", "brick-bike"})

Placed = tuple[Weekday, int, Session]
"""A session with its day and position, and the session it stands for as planned."""


def use_library(
    profile: Profile,
    week: dict[Weekday, list[Session]],
    catalog: LibraryCatalog,
    *,
    race_week: bool = False,
    most: float | None = None,
) -> tuple[dict[Weekday, list[Session]], list[Session]]:
    """The week with its sessions taken from the library, and (strict) the sessions the library could not give;
    then within the athlete's hours and the plan's share of hard work, with the library's sizes. In race week a
    session grows at most to the race-week limit of its leg, and the day before the race not at all: the taper's
    sizes are the point of the week. A week the library's sizes push past `most` minutes (its growth limit over the
    weeks before it) takes smaller library workouts, as over the athlete's hours."""
    used: dict[Weekday, list[Session]] = {}
    planned: list[Placed] = []
    missing: list[Session] = []
    eve = _day_before_race(week)
    ruled_out = ruled_out_by(profile)
    for day, sessions in week.items():
        used[day] = []
        for session in sessions:
            if session.race is not None or session.run_walk is not None:
                used[day].append(session)  # the race, and a novice's run/walk onset, stay the coach's own
                continue
            cap = profile.cap(day)
            if race_week:
                cap = _race_week_cap(profile, session, cap, eve=day == eve)
            entry = choose(session, catalog, cap, ruled_out)
            if entry is None and catalog.preference == "strict_existing":
                missing.append(session)
                continue
            planned.append((day, len(used[day]), session))
            used[day].append(session if entry is None else as_library_session(session, entry))
    _ease(used, planned, catalog)
    _within_hours(profile, used, planned, catalog, most)
    return used, missing


def ruled_out_by(profile: Profile) -> frozenset[str]:
    """The library sub-types the athlete's cautions rule out ("no hills", "no track intervals", "easy runs only")."""
    flags = profile.flags
    ruled_out: set[str] = set()
    if flags.no_hills:
        ruled_out |= {"hill-repeats", "hill-ride"}
    if flags.no_run_intervals:
        ruled_out.add("interval-run")
    if flags.no_run_quality:
        ruled_out |= set(_QUALITY_RUNS)
    return frozenset(ruled_out)


def _day_before_race(week: dict[Weekday, list[Session]]) -> Weekday | None:
    days = list(week)
    race_days = [index for index, day in enumerate(days) if any(s.race is not None for s in week[day])]
    return days[race_days[0] - 1] if race_days and race_days[0] > 0 else None


def _race_week_cap(profile: Profile, session: Session, cap: int | None, *, eve: bool) -> int:
    """The longest a race-week session may become: the knowledge's race-week limit of its leg (else, and the day
    before the race, its planned size), within the day's cap."""
    race, leg = profile.race, leg_of(session.sport)
    known = race is not None and leg in race.legs and not eve
    limit = race_week_session_limit(race, profile.level, leg).max_minutes if race and leg and known else None
    largest = limit if limit is not None else session_minutes(session) * GROW_AT_MOST
    return int(min(largest, cap if cap is not None else math.inf))


def _ease(week: dict[Weekday, list[Session]], planned: list[Placed], catalog: LibraryCatalog) -> None:
    """Library quality workouts back to the planned session (prefer) or to an easy library workout of the sport
    (strict), hardest first, while hard work is over its share of the week."""
    stands_for = {(day, index): session for day, index, session in planned}

    def hard(day: Weekday, index: int) -> float:
        current = week[day][index]
        return library_hard_minutes(current, stands_for.get((day, index), current))

    places: list[tuple[Weekday, int]] = [(day, i) for day, sessions in week.items() for i in range(len(sessions))]
    for day, index, session in sorted(planned, key=lambda p: -hard(p[0], p[1])):
        total = sum(session_minutes(s) for sessions in week.values() for s in sessions)
        if total <= 0 or sum(hard(d, i) for d, i in places) <= HARD_SHARE_MAX * total:
            return
        if hard(day, index) <= hard_minutes(session):
            continue
        if catalog.preference == "prefer_existing":
            week[day][index] = session
            continue
        easy = _EASY_OF_SPORT.get(session.sport)
        entry = choose(Session(easy, session.minutes), catalog, None) if easy else None
        if entry is not None and easy is not None:
            week[day][index] = as_library_session(Session(easy, session.minutes), entry)


def _within_hours(
    profile: Profile,
    week: dict[Weekday, list[Session]],
    planned: list[Placed],
    catalog: LibraryCatalog,
    most: float | None = None,
) -> None:
    """Sessions the library made longer than planned back to their planned size (prefer) or to the next
    smaller library workout (strict), largest growth first and long sessions last, while the week is over the
    athlete's hours (or over `most` minutes, the week's growth limit)."""
    hours = profile.requirements.hours_per_week
    ceilings = [hours.max * 60] if hours is not None and hours.max is not None else []
    if most is not None:
        ceilings.append(most)
    if not ceilings:
        return
    ceiling = min(ceilings)
    # Largest growth first; the long sessions last, as the growth rules keep their own progression.
    grown = sorted(
        planned, key=lambda p: (p[2].kind in _LONG_KINDS, session_minutes(p[2]) - session_minutes(week[p[0]][p[1]]))
    )
    for day, index, session in grown:
        if sum(session_minutes(s) for sessions in week.values() for s in sessions) <= ceiling:
            return
        current = week[day][index]
        if current.library is None:
            continue
        if catalog.preference == "prefer_existing":
            week[day][index] = session
            continue
        entry = _smaller(session, session_minutes(current), catalog)
        easy = _EASY_OF_SPORT.get(session.sport)
        if entry is None and easy is not None and session.kind not in _LONG_KINDS:  # a quality workout: an easy one
            entry = _smaller(Session(easy, session.minutes), session_minutes(current), catalog)
            session = Session(easy, session.minutes) if entry is not None else session
        if entry is not None:
            week[day][index] = as_library_session(session, entry)


def _smaller(session: Session, minutes: float, catalog: LibraryCatalog) -> LibraryEntry | None:
    """The largest library workout of the session's sub-type (else role) shorter than `minutes`."""
    sub_type = _SUB_TYPE.get(session.kind)
    if sub_type is None:
        return None
    for sub_types in ((sub_type,), _ROLE.get(sub_type, ())):
        shorter = [e for e in _candidates(session, catalog, None, sub_types) if _size(e) < minutes]
        if shorter:
            return max(shorter, key=lambda e: (_size(e), e.library_id))
    return None
