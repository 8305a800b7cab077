"""What every week of one plan shares: the race, the sports and how many sessions of each, the training days and
the long-session day of each sport, the athlete's cautions.

Sessions a week follow the request when it says; else the knowledge's sessions a week by level (Q11), and for a
triathlon two or three of each sport. Training days are picked among the allowed ones, spread through the week,
with the long-session days always among them. A constraint that cannot be kept is recorded in `declined`, for
the overview to state.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Final, Literal

from planforge.coaching import Race, race_for
from planforge.coaching.races import LEGS, Leg, duathlon
from planforge.domain.requirements import Requirements
from planforge.domain.vocabulary import WEEKDAYS, Level, Weekday, WorkoutType, weekday_index
from planforge.offline.engine.calendar import Calendar, RaceSlot, calendar_for, race_slot
from planforge.offline.engine.understand import CautionFlags, caution_flags

Family = Literal["run", "bike", "swim", "triathlon", "duathlon", "fitness"]
"""What a plan trains: one sport for its race, swim/bike/run, run/bike/run, or a mix for fitness."""

_RUNS: Final[dict[Level, int]] = {"beginner": 3, "intermediate": 4, "advanced": 5}
_LONG_RACE_RUNS: Final[dict[Level, int]] = {"beginner": 4, "intermediate": 5, "advanced": 6}
_RIDES: Final[dict[Level, int]] = {"beginner": 3, "intermediate": 4, "advanced": 5}
_SWIMS: Final[dict[Level, int]] = {"beginner": 3, "intermediate": 4, "advanced": 5}
_TRIATHLON: Final[dict[Level, dict[WorkoutType, int]]] = {
    "beginner": {"swim": 2, "bike": 2, "run": 2},
    "intermediate": {"swim": 2, "bike": 3, "run": 3},
    "advanced": {"swim": 3, "bike": 3, "run": 3},
}
_DUATHLON: Final[dict[Level, dict[WorkoutType, int]]] = {
    "beginner": {"bike": 2, "run": 3},
    "intermediate": {"bike": 2, "run": 3},
    "advanced": {"bike": 3, "run": 4},
}
_MAX_RUNS_NOT_BACK_TO_BACK: Final = 3
"""Runs a week when no two may fall on consecutive days (the week wraps into the next)."""
_LONG_RACES: Final = frozenset({"half-marathon", "marathon", "50k", "ultra", "other"})
_FAMILY: Final[dict[str, Family]] = {
    "run": "run", "trail-run": "run", "bike": "bike", "swim": "swim", "triathlon": "triathlon",
    "duathlon": "duathlon",
}  # fmt: skip


@dataclass(frozen=True)
class Profile:
    """One plan's fixed facts."""

    level: Level
    weeks: int
    requirements: Requirements
    race: Race | None
    slot: RaceSlot | None
    family: Family
    calendar: Calendar
    counts: dict[WorkoutType, int]
    """Sessions of each sport in a full week."""
    days: tuple[Weekday, ...]
    """The training days of a full week, Monday first."""
    long_days: dict[WorkoutType, Weekday]
    """The long session's day of each endurance sport the plan trains."""
    flags: CautionFlags
    novice: bool
    """The athlete has never run: runs start as run/walk (NHS Couch to 5K)."""
    declined: list[str] = field(default_factory=list[str])
    """Stated constraints the plan could not keep, as keys the overview words."""
    second_long_day: Weekday | None = None
    """The day of a back-to-back weekend's second long run (an ultra's Sunday after the Saturday long run)."""
    medium_long_day: Weekday | None = None
    """The day of a medium-long run the athlete asked for ("Saturday can be longer too")."""

    @property
    def endurance(self) -> tuple[WorkoutType, ...]:
        """The endurance sports of the plan, swim, bike, run order."""
        return tuple(s for s in ("swim", "bike", "run") if self.counts.get(s, 0) > 0)

    def cap(self, day: Weekday) -> int | None:
        """The time cap of `day`, if the athlete stated one."""
        caps = self.requirements.time_caps
        return caps.cap_for(day) if caps is not None else None


