"""One week's sessions: what the week holds by sport and role, placed on its days and sized.

Sizes follow the sport's loads at the week's progress (`sizes`): the long session first, the quality sessions
by level and phase, and what is left of the sport's weekly volume shared over its easy sessions, each within
the day's time cap. Lighter weeks scale the week (the long session a little less than the rest); race and
tune-up weeks are reshaped around their race (`raceweek`), and the week is then fitted to the hours the athlete
has (`volume`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Final

from planforge.domain.vocabulary import WEEKDAYS, Weekday, WorkoutType
from planforge.offline.engine.intensity import limit_intensity
from planforge.offline.engine.layout import Role, Slot, place
from planforge.offline.engine.novice import after_onset, novice_run, onset_bouts
from planforge.offline.engine.paces import Paces
from planforge.offline.engine.periodization import WeekTarget
from planforge.offline.engine.profile import Profile
from planforge.offline.engine.quality import (
    marathon_pace_finish,
    profile_main,
    quality_count,
    quality_kind,
    quality_session,
)
from planforge.offline.engine.sessions import Session, SessionKind, floor5, round5, swim
from planforge.offline.engine.sizes import Sizes, easy_run_most, fitness_minutes, week_minutes_at

Week = dict[Weekday, list[Session]]
"""A week's sessions by day; a day without sessions is a rest day."""

_LONG_KIND: Final[dict[WorkoutType, SessionKind]] = {"run": "long-run", "bike": "long-ride", "swim": "swim"}
_EASY_KIND: Final[dict[WorkoutType, SessionKind]] = {
    "run": "easy-run", "bike": "bike", "swim": "swim", "strength": "strength", "cross-training": "cross-training",
    "walk": "walk", "hike": "hike",
}  # fmt: skip
_MIN_EASY: Final[dict[WorkoutType, int]] = {"run": 20, "bike": 30, "swim": 20}
_EASY_OF_LONG: Final[dict[WorkoutType, float]] = {"run": 0.75, "bike": 0.7, "swim": 0.9}
_LONG_IN_LIGHT_WEEK: Final = 0.85
_TAPER_LONG: Final[dict[int, tuple[float, ...]]] = {1: (0.5,), 2: (0.75, 0.5), 3: (0.8, 0.65, 0.5)}
_BRICK_RUN: Final[dict[str, int]] = {"sprint-triathlon": 15, "olympic-triathlon": 20, "half-ironman": 30,
                                     "ironman": 40}  # fmt: skip
_EXTRA_MINUTES: Final[dict[WorkoutType, int]] = {"strength": 30, "cross-training": 40, "walk": 30, "hike": 90}
_BRICK_PHASES: Final = frozenset({"build", "peak"})


@dataclass(frozen=True)
class WeekPlan:
    """A week's sessions by day and what it could not hold."""

    sessions: Week
    dropped: tuple[Slot, ...] = ()


def slots_for(profile: Profile, target: WeekTarget) -> list[Slot]:
    """What the week holds: per sport a long session, quality, easy sessions; bricks and extras."""
    slots: list[Slot] = []
    main = profile_main(profile)
    bricks = profile.family in {"triathlon", "duathlon"} and target.phase in _BRICK_PHASES and target.kind == "build"
    for sport, count in profile.counts.items():
        if sport not in {"run", "bike", "swim"}:
            slots += [Slot(sport, "extra", i) for i in range(count)]
            continue
        roles: list[Slot] = []
        if count >= 2 or sport == main:
            roles.append(Slot(sport, "long"))
        if sport == "run" and bricks and count - len(roles) >= 1 and "bike" in profile.long_days:
            roles.append(Slot("run", "brick-run"))
        if sport == "run" and _back_to_back(profile, target) and count - len(roles) >= 2:
            roles.append(Slot("run", "second-long"))
        if sport == "run" and profile.medium_long_day is not None and target.kind in {"build", "step-back"}:
            roles.append(Slot("run", "medium-long"))
        quality = min(quality_count(profile, target, sport), max(0, count - len(roles) - (1 if count >= 4 else 0)))
        if any(r.role == "second-long" for r in roles):  # a back-to-back weekend is the week's big work
            quality = min(quality, 1)  # one quality session beside it
        roles += [Slot(sport, "quality", i) for i in range(quality)]
        roles += [Slot(sport, "easy", i) for i in range(count - len(roles))]
        slots += roles
    return slots


def _back_to_back(profile: Profile, target: WeekTarget) -> bool:
    """A back-to-back long weekend: build and peak weeks of a plan that holds them (ultras, or asked for)."""
    return profile.second_long_day is not None and target.phase in _BRICK_PHASES and target.kind == "build"


_SECOND_LONG: Final = 0.5
"""A back-to-back weekend's second run against the first (Sunday's 2 h after Saturday's 4 h)."""
_MEDIUM_LONG: Final = 0.55
"""A medium-long run against the week's long run (Pfitzinger's 11–15 miles beside 18–22)."""
_CLIMB_M: Final = 500


