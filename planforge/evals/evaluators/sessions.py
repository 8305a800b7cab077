"""The plan as the v2 evaluators read it: one `Session` per workout, placed on an absolute day of the plan.

Quantities come from the structured workout (duration, distance, blocks) with `planforge.quality.measures`
for time; what the structure cannot say (a triathlon race converted as one run, a run/walk written in
words) is read from the workout's own name and description, which the conversion keeps from the draft.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Final

from planforge.domain.plan import Plan, Workout
from planforge.domain.vocabulary import Weekday, WorkoutType, weekday_index
from planforge.drafttext.days import fold
from planforge.quality.measures import hard_seconds, is_hard, is_race, workout_seconds

WALKING: Final = re.compile(r"\bwalk|\bgeh(?:en|pause)|\bmarche|\bcamina|\bcammin|\bcaminh|\bwandel|run[\s/-]*walk")
"""Walking words of the seven languages: a run session naming one is a run/walk."""

ADD_ON_MAX_MINUTES: Final = 5.0
"""A session of the sport shorter than this, on a day with a longer session of the same sport, is an add-on to it
("Easy run 40 min + 4 x 20 s strides", "Easy run 10 km + 8 x 10 s hill sprints"), not a session of its own: no one
goes out for 80 seconds of strides. Pfitzinger's schedules write such days as "general aerobic + speed", an aerobic
day, not a quality session."""


@dataclass(frozen=True)
class Session:
    """One workout of the plan, with what the evaluators measure on it."""

    workout: Workout
    add_ons: tuple[Workout, ...] = ()
    """Same-day add-ons of the same sport folded into this session (strides, hill sprints); see `ADD_ON_MAX_MINUTES`."""

    @property
    def week(self) -> int:
        return self.workout.week

    @property
    def day(self) -> Weekday:
        return self.workout.day

    @property
    def sport(self) -> WorkoutType:
        return self.workout.workout_type

    @property
    def plan_day(self) -> int:
        """Days since the plan's first Monday (week 1 Monday is 0)."""
        return (self.workout.week - 1) * 7 + weekday_index(self.workout.day)

    @cached_property
    def minutes(self) -> float:
        """The session's time with its add-ons (from its distance at a reference pace when it states no duration)."""
        return sum(workout_seconds(w) for w in (self.workout, *self.add_ons)) / 60

    @cached_property
    def hard_minutes(self) -> float:
        """Minutes at moderate or high intensity (quality blocks, or the whole of a quality session); none in a
        run/walk session, however it was classified."""
        return 0.0 if self.is_run_walk else sum(hard_seconds(w) for w in (self.workout, *self.add_ons)) / 60

    @cached_property
    def is_run_walk(self) -> bool:
        """A run alternating with walking: easy by nature, whatever its repeats look like."""
        return self.sport == "run" and bool(WALKING.search(self.text))

    @cached_property
    def km(self) -> float | None:
        """The session's distance in km, when it states one (directly or through its blocks)."""
        if self.workout.target_distance_in_meters is not None:
            return self.workout.target_distance_in_meters / 1000
        parts = [block.total_meters() for block in self.workout.content_blocks]
        if parts and None not in parts:
            return sum(p for p in parts if p is not None) / 1000
        return None

    @property
    def is_race(self) -> bool:
        return is_race(self.workout)

    @property
    def is_quality(self) -> bool:
        """A tempo, interval, hill, fartlek or race-pace session (the race itself is not training) with time at
        moderate or high intensity: one whose steps are all easy ("Ride 60 min with 2 x 5 min at century pace",
        event pace for a 7-hour ride) is no quality session, whatever its repeats made it."""
        return is_hard(self.workout) and not self.is_race and self.hard_minutes > 0

    @property
    def is_long(self) -> bool:
        return self.workout.workout_sub_type in {"long-run", "long-ride"}

    @cached_property
    def text(self) -> str:
        """Name and description, lower-cased and without accents, for word checks."""
        return fold(f"{self.workout.workout_name} {self.workout.workout_description}")


@dataclass(frozen=True)
class PlanView:
    """The sessions of a plan, with the per-week and per-day groupings the checks share."""

    sessions: tuple[Session, ...]
    weeks: int
    """The number of weeks the request asked for."""

    @classmethod
    def of(cls, plan: Plan, weeks: int) -> PlanView:
        ordered = sorted(plan.content, key=lambda w: (w.week, weekday_index(w.day)))
        return cls(tuple(with_add_ons_folded(ordered)), weeks)

    @cached_property
    def races(self) -> list[Session]:
        return [s for s in self.sessions if s.is_race]

    @cached_property
    def training(self) -> list[Session]:
        """Every session but the race(s)."""
        return [s for s in self.sessions if not s.is_race]

    @cached_property
    def _training_by_week(self) -> dict[int, list[Session]]:
        weeks: dict[int, list[Session]] = defaultdict(list)
        for session in self.training:
            weeks[session.week].append(session)
        return weeks

    def in_week(self, week: int, sessions: Iterable[Session] | None = None) -> list[Session]:
        """The training sessions (or those of `sessions`) of one week."""
        if sessions is None:
            return self._training_by_week.get(week, [])
        return [s for s in sessions if s.week == week]

    def weekly_minutes(self, sport: WorkoutType | None = None) -> list[float]:
        """Training minutes per week (index 0 = week 1), of one sport or all."""
        totals = [0.0] * self.weeks
        for session in self.training:
            if 1 <= session.week <= self.weeks and (sport is None or session.sport == sport):
                totals[session.week - 1] += session.minutes
        return totals

    def by_day(self, sessions: Sequence[Session] | None = None) -> dict[int, list[Session]]:
        """Sessions grouped by plan day."""
        days: dict[int, list[Session]] = defaultdict(list)
        for session in self.training if sessions is None else sessions:
            days[session.plan_day].append(session)
        return days

    def of_sport(self, sport: WorkoutType) -> list[Session]:
        return [s for s in self.training if s.sport == sport]


def with_add_ons_folded(workouts: Sequence[Workout]) -> list[Session]:
    """One session per workout, except that a short same-day add-on of the same sport is folded into the longest
    session of that sport and day (`ADD_ON_MAX_MINUTES`). The order of `workouts` is kept."""
    groups: dict[tuple[int, Weekday, WorkoutType], list[Workout]] = defaultdict(list)
    for workout in workouts:
        if not is_race(workout):
            groups[(workout.week, workout.day, workout.workout_type)].append(workout)
    hosts: dict[int, list[Workout]] = {}
    folded: set[int] = set()
    for group in groups.values():
        host = max(group, key=workout_seconds)
        add_ons = [w for w in group if w is not host and workout_seconds(w) / 60 < ADD_ON_MAX_MINUTES]
        if add_ons and workout_seconds(host) / 60 >= ADD_ON_MAX_MINUTES:
            hosts[id(host)] = add_ons
            folded |= {id(w) for w in add_ons}
    return [Session(w, tuple(hosts.get(id(w), ()))) for w in workouts if id(w) not in folded]


def full_weeks(weeks: int, race_week: int | None) -> list[int]:
    """The weeks a per-week constraint is checked on: all, except the race week and the weeks after it."""
    last = weeks if race_week is None else min(weeks, race_week - 1)
    return list(range(1, last + 1)) if last >= 1 else []