def leg_of(sport: WorkoutType) -> Leg | None:
    """The race leg a sport trains (swim, bike, run), or None."""
    for leg in LEGS:
        if leg == sport:
            return leg
    return None


def profile_for(requirements: Requirements, weeks: int, level: Level, start: dt.date | None) -> Profile:
    """The plan's fixed facts for a request."""
    race = _race(requirements)
    family = _family(requirements)
    calendar = calendar_for(start)
    declined: list[str] = []
    counts = _counts(requirements, family, level, race)
    if "run" in requirements.no_back_to_back and counts.get("run", 0) > _MAX_RUNS_NOT_BACK_TO_BACK:
        counts["run"] = _MAX_RUNS_NOT_BACK_TO_BACK
    available = _available_days(requirements)
    back_to_back = (
        family == "run"
        and counts.get("run", 0) >= _BACK_TO_BACK_RUNS
        and (requirements.back_to_back_long or (race is not None and race.reference == "50k"))
    )
    long_days = _long_days(requirements, counts, available, family, back_to_back)
    slot = None
    if requirements.race is not None and race is not None:
        slot = race_slot(requirements.race, weeks, calendar, long_days.get(_main_sport(family), "Sunday"))
    second = _second_long_day(requirements, long_days, available) if back_to_back else None
    medium = requirements.medium_long_day.get("run") if "run" in counts else None
    medium = medium if medium in available and medium not in long_days.values() and medium != second else None
    named: list[Weekday] = [day for day, sport in requirements.day_sports.items() if sport in counts]  # indoor rides
    wanted: list[Weekday | None] = [second, medium, *named]
    extra: tuple[Weekday, ...] = tuple(dict.fromkeys(d for d in wanted if d is not None))
    days = _training_days(requirements, counts, available, long_days, declined, extra)
    current = requirements.current_by_sport.get("run") or requirements.current_volume
    return Profile(
        level=level, weeks=weeks, requirements=requirements, race=race, slot=slot, family=family,
        calendar=calendar, counts=counts, days=days, long_days=long_days,
        flags=caution_flags(requirements.cautions),
        novice=current is not None and current.never_trained and current.sport == "run" and "run" in counts,
        declined=declined, second_long_day=second if second in days else None,
        medium_long_day=medium if medium in days else None,
    )  # fmt: skip


_BACK_TO_BACK_RUNS: Final = 4
"""Runs a week a back-to-back weekend needs: the two long runs and at least two other runs."""


def _second_long_day(
    requirements: Requirements, long_days: dict[WorkoutType, Weekday], available: list[Weekday]
) -> Weekday | None:
    """The other day of a back-to-back weekend: the day before a long day the athlete named, else the day after the
    long run (Saturday's long run, Sunday's medium-long one)."""
    long_day = long_days.get("run")
    if long_day is None:
        return None
    shift = -1 if "run" in requirements.long_session_day else 1
    day = WEEKDAYS[(weekday_index(long_day) + shift) % 7]
    return day if day in available else None


def _race(requirements: Requirements) -> Race | None:
    race = requirements.race
    if race is None:
        return None
    if race.sport == "duathlon":  # run, bike, run with the figures of the triathlon of its length
        return duathlon(race.distance_km or _STANDARD_DUATHLON_KM)
    try:
        return race_for(race.distance, race.distance_km)
    except ValueError:
        return None


_STANDARD_DUATHLON_KM: Final = 55.0
"""10 km run, 40 km bike, 5 km run (World Triathlon's standard duathlon); the sprint is half of it."""


def _family(requirements: Requirements) -> Family:
    if requirements.race is not None:
        return _FAMILY[requirements.race.sport]
    sports = [s for s in requirements.sports if s not in {"walk", "strength"}] or ["run"]
    if len(set(sports)) == 1 and sports[0] in {"run", "bike", "swim"}:
        return "fitness" if "strength" in requirements.sports else _FAMILY[sports[0]]
    return "fitness"


