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

HARD_ZONES: Final[frozenset[str]] = frozenset({"z3", "z4", "z5", "z6"})
LONG_SUB_TYPES: Final[frozenset[str]] = frozenset({"long-run", "long-ride"})
RACE_SUB_TYPE: Final = "race"


def _block_seconds(block: ContentBlock, workout_type: WorkoutType) -> float:
    if block.type == "interval":
        return block.block_repeat * sum(_block_seconds(child, workout_type) for child in block.content_blocks)
    if block.block_duration_in_seconds is not None:
        return block.block_repeat * block.block_duration_in_seconds
    meters = block.block_distance_in_meters or 0.0
    return block.block_repeat * meters / 1000 * SECONDS_PER_KM[workout_type]


def _hard_block_seconds(block: ContentBlock, workout_type: WorkoutType) -> float:
    if block.type == "interval":
        return block.block_repeat * sum(_hard_block_seconds(child, workout_type) for child in block.content_blocks)
    return _block_seconds(block, workout_type) if block.block_pace in HARD_ZONES else 0.0


def workout_seconds(workout: Workout) -> float:
    """The session's time: its target duration, else the sum of its blocks, else its distance at the reference pace."""
    if workout.target_duration_in_seconds is not None:
        return float(workout.target_duration_in_seconds)
    if workout.content_blocks:
        return sum(_block_seconds(block, workout.workout_type) for block in workout.content_blocks)
    meters = workout.target_distance_in_meters or 0.0
    return meters / 1000 * SECONDS_PER_KM[workout.workout_type]


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
