"""How much a week may grow: each week held within its growth over the weeks before it (`growth_limit`).

A build week holds at most 10 % more than the week before it (7 % in a careful build: an injury, a masters
athlete); the week after a step-back week (80 % of the one before it) returns to that level, at most +28 %; no
week holds 28 % more than the heaviest of the four weeks ending two weeks before it (the knowledge fails 30 % over
two weeks, Nielsen 2014, measured as the evaluators do); a step-back week stays 10 % under the week before it and a
taper week under the heaviest recent one. A long run that steps on, or a quality session that takes an easy run's
place, can push a small week past that: its easy sessions give way first, never below their floor.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from planforge.domain.vocabulary import Weekday
from planforge.offline.engine.fitness import careful
from planforge.offline.engine.periodization import WeekTarget
from planforge.offline.engine.profile import Profile
from planforge.offline.engine.sessions import Session, SessionKind, floor5, session_minutes, structured, swim
from planforge.quality.measures import SECONDS_PER_KM

RETURN_GROWTH: Final = 1.28
"""The most the week after a step-back week may hold against it: back to the level before it (1 / 0.8), and under
the knowledge's 30 % when the step-back week could not drop a full fifth."""
WEEKLY_GROWTH_MOST: Final[dict[bool, float]] = {False: 1.10, True: 1.07}
"""The most a build week may hold against the build week before it, by whether the build is a careful one (an
injury, a masters athlete): the 10 % convention, and planforge's gentler 7 %."""
_EASY: Final[frozenset[SessionKind]] = frozenset({"easy-run", "bike", "swim", "trail-run", "cross-training", "walk"})
_FLOOR: Final = 20


def _shrunk(session: Session, factor: float) -> Session:
    """The session `factor` times as long, never under the floor (nor longer than it was)."""
    now = session_minutes(session)
    if session.kind == "swim":
        return swim(max(min(_FLOOR, now), now * factor))
    return Session(session.kind, int(max(min(_FLOOR, now), floor5(session.minutes * factor))), meters=session.meters)


def _lighter(session: Session) -> Session:
    """A quality session one repeat shorter (three repeats at least), or its steady block 5 minutes shorter."""
    main = session.main
    if main is None or session.kind not in _QUALITY:
        return session
    if main.reps > _FEWEST_REPS:
        return structured(session.kind, replace(main, reps=main.reps - 1), session.warm_up, session.cool_down,
                          session.pace)  # fmt: skip
    if main.reps == 1 and main.work_seconds > _SHORTEST_BLOCK:
        shorter = replace(main, work_seconds=main.work_seconds - 300)
        return structured(session.kind, shorter, session.warm_up, session.cool_down, session.pace)
    return session


Week = dict[Weekday, list[Session]]


def held_under(week: Week, most: float) -> Week:
    """`week` shortened until it holds at most `most` minutes, or as near as it can: its easy sessions first (never
    under their floor), then its quality sessions a repeat at a time, and in a small week its quality session made an
    easy run. The long sessions keep their own progression (a long run is judged against the longest of the last 30
    days, not against the week)."""
    held: Week = dict(week)
    for _ in range(2):
        total = _total(held)
        part = sum(session_minutes(s) for sessions in held.values() for s in sessions if _easy(s))
        if total <= most or part <= 0:
            break
        factor = max(0.5, 1 - (total - most) / part)
        held = {day: [_shrunk(s, factor) if _easy(s) else s for s in sessions] for day, sessions in held.items()}
    for _ in range(_MOST_STEPS):
        if _total(held) <= most:
            break
        lighter: Week = {day: [_lighter(s) for s in sessions] for day, sessions in held.items()}
        if lighter == held:
            break
        held = lighter
    if _total(held) > most:
        held = {day: [_eased(s) for s in sessions] for day, sessions in held.items()}
    return held


def _eased(session: Session) -> Session:
    if session.kind not in _QUALITY:
        return session
    return Session("bike" if session.sport == "bike" else "easy-run", _FLOOR)