def _main_sport(family: Family) -> WorkoutType:
    if family == "bike" or family == "swim":
        return family
    return "run"


def _counts(requirements: Requirements, family: Family, level: Level, race: Race | None) -> dict[WorkoutType, int]:
    """Sessions of each sport in a full week: the request's, else by family and level."""
    asked = dict(requirements.sessions_per_week)
    current = requirements.current_volume
    days = requirements.days_per_week
    counts: dict[WorkoutType, int]
    if family == "triathlon":
        counts = {**_TRIATHLON[level], **{k: v for k, v in asked.items() if k in {"swim", "bike", "run"}}}
    elif family == "duathlon":
        counts = {**_DUATHLON[level], **{k: v for k, v in asked.items() if k in {"bike", "run"}}}
    elif family == "fitness":
        counts = _fitness_counts(requirements, level)
    else:
        main = _main_sport(family)
        default = {"run": _RUNS, "bike": _RIDES, "swim": _SWIMS}[main][level]
        if family == "run" and race is not None and race.reference in _LONG_RACES and level != "beginner":
            default = _LONG_RACE_RUNS[level]
        if current is not None and current.sessions_per_week is not None and current.sport == main:
            default = max(default - 1, min(current.sessions_per_week + 1, default))
        others = sum(v for k, v in asked.items() if k != main and k != "strength")
        if days is not None:
            default = max(1, days - others)
        counts = {main: max(asked.get(main, default), default if days is not None else 0)}
    for sport, count in asked.items():
        counts.setdefault(sport, count)
    if family != "fitness" and "bike" in requirements.sports and "bike" not in counts and counts.get("run", 0) <= 3:
        counts["bike"] = 1  # "happy to cycle on the other days": easy rides on days without a run
    return {sport: count for sport, count in counts.items() if count > 0}


def _fitness_counts(requirements: Requirements, level: Level) -> dict[WorkoutType, int]:
    asked = dict(requirements.sessions_per_week)
    run: WorkoutType = "run"
    sports: list[WorkoutType] = [s for s in requirements.sports if s != "walk"] or [run]
    days = requirements.days_per_week or (len(requirements.allowed_days or []) or _RUNS[level])
    if "strength" not in sports and len(sports) == 1:
        sports.append("strength")
    free = max(1, days - sum(asked.values()))
    wanted: list[WorkoutType] = [s for s in sports if s not in asked]
    counts: dict[WorkoutType, int] = dict(asked)
    for index in range(free):
        if wanted:
            sport = wanted[index % len(wanted)]
            counts[sport] = counts.get(sport, 0) + 1
    if counts.get("strength", 0) > 1 and len(wanted) > 1 and "strength" not in asked:
        # One strength session is the fitness plan's; the days it freed go to the endurance sport ("bike and gym").
        endurance: WorkoutType = next(s for s in wanted if s != "strength")
        counts[endurance] = counts.get(endurance, 0) + counts["strength"] - 1
        counts["strength"] = 1
    return counts


def _available_days(requirements: Requirements) -> list[Weekday]:
    allowed = requirements.allowed_days or list(WEEKDAYS)
    return [day for day in WEEKDAYS if day in allowed and day not in requirements.excluded_days]


_LONG_SPORTS: Final[dict[Family, frozenset[WorkoutType]]] = {
    "run": frozenset({"run"}), "bike": frozenset({"bike"}), "swim": frozenset({"swim"}),
    "triathlon": frozenset({"bike", "run"}), "duathlon": frozenset({"bike", "run"}),
    "fitness": frozenset({"run", "bike", "swim"}),
}  # fmt: skip


