"""A workout's content blocks as the flat steps and one-level repeats every export format writes.

Watches, trainers and intervals.icu all think in steps with a length (time, distance or open) and a target,
grouped by repeats that do not nest. `workout_segments` turns a workout into exactly that:

- a block repeated once is a `Step`; a plain block repeated n times is a `Repeat` of that one step;
- an `interval` is a `Repeat` of its children, each child written out as often as its own `block_repeat`
  says (repeats inside a repeat cannot be expressed, so they are unrolled, which keeps every second);
- a workout without blocks is one step of its whole target duration (or distance, or open when it has neither).

A run child without its own zone takes its interval's zone: the parent carries its work step's target.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from planforge.domain.plan import ContentBlock, WorkoutContent
from planforge.domain.vocabulary import IntensityTarget, PaceZone, WorkoutType

StepKind = Literal["warm-up", "run", "recovery-run", "cool-down"]
"""A step's role: the block types without `interval`, which becomes a `Repeat`."""

ZONES: Final[tuple[PaceZone, ...]] = ("z1", "z2", "z3", "z4", "z5", "z6")

_WORK_LABELS: Final[dict[WorkoutType, str]] = {
    "run": "Run",
    "bike": "Ride",
    "swim": "Swim",
    "walk": "Walk",
    "hike": "Hike",
    "strength": "Strength",
    "cross-training": "Work",
}
_KIND_LABELS: Final[dict[StepKind, str]] = {"warm-up": "Warm-up", "recovery-run": "Recovery", "cool-down": "Cool-down"}


@dataclass(frozen=True)
class Step:
    """One step: a length (seconds, meters or neither for an open step) and an optional zone target."""

    kind: StepKind
    seconds: int | None
    meters: float | None
    zone: int | None
    """Zone number 1-6 (z1-z6), or None when the step has no target."""
    steered_by: IntensityTarget


@dataclass(frozen=True)
class Repeat:
    """Steps done `count` times in a row."""

    count: int
    steps: tuple[Step, ...]


Segment = Step | Repeat


def zone_number(zone: PaceZone | None) -> int | None:
    """z1 → 1 … z6 → 6; None stays None."""
    return None if zone is None else ZONES.index(zone) + 1


def step_label(kind: StepKind, workout_type: WorkoutType) -> str:
    """What a person calls a step: "Warm-up", "Recovery", "Cool-down", or the sport's work ("Run", "Ride")."""
    return _KIND_LABELS.get(kind) or _WORK_LABELS[workout_type]


def _block_step(block: ContentBlock, inherited_zone: PaceZone | None = None) -> Step:
    kind: StepKind = "run" if block.type == "interval" else block.type
    by_distance = block.block_length_target == "distance"
    return Step(
        kind=kind,
        seconds=None if by_distance else block.block_duration_in_seconds,
        meters=block.block_distance_in_meters if by_distance else None,
        zone=zone_number(block.block_pace or inherited_zone),
        steered_by=block.block_intensity_target,
    )


def _block_segment(block: ContentBlock) -> Segment:
    if block.type == "interval":
        steps: list[Step] = []
        for child in block.content_blocks:
            inherited = block.block_pace if child.type == "run" else None
            steps.extend([_block_step(child, inherited)] * child.block_repeat)
        return Repeat(count=block.block_repeat, steps=tuple(steps))
    step = _block_step(block)
    return step if block.block_repeat == 1 else Repeat(count=block.block_repeat, steps=(step,))


def _whole_workout_step(workout: WorkoutContent) -> Step:
    seconds = workout.target_duration_in_seconds
    meters = None if seconds is not None else workout.target_distance_in_meters
    return Step(kind="run", seconds=seconds, meters=meters, zone=None, steered_by="pace")


def workout_segments(workout: WorkoutContent) -> list[Segment]:
    """The workout as steps and repeats, in order (one whole-workout step when it has no blocks)."""
    if not workout.content_blocks:
        return [_whole_workout_step(workout)]
    return [_block_segment(block) for block in workout.content_blocks]


def all_steps(segments: list[Segment]) -> list[Step]:
    """Every distinct step of `segments` (a repeat's steps once each)."""
    steps: list[Step] = []
    for segment in segments:
        steps.extend(segment.steps if isinstance(segment, Repeat) else (segment,))
    return steps
