"""Measurements over structured workouts that the coaching rules share: time, hard time, weekly totals.

Plans state some sessions by distance only ("Swim 1500 m", "Race: Marathon"), so time is estimated from
distance at fixed reference paces per sport. The paces are deliberately generic (the rules compare a plan
with itself, week against week), and the offline engine sizes its distance sessions with the same figures
so its text and the rules agree.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Final

from planforge.domain.plan import ContentBlock, Workout
from planforge.domain.vocabulary import HARD_SUB_TYPES, WorkoutType, weekday_index

SECONDS_PER_KM: Final[dict[WorkoutType, float]] = {
    "run": 360.0,  # 6:00/km
    "bike": 144.0,  # 25 km/h
    "swim": 1200.0,  # 2:00/100 m
    "walk": 720.0,
    "hike": 900.0,
    "strength": 360.0,
    "cross-training": 360.0,
}
"""Reference pace per sport, used only where a session gives a distance and no duration."""

RUN_PACE_FACTOR_BY_ZONE: Final[dict[str, float]] = {"z3": 0.84, "z4": 0.79, "z5": 0.73, "z6": 0.68}
"""Time per km of a run step in a faster zone, as a fraction of the reference (easy) pace: a 5K-pace 800 m does not
take as long as an easy 800 m. Ratios of Daniels' VDOT tables (Daniels' Running Formula, VDOT 40-50): marathon (M)
about 0.84, threshold (T) 0.79, interval (I) 0.73 and repetition (R) 0.68 of the middle of the easy (E) range.
Without them every hard kilometre counts a third too long, and a plan's hard share with it."""

HARD_ZONES: Final[frozenset[str]] = frozenset({"z3", "z4", "z5", "z6"})
LONG_SUB_TYPES: Final[frozenset[str]] = frozenset({"long-run", "long-ride"})
RACE_SUB_TYPE: Final = "race"


def _block_seconds(block: ContentBlock, workout_type: WorkoutType) -> float:
    if block.type == "interval":
        return block.block_repeat * sum(_block_seconds(child, workout_type) for child in block.content_blocks)
    if block.block_duration_in_seconds is not None:
        return block.block_repeat * block.block_duration_in_seconds
    meters = block.block_distance_in_meters or 0.0
    factor = RUN_PACE_FACTOR_BY_ZONE.get(block.block_pace or "", 1.0) if workout_type == "run" else 1.0
    return block.block_repeat * meters / 1000 * SECONDS_PER_KM[workout_type] * factor


def _hard_block_seconds(block: ContentBlock, workout_type: WorkoutType) -> float:
    if block.type == "interval":
        return block.block_repeat * sum(_hard_block_seconds(child, workout_type) for child in block.content_blocks)
    return _block_seconds(block, workout_type) if block.block_pace in HARD_ZONES else 0.0


def workout_seconds(workout: Workout) -> float:
    """The session's time: its target duration, else its target distance at the reference pace, else the sum of
    its blocks.

    A stated total comes before the blocks: it is what the coach wrote ("Fahrtspiel 9 km: 2 km locker, 8 x (1 min
    zügig, 1 min locker), locker auslaufen" is 9 km, however its steps were read), and distance sessions timed at
    one reference pace keep a plan's weeks comparable with each other.
    """
    if workout.target_duration_in_seconds is not None:
        return float(workout.target_duration_in_seconds)
    if workout.target_distance_in_meters is not None:
        return workout.target_distance_in_meters / 1000 * SECONDS_PER_KM[workout.workout_type]
    return sum(_block_seconds(block, workout.workout_type) for block in workout.content_blocks)


def hard_seconds(workout: Workout) -> float:
    """Time at moderate or high intensity: the z3–z6 blocks when the blocks carry zones, else the whole
    session when its sub-type is a quality one (a 15-minute warm-up is not hard work)."""
    if any(_has_zone(block) for block in workout.content_blocks):
        hard = sum(_hard_block_seconds(block, workout.workout_type) for block in workout.content_blocks)
        return min(hard, workout_seconds(workout))
    return workout_seconds(workout) if is_hard(workout) else 0.0


def _has_zone(block: ContentBlock) -> bool:
    return block.block_pace is not None or any(_has_zone(child) for child in block.content_blocks)


def is_hard(workout: Workout) -> bool:
    """A quality session (tempo, intervals, hills, race pace, a race)."""
    return workout.workout_sub_type in HARD_SUB_TYPES


def is_race(workout: Workout) -> bool:
    """The race itself, which training-volume measures leave out."""
    return workout.workout_sub_type == RACE_SUB_TYPE


def training(workouts: Iterable[Workout]) -> list[Workout]:
    """The workouts that are training, not the race itself."""
    return [workout for workout in workouts if not is_race(workout)]


def weekly_seconds(workouts: Sequence[Workout], weeks: int) -> list[float]:
    """Training time per week (races excluded), index 0 = week 1; weeks without workouts count 0."""
    totals = [0.0] * weeks
    for workout in training(workouts):
        if 1 <= workout.week <= weeks:
            totals[workout.week - 1] += workout_seconds(workout)
    return totals


def days_by_week(workouts: Sequence[Workout]) -> dict[int, set[int]]:
    """Which weekday indexes (Monday 0) hold at least one workout, per week."""
    days: dict[int, set[int]] = defaultdict(set)
    for workout in workouts:
        days[workout.week].add(weekday_index(workout.day))
    return days