def _long_days(
    requirements: Requirements,
    counts: dict[WorkoutType, int],
    available: list[Weekday],
    family: Family,
    back_to_back: bool = False,
) -> dict[WorkoutType, Weekday]:
    """The long-session day of each endurance sport the plan is for: the request's, else the weekend (ride Saturday,
    run Sunday); a fitness plan has long sessions only where asked."""
    wanted = dict(requirements.long_session_day)
    defaults: dict[WorkoutType, Weekday] = {"bike": "Saturday", "run": "Sunday", "swim": "Saturday"}
    race = requirements.race
    if counts.get("bike", 0) and not counts.get("run", 0):
        defaults["bike"] = "Sunday"
    if counts.get("swim", 0) and not counts.get("bike", 0) and not counts.get("run", 0):
        defaults["swim"] = "Sunday"
    if race is not None and race.day is not None and family in {"run", "bike", "swim"}:
        defaults[_main_sport(family)] = race.day  # long sessions on race day's weekday: a weekly rehearsal
    if back_to_back and "run" not in wanted:
        defaults["run"] = "Saturday"  # Saturday's long run, Sunday's second one
    days: dict[WorkoutType, Weekday] = {}
    for sport in ("bike", "run", "swim"):
        if counts.get(sport, 0) == 0 or sport not in _LONG_SPORTS[family]:
            continue  # cross-training rides and a triathlete's swims take any free day
        if family == "fitness" and sport not in wanted:
            continue
        day: Weekday = wanted.get(sport, defaults[sport])
        if day not in available and available:
            taken = set(days.values())
            day = min(available, key=lambda d: (d in taken, abs(weekday_index(d) - weekday_index(day))))
        days[sport] = day
    return days


# Training days by how many, as offsets from the long-session day (0 is the day after it, 6 the long day itself):
# quality days sit apart, the day after the long session rests first.
_PATTERNS: Final[dict[int, tuple[int, ...]]] = {
    1: (6,), 2: (2, 6), 3: (1, 3, 6), 4: (1, 3, 4, 6), 5: (1, 2, 3, 5, 6), 6: (1, 2, 3, 4, 5, 6),
    7: (0, 1, 2, 3, 4, 5, 6),
}  # fmt: skip


def _training_days(
    requirements: Requirements,
    counts: dict[WorkoutType, int],
    available: list[Weekday],
    long_days: dict[WorkoutType, Weekday],
    declined: list[str],
    extra: tuple[Weekday, ...] = (),
) -> tuple[Weekday, ...]:
    """`days_per_week` days (else one per session, at most six), laid out around the long day like a coach's week
    and moved to the nearest free day where a day is not available; `extra` days (a back-to-back weekend's second
    long run, a medium-long run) are always among them."""
    sessions = sum(counts.values())
    wanted = requirements.days_per_week or min(sessions, 6)
    if requirements.days_per_week is None and requirements.allowed_days is not None:
        wanted = len(available)
    if wanted > len(available):
        declined.append("days")
        wanted = len(available)
    anchor_day: Weekday = long_days.get("run") or next(iter(long_days.values()), None) or "Sunday"
    anchor = weekday_index(anchor_day)
    if WEEKDAYS[(anchor + 1) % 7] in extra:  # a back-to-back weekend: the week is laid out after its second day
        anchor += 1
    chosen: list[Weekday] = [day for day in dict.fromkeys([*long_days.values(), *extra]) if day in available]
    for offset in _PATTERNS[max(1, min(wanted, 7))]:
        if len(chosen) >= wanted:
            break
        day: Weekday = WEEKDAYS[(anchor + 1 + offset) % 7]
        free: list[Weekday] = [d for d in available if d not in chosen]
        if day in free:
            chosen.append(day)
        elif free:
            eve = WEEKDAYS[(anchor - 1) % 7]  # the day before the long day: fresh legs for it, a lighter weekend
            chosen.append(
                min(free, key=lambda d: (-_gap(d, chosen), d == eve, abs(weekday_index(d) - weekday_index(day))))
            )
    return tuple(day for day in WEEKDAYS if day in chosen[:wanted])


def _gap(day: Weekday, chosen: list[Weekday]) -> int:
    """Days between `day` and the nearest chosen day, around the week."""
    if not chosen:
        return 7
    index = weekday_index(day)
    return min(min((index - weekday_index(c)) % 7, (weekday_index(c) - index) % 7) for c in chosen)