def _easy(session: Session) -> bool:
    return session.kind in _EASY and not session.locked


_QUALITY: Final[frozenset[SessionKind]] = frozenset(
    {"tempo-run", "interval-run", "hill-repeats", "fartlek", "race-pace-run", "tempo-ride", "interval-ride",
     "hill-ride"}
)  # fmt: skip
_FEWEST_REPS: Final = 3
_SHORTEST_BLOCK: Final = 600
_MOST_STEPS: Final = 4


_ROUNDING_SLACK: Final = 5
"""Minutes a build week may go over its limit: sessions move in 5-minute steps (none after a step-back week, whose
+25 % is already near the knowledge's 30 %)."""


def hold_week(profile: Profile, target: WeekTarget, week: Week, before: list[Week]) -> Week:
    """`week` held under its `growth_limit` over the weeks `before` it (the plan's weeks so far, held already)."""
    most = growth_limit(profile, target, before)
    return week if most is None else held_under(week, most)


def growth_limit(profile: Profile, target: WeekTarget, before: list[Week]) -> float | None:
    """The most minutes a week may hold after the weeks `before` it; None when it is not held:

    - a build week over the week before: +10 % (+7 % in a careful build), +28 % after a step-back week;
    - a build week over the heaviest of the four weeks ending two weeks back: under +30 % (the knowledge's
      two-week fail line, as the evaluators measure it);
    - a step-back week at most 90 % of the week before it;
    - a taper week never above the heaviest of the last four weeks, nor 28 % above the week before it.
    The athlete's least hours a week come first. A tune-up race counts in its week at a reference pace (the week
    is lighter in training, not in load); race and tune-up weeks themselves are not held."""
    totals = [_total(earlier) + _racing(earlier) for earlier in before]
    last = totals[-1] if totals else 0.0
    if last <= 0:
        return None
    hours = profile.requirements.hours_per_week
    least = hours.min * 60 if hours is not None and hours.min is not None else 0.0
    if target.kind == "step-back":
        return max(least, last * _STEP_BACK_MOST)
    if target.kind == "taper":
        return min(last * RETURN_GROWTH, max(totals[-_LOOK_BACK:]))
    if target.kind != "build":
        return None
    growth = WEEKLY_GROWTH_MOST[careful(profile)]
    most = last * RETURN_GROWTH if target.after_step_back else last * growth + _slack(last)
    window = totals[max(0, len(totals) - _LOOK_BACK - 1) : len(totals) - 1]
    if window and max(window) > 0:
        most = min(most, max(window) * _TWO_WEEK_MOST)
    return max(least, most)


def hold_growth(profile: Profile, targets: list[WeekTarget], weeks: list[Week]) -> list[Week]:
    """Every week of a plan held by `hold_week`, in order."""
    held: list[Week] = []
    for target, week in zip(targets, weeks, strict=True):
        held.append(hold_week(profile, target, week, held))
    return held


_LOOK_BACK: Final = 4
_TWO_WEEK_MOST: Final = 1.28
"""Under the knowledge's +30 % over two weeks, with room for the 5-minute steps of the sessions."""


def _slack(total: float) -> float:
    return min(_ROUNDING_SLACK, total * _SLACK_SHARE)


_STEP_BACK_MOST: Final = 0.9
"""A step-back week holds at most 90 % of the week before it (the knowledge's step-back: 10 % less at least)."""
_SLACK_SHARE: Final = 0.03
"""A low-volume week's rounding slack: 3 % of it (two weeks of it stay under the knowledge's 30 %)."""


def _racing(week: Week) -> float:
    """Minutes of the races a week holds, at the evaluators' reference paces."""
    return sum(
        s.race.meters / 1000 * SECONDS_PER_KM[s.race.sport] / 60
        for sessions in week.values()
        for s in sessions
        if s.race is not None
    )


def _total(week: Week) -> float:
    return sum(session_minutes(s) for sessions in week.values() for s in sessions)