def _climbs(profile: Profile) -> bool:
    """A trail race, or a race with real climbing: its runs go to trails and hills."""
    race = profile.requirements.race
    return race is not None and (race.sport == "trail-run" or (race.elevation_gain_m or 0) >= _CLIMB_M)


_QUALITY_ROOM: Final = 1.15
_QUALITY_ROOM_LEAST: Final = 20


def _quality_room(profile: Profile, sizes: Sizes, target: WeekTarget) -> dict[WorkoutType, float]:
    """The longest a quality session of each sport may be: in a small week, not much more than its average session
    (a beginner's 20-minute runs hold a 25-minute fartlek, not a 35-minute one that jumps the week by a fifth)."""
    room: dict[WorkoutType, float] = {}
    if target.kind not in {"build", "step-back"}:  # taper and race weeks keep their sharpening session's size
        return room
    for sport, load in sizes.loads.items():
        count = profile.counts.get(sport, 0)
        if count:
            week = week_minutes_at(profile, load, target.volume_index, target.volume_steps) * target.volume
            room[sport] = max(_QUALITY_ROOM_LEAST, week / count * _QUALITY_ROOM)
    return room


def _bouts(profile: Profile) -> tuple[float, ...]:
    """A never-runner's onset over the weeks before race week."""
    return onset_bouts(profile.slot.week - 1 if profile.slot is not None else profile.weeks)


def _cap(profile: Profile, day: Weekday, minutes: float) -> int:
    cap = profile.cap(day)
    return int(minutes if cap is None else min(minutes, cap))


def _long_factor(target: WeekTarget, taper_weeks: int) -> float:
    """The long session against the build level: shorter in lighter weeks, progressively so in the taper."""
    if target.kind in {"taper", "race"}:
        return _TAPER_LONG[max(1, min(taper_weeks, 3))][min(target.taper_week, 3) - 1]
    return _LONG_IN_LIGHT_WEEK if target.lighter else 1.0


def size_week(
    profile: Profile,
    sizes: Sizes,
    target: WeekTarget,
    placed: dict[Weekday, list[Slot]],
    paces: Paces | None,
    taper_weeks: int,
) -> Week:
    """Every placed slot as a sized session."""
    factor = _long_factor(target, taper_weeks)
    long_minutes: dict[WorkoutType, float] = {
        s: load.long.at_step(target.build_index) * factor for s, load in sizes.loads.items()
    }
    week: Week = {day: [] for day in WEEKDAYS}
    fixed: dict[WorkoutType, float] = {}
    easy_slots: dict[WorkoutType, list[tuple[Weekday, int]]] = {}
    room = _quality_room(profile, sizes, target)
    for day in WEEKDAYS:
        for slot in placed.get(day, []):
            session = _fixed_session(profile, target, slot, day, long_minutes, paces, room)
            if session is None:
                easy_slots.setdefault(slot.sport, []).append((day, len(week[day])))
                session = Session(_EASY_KIND.get(slot.sport, "easy-run"))  # a place holder, sized below
            else:
                fixed[slot.sport] = fixed.get(slot.sport, 0) + _minutes(session)
            week[day].append(session)
    for day in WEEKDAYS:  # a brick: the ride on the day of the run off the bike is the brick's ride
        if any(slot.role == "brick-run" for slot in placed.get(day, [])):
            week[day] = [replace(s, kind="brick-bike") if s.kind == "long-ride" else s for s in week[day]]
    trail_runs = profile.requirements.run_kinds_per_week.get("trail-run", 0)
    if _climbs(profile) and profile.family == "run" and target.kind in {"build", "step-back"}:
        trail_runs = max(trail_runs, 1)  # a weekly run on hilly trails, climbs hiked and descents practised
    for day, index in easy_slots.get("run", [])[:trail_runs]:  # "one trail run a week": an easy run on trails
        week[day][index] = Session("trail-run")
    for sport, days in easy_slots.items():
        load = sizes.loads.get(sport)
        total = (
            week_minutes_at(profile, load, target.volume_index, target.volume_steps) * target.volume
            if load is not None
            else None
        )
        floor = load.session_floor * target.volume if load is not None else 0.0
        _size_easy(profile, week, sport, days, total, fixed.get(sport, 0.0), long_minutes.get(sport), target, floor)
    return week


def _minutes(session: Session) -> float:
    return session.meters / 50 if session.kind == "swim" else session.minutes


