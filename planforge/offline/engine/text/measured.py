"""What the written plan actually holds, measured from its weeks: the overview, phase texts and week labels state
these figures, never the targets the plan was built from, so the words cannot contradict the sessions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from planforge.domain.vocabulary import WEEKDAYS, Phase, Weekday, WorkoutType
from planforge.offline.engine.periodization import WeekTarget
from planforge.offline.engine.sessions import Session, session_minutes
from planforge.offline.engine.week import Week

TRAINING_KINDS = frozenset({"build", "step-back", "tune-up"})
"""Weeks that train towards the peak (not the taper, race week or the weeks after a race)."""
QUALITY_KINDS = frozenset({"tempo-run", "interval-run", "hill-repeats", "fartlek", "race-pace-run", "tempo-ride",
                           "interval-ride", "hill-ride"})  # fmt: skip
"""Sessions with hard work in them (a run/walk is not one: its kind is "run-walk")."""
_COUNTED_AS: dict[str, WorkoutType] = {"brick-bike": "bike", "brick-run": "run"}


def _training(session: Session) -> bool:
    return session.race is None and session.kind != "race"


def sport_counts(week: Week) -> dict[WorkoutType, int]:
    """Sessions per sport in a week, races left out, in the order the sports first appear."""
    counts: dict[WorkoutType, int] = {}
    for day in WEEKDAYS:
        for session in week.get(day, []):
            if _training(session):
                sport = _COUNTED_AS.get(session.kind, session.sport)
                counts[sport] = counts.get(sport, 0) + 1
    return counts


def _training_weeks(weeks: Sequence[Week], targets: Sequence[WeekTarget]) -> list[Week]:
    chosen = [week for week, target in zip(weeks, targets, strict=True) if target.kind in TRAINING_KINDS]
    return chosen or [week for week, target in zip(weeks, targets, strict=True) if target.kind != "race"]


@dataclass(frozen=True)
class TypicalWeek:
    """The shape most training weeks of the plan share."""

    days: tuple[Weekday, ...]
    counts: dict[WorkoutType, int]


def typical_week(weeks: Sequence[Week], targets: Sequence[WeekTarget]) -> TypicalWeek | None:
    """The days and sessions per sport most training weeks have (the first such week's when tied)."""
    training = _training_weeks(weeks, targets)
    if not training:
        return None
    shapes: list[tuple[tuple[Weekday, ...], tuple[tuple[WorkoutType, int], ...]]] = [
        (tuple(day for day in WEEKDAYS if any(_training(s) for s in week.get(day, []))),
         tuple(sport_counts(week).items()))
        for week in training
    ]  # fmt: skip
    days, counts = Counter(shapes).most_common(1)[0][0]
    return TypicalWeek(days, dict(counts))


def largest_rise(minutes: Sequence[float], targets: Sequence[WeekTarget]) -> float:
    """The largest rise of a training week above the biggest training week before it (0.1 = 10 %): coming back to
    the level before a lighter week is no rise."""
    rise, highest = 0.0, 0.0
    for week_minutes, target in zip(minutes, targets, strict=True):
        if target.kind not in TRAINING_KINDS:
            continue
        if highest > 0:
            rise = max(rise, week_minutes / highest - 1)
        highest = max(highest, week_minutes)
    return rise


def lighter_weeks(minutes: Sequence[float], targets: Sequence[WeekTarget]) -> list[int]:
    """Training weeks shorter than the week before them (a step-back the athlete can see), by number."""
    found: list[int] = []
    for index in range(1, len(targets)):
        target = targets[index]
        if target.kind in TRAINING_KINDS and minutes[index] < minutes[index - 1] * 0.97:
            found.append(target.week)
    return found


def is_lighter(index: int, minutes: Sequence[float]) -> bool:
    """Whether week `index` (0-based) holds less than the week before it."""
    return index > 0 and minutes[index] < minutes[index - 1] * 0.97


def has_quality(weeks: Sequence[Week]) -> bool:
    """Whether any of `weeks` holds a session with hard work in it."""
    return any(s.kind in QUALITY_KINDS for week in weeks for sessions in week.values() for s in sessions)


def phases_with_quality(weeks: Sequence[Week], targets: Sequence[WeekTarget]) -> frozenset[Phase]:
    """The phases whose weeks hold quality work."""
    return frozenset(t.phase for week, t in zip(weeks, targets, strict=True) if has_quality([week]))


def longest(weeks: Sequence[Week], targets: Sequence[WeekTarget], sport: WorkoutType) -> float:
    """The longest session of `sport` in the training weeks, in minutes (a swim at the reference pace)."""
    return max(
        (session_minutes(s) for week in _training_weeks(weeks, targets) for sessions in week.values()
         for s in sessions if _training(s) and s.sport == sport),
        default=0.0,
    )  # fmt: skip


def has_kind(weeks: Sequence[Week], kind: str) -> bool:
    """Whether the plan holds a session of `kind` anywhere."""
    return any(s.kind == kind for week in weeks for sessions in week.values() for s in sessions)
