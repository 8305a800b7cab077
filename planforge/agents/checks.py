"""Deterministic checks of a converted chunk: what the plan agent's output validator asks the model to fix.

Each check returns messages written for the model ("week 3 Tuesday: …"), so a retry can act on them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Final

from planforge.domain.plan import Workout
from planforge.domain.vocabulary import Phase, WorkoutType

MAX_SESSIONS_PER_DAY: Final = 3
BLOCK_TOLERANCE: Final = 0.25
"""Blocks may differ from the workout's targets by this share (warm-ups are often rounded)."""

# Upper bounds of a single session, and plausible speeds (km/h) when both targets are given.
MAX_SECONDS: Final[dict[WorkoutType, int]] = {
    "run": 12 * 3600,
    "bike": 12 * 3600,
    "swim": 5 * 3600,
    "strength": 3 * 3600,
    "walk": 10 * 3600,
    "hike": 14 * 3600,
    "cross-training": 6 * 3600,
}
MAX_METERS: Final[dict[WorkoutType, float]] = {
    "run": 120_000,
    "bike": 400_000,
    "swim": 15_000,
    "strength": 1,
    "walk": 60_000,
    "hike": 70_000,
    "cross-training": 200_000,
}
SPEED_KMH: Final[dict[WorkoutType, tuple[float, float]]] = {
    "run": (3.0, 26.0),
    "bike": (8.0, 60.0),
    "swim": (0.5, 8.0),
    "walk": (2.0, 9.0),
    "hike": (1.0, 8.0),
    "cross-training": (1.0, 60.0),
}


def week_problems(
    entries: Sequence[tuple[int, Phase]], expected: Sequence[int], phase_hints: dict[int, Phase]
) -> list[str]:
    """The `weeks` entries must be exactly the chunk's weeks, with the phase the draft gives where it gives one."""
    numbers = [week for week, _ in entries]
    problems: list[str] = []
    if sorted(numbers) != sorted(expected) or len(set(numbers)) != len(numbers):
        problems.append(f"`weeks` must have one entry for each of weeks {list(expected)}, got {numbers}")
    for week, phase in entries:
        hint = phase_hints.get(week)
        if hint is not None and phase != hint:
            problems.append(f"week {week} is in the draft's {hint} phase, not {phase}")
    return problems


def workout_problems(workouts: Sequence[Workout], expected: Sequence[int], phases: dict[int, Phase]) -> list[str]:
    """Week range, phases, sessions per day, plausibility and block consistency of every workout."""
    problems: list[str] = []
    for workout in workouts:
        where = f"week {workout.week} {workout.day} ({workout.workout_name!r})"
        if workout.week not in expected:
            problems.append(f"{where}: week {workout.week} is not in this chunk; convert only weeks {list(expected)}")
            continue
        if workout.week in phases and workout.phase != phases[workout.week]:
            problems.append(f"{where}: phase must be {phases[workout.week]!r} like its week entry")
        problems += [f"{where}: {p}" for p in _plausibility(workout) + _block_consistency(workout)]
    per_day = Counter((w.week, w.day) for w in workouts)
    problems += [
        f"week {week} {day}: {count} workouts; at most {MAX_SESSIONS_PER_DAY} sessions fit one day"
        for (week, day), count in per_day.items()
        if count > MAX_SESSIONS_PER_DAY
    ]
    return problems


def _plausibility(workout: Workout) -> list[str]:
    problems: list[str] = []
    seconds, meters = workout.target_duration_in_seconds, workout.target_distance_in_meters
    kind = workout.workout_type
    if seconds is not None and seconds > MAX_SECONDS[kind]:
        problems.append(f"target_duration_in_seconds {seconds} is implausible for a {kind} session")
    if meters is not None and meters > MAX_METERS[kind]:
        problems.append(f"target_distance_in_meters {meters:g} is implausible for a {kind} session")
    if seconds and meters and kind in SPEED_KMH:
        low, high = SPEED_KMH[kind]
        speed = (meters / 1000) / (seconds / 3600)
        if not low <= speed <= high:
            problems.append(
                f"{meters:g} m in {seconds} s is {speed:.1f} km/h, outside {low:g}-{high:g} km/h for {kind};"
                " check the units (seconds, meters)"
            )
    return problems


def _block_consistency(workout: Workout) -> list[str]:
    blocks = workout.content_blocks
    if not blocks:
        return []
    problems: list[str] = []
    seconds = [block.total_seconds() for block in blocks]
    meters = [block.total_meters() for block in blocks]
    target_s, target_m = workout.target_duration_in_seconds, workout.target_distance_in_meters
    if target_s and all(s is not None for s in seconds):
        total = sum(s for s in seconds if s is not None)
        if abs(total - target_s) > BLOCK_TOLERANCE * target_s:
            problems.append(f"content_blocks add up to {total} s but target_duration_in_seconds is {target_s}")
    if target_m and all(m is not None for m in meters):
        total_m = sum(m for m in meters if m is not None)
        if abs(total_m - target_m) > BLOCK_TOLERANCE * target_m:
            problems.append(f"content_blocks add up to {total_m:g} m but target_distance_in_meters is {target_m:g}")
    return problems