def _fixed_session(
    profile: Profile,
    target: WeekTarget,
    slot: Slot,
    day: Weekday,
    long_minutes: dict[WorkoutType, float],
    paces: Paces | None,
    room: dict[WorkoutType, float] | None = None,
) -> Session | None:
    """The session of a long, quality, brick or extra slot; None for an easy slot (sized from what is left); a
    quality session within its sport's `room`."""
    sport = slot.sport
    if slot.role == "long":
        minutes = long_minutes.get(sport, 0.0)
        if sport == "swim":
            return swim(minutes)
        bouts = _bouts(profile)
        if sport == "run" and profile.novice and (run := novice_run(target.week, minutes, bouts, target.volume)):
            return run
        locked = sport == "run" and profile.novice  # a former never-runner's runs grow by their own rule
        if locked:
            minutes = min(minutes, after_onset(target.week, bouts))
        size = max(_MIN_EASY[sport], floor5(_cap(profile, day, minutes)))
        if sport == "run" and (finish := marathon_pace_finish(profile, target, size, paces)) is not None:
            return finish
        return Session(_LONG_KIND[sport], size, locked=locked)
    if slot.role == "second-long":  # on trails when the race climbs: time on feet, climbs hiked
        kind: SessionKind = "trail-run" if _climbs(profile) else "easy-run"
        return Session(kind, max(30, floor5(_cap(profile, day, long_minutes.get("run", 60) * _SECOND_LONG))))
    if slot.role == "medium-long":
        medium = min(long_minutes.get("run", 60) * _MEDIUM_LONG, easy_run_most(profile))
        return Session("easy-run", max(30, floor5(_cap(profile, day, medium))))
    if slot.role == "brick-run":
        reference = profile.race.reference if profile.race is not None else "olympic-triathlon"
        minutes = _BRICK_RUN.get(reference, 20) - (5 if profile.level == "beginner" else 0)
        if profile.novice and (run := novice_run(target.week, minutes, _bouts(profile), target.volume)) is not None:
            return Session("brick-run", min(run.minutes, minutes), run_walk=run.run_walk, locked=True)
        return Session("brick-run", minutes)
    if slot.role == "quality":
        kind = quality_kind(profile, target, sport, slot.index)
        cap = profile.cap(day)
        if sport in long_minutes:  # a quality session stays shorter than the week's long session (else: easy)
            long_cap = floor5(long_minutes[sport] * 0.9)
            cap = long_cap if cap is None else min(cap, long_cap)
        if room is not None and sport in room:
            cap = int(room[sport]) if cap is None else min(cap, int(room[sport]))
        return quality_session(profile, target, kind, paces, cap)  # None: no room, an easy session instead
    if slot.role == "extra":
        minutes = (
            fitness_minutes(sport, profile.level) if profile.family == "fitness" else _EXTRA_MINUTES.get(sport, 30)
        )
        if profile.family == "fitness" and profile.requirements.session_minutes:  # "45 minutes each"
            minutes = profile.requirements.session_minutes
        return Session(_EASY_KIND.get(sport, "strength"), floor5(_cap(profile, day, minutes)))
    return None


def _size_easy(
    profile: Profile,
    week: Week,
    sport: WorkoutType,
    days: list[tuple[Weekday, int]],
    total: float | None,
    fixed: float,
    long: float | None,
    target: WeekTarget,
    floor: float = 0.0,
) -> None:
    """Share what is left of the sport's week over its easy sessions, within their bounds and the day caps: never
    shorter than the athlete's sessions today (`floor`), never longer than the level allows beside a long one."""
    if total is None:  # a sport without a load (fitness): its usual session, grown over the plan
        minutes = fitness_minutes(sport, profile.level) * (1 + 0.3 * target.progress) * target.volume
    else:
        minutes = max(0.0, total - fixed) / len(days)
    shortest = min(_MIN_EASY.get(sport, 20), long) if long else _MIN_EASY.get(sport, 20)  # a 400 m swimmer's swims
    lower = max(shortest, round5(min(floor, long or floor)))
    upper = (long or minutes) * _EASY_OF_LONG.get(sport, 1.0) if long else minutes
    if sport == "run" and long:
        upper = min(upper, easy_run_most(profile))
    each = max(lower, min(minutes, upper))
    for day, index in days:
        sessions = week[day]
        kind = sessions[index].kind
        bouts = _bouts(profile)
        if sport == "run" and profile.novice and (run := novice_run(target.week, each, bouts, target.volume, False)):
            sessions[index] = run
        elif sport == "run" and profile.novice:
            size = max(lower, floor5(min(each, after_onset(target.week, bouts))))
            sessions[index] = Session(kind, int(size), locked=True)
        elif kind == "swim":
            sessions[index] = swim(_cap(profile, day, each))
        else:
            sessions[index] = Session(kind, max(_MIN_EASY.get(sport, 20), round5(_cap(profile, day, max(lower, each)))))


def plan_week(profile: Profile, sizes: Sizes, target: WeekTarget, paces: Paces | None, taper_weeks: int) -> WeekPlan:
    """The week's sessions, placed and sized (race and tune-up weeks are reshaped afterwards; the writer then holds
    each week within its growth over the weeks before it, `growth.hold_week`)."""
    if target.kind == "after-race":
        return WeekPlan({day: [] for day in WEEKDAYS})
    slots = slots_for(profile, target)
    no_back_to_back = frozenset(profile.requirements.no_back_to_back)
    fixed: dict[Role, Weekday] = {}
    if profile.second_long_day is not None:
        fixed["second-long"] = profile.second_long_day
    if profile.medium_long_day is not None:
        fixed["medium-long"] = profile.medium_long_day
    placed, dropped = place(slots, profile.days, profile.long_days, no_back_to_back, fixed)
    week = limit_intensity(size_week(profile, sizes, target, placed, paces, taper_weeks))
    return WeekPlan(week, tuple(dropped))
