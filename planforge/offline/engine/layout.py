"""Which day holds what: a week's sessions (by sport and role) placed on the training days.

Long sessions go on their sport's long day and a brick run right after the long ride. Then the quality
sessions, on days apart from each other and from the long session of their sport; then the easy sessions and
extras, each on the free day that keeps its sport best spread. No day holds two swims or two sessions of one
sport (the brick excepted), and a sport that must not fall on consecutive days never does, across weeks too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from planforge.domain.vocabulary import Weekday, WorkoutType, weekday_index

Role = Literal["long", "second-long", "medium-long", "quality", "easy", "brick-run", "extra"]
"""What a session is for in its week."""

_MAX_PER_DAY: Final = 2
_SPORT_ORDER: Final[dict[WorkoutType, int]] = {"bike": 0, "run": 1, "swim": 2}
_ORDER: Final[dict[Role, int]] = {
    "long": 0, "brick-run": 1, "second-long": 2, "medium-long": 2, "quality": 3, "easy": 4, "extra": 5,
}  # fmt: skip
_HARD: Final[frozenset[Role]] = frozenset({"quality", "long", "second-long", "medium-long"})
"""What tires the legs for the next day: quality sessions and long runs."""
_WEIGHT: Final[dict[Role, int]] = {"quality": 3, "long": 1, "second-long": 1, "medium-long": 1}
"""How much a hard neighbour counts against a day: two quality days in a row are the thing to avoid most."""


@dataclass(frozen=True)
class Slot:
    """A session to place: its sport, its role, and which of its kind it is (0, 1, …)."""

    sport: WorkoutType
    role: Role
    index: int = 0


def _hard(slot: Slot) -> bool:
    """A session that tires the legs for the next day (a swim, even a long one, does not)."""
    return slot.role in _HARD and slot.sport != "swim"


def _distance(a: Weekday, b: Weekday) -> int:
    gap = abs(weekday_index(a) - weekday_index(b))
    return min(gap, 7 - gap)


@dataclass
class _Week:
    days: tuple[Weekday, ...]
    no_back_to_back: frozenset[WorkoutType]
    long_days: dict[WorkoutType, Weekday]
    placed: dict[Weekday, list[Slot]]
    fixed: dict[Role, Weekday]

    def allows(self, slot: Slot, day: Weekday) -> bool:
        here = self.placed[day]
        if len(here) >= _MAX_PER_DAY or any(s.sport == slot.sport for s in here):
            return False
        if slot.role == "brick-run" and not any(s.sport == "bike" for s in here):
            return False
        if slot.sport in self.no_back_to_back:
            neighbours: list[Weekday] = [d for d in self.days if _distance(d, day) == 1]
            if any(s.sport == slot.sport for d in neighbours for s in self.placed[d]):
                return False
        if slot.role == "quality" and any(_hard(s) for s in here):
            return False
        return not (slot.role == "long" and here)

    def score(self, slot: Slot, day: Weekday) -> tuple[float, ...]:
        here = self.placed[day]
        same: list[Weekday] = [d for d in self.days if any(s.sport == slot.sport for s in self.placed[d])]
        spread = min((_distance(day, d) for d in same), default=4)
        hard_near = sum(
            _WEIGHT[s.role] for d in self.days if _distance(d, day) == 1 for s in self.placed[d] if _hard(s)
        )
        long_day = self.long_days.get(slot.sport) or next(iter(self.long_days.values()), None)
        after_long = (weekday_index(day) - weekday_index(long_day)) % 7 if long_day else 0
        if slot.role == "quality":  # the first free day that stays clear of the long day and the other hard day
            return (len(here), hard_near + 2 * (after_long == 6), after_long)
        # The day before the long run: rather cross-training (a ride, a swim) than another run on tired legs.
        run_day = self.long_days.get("run")
        eve = run_day is not None and (weekday_index(run_day) - weekday_index(day)) % 7 == 1
        eve_rank = (1 if slot.sport == "run" else -1) if eve and slot.role == "easy" else 0
        return (len(here), eve_rank, -spread, -hard_near if slot.role == "easy" else 0, weekday_index(day))


def place(
    slots: list[Slot],
    days: tuple[Weekday, ...],
    long_days: dict[WorkoutType, Weekday],
    no_back_to_back: frozenset[WorkoutType],
    fixed: dict[Role, Weekday] | None = None,
) -> tuple[dict[Weekday, list[Slot]], list[Slot]]:
    """The slots on days (each day's slots in placing order), and the slots that fitted nowhere; `fixed` names the
    day of a back-to-back weekend's second long run or of a medium-long run."""
    week = _Week(days, no_back_to_back, long_days, {day: [] for day in days}, fixed or {})
    dropped: list[Slot] = []
    for slot in sorted(slots, key=lambda s: (_ORDER[s.role], _SPORT_ORDER.get(s.sport, 3), s.index)):
        day = _fixed_day(slot, week)
        if day is None and slot.role in {"second-long", "medium-long"}:  # not on its day: an easy run, not a long one
            slot = Slot(slot.sport, "easy", 8)
        if day is None:
            options: list[Weekday] = [d for d in days if week.allows(slot, d)]
            if not options and slot.role == "brick-run":  # no run may follow the ride: the run stands alone
                slot = Slot(slot.sport, "easy", 9)
                options = [d for d in days if week.allows(slot, d)]
            if not options:
                dropped.append(slot)
                continue
            day = min(options, key=lambda d: week.score(slot, d))
        week.placed[day].append(slot)
    return week.placed, dropped


def _fixed_day(slot: Slot, week: _Week) -> Weekday | None:
    """The day a long session, its back-to-back run or a brick run must be on, when it can be."""
    if slot.role == "long" and (day := week.long_days.get(slot.sport)) in week.placed:
        return day if week.allows(slot, day) else None
    if slot.role == "brick-run" and (day := week.long_days.get("bike")) in week.placed:
        return day if week.allows(slot, day) else None
    if slot.role in {"second-long", "medium-long"} and (day := week.fixed.get(slot.role)) in week.placed:
        return day if week.allows(slot, day) else None
    return None
