"""The structured plan: workouts with their content blocks, weekly info, and the plan result.

Field names are the spec's (`workout_name`, `target_duration_in_seconds`, …) so the API returns these
types as they are. Models fill `Workout` and `ContentBlock`; their attribute docstrings reach the JSON
schema the model sees.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field, model_validator

from planforge.domain.usage import Usage
from planforge.domain.vocabulary import (
    BlockType,
    IntensityTarget,
    LengthTarget,
    PaceZone,
    Phase,
    Weekday,
    WorkoutSubType,
    WorkoutType,
    check_sub_type,
)

_MODEL_CONFIG = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


def _no_blocks() -> list[ContentBlock]:
    return []


class ContentBlock(BaseModel):
    """One step of a structured workout."""

    model_config = _MODEL_CONFIG

    type: BlockType
    """warm-up, run, interval, recovery-run or cool-down. An interval holds its run and recovery-run steps."""
    block_length_target: LengthTarget
    """Whether the step is measured by distance or by duration."""
    block_distance_in_meters: float | None = Field(default=None, gt=0)
    """Step distance in meters (required when block_length_target is distance)."""
    block_duration_in_seconds: int | None = Field(default=None, gt=0)
    """Step duration in seconds (required when block_length_target is duration)."""
    block_pace: PaceZone | None = None
    """Target zone, z1 (easy) to z6 (sprint)."""
    block_intensity_target: IntensityTarget = "pace"
    """What the intensity is steered by: pace, heartrate or power."""
    block_repeat: int = Field(default=1, ge=1, le=100)
    """How many times the step repeats (for an interval: the number of repetitions)."""
    content_blocks: list[ContentBlock] = Field(default_factory=_no_blocks)
    """Only for type interval: its run step followed by its recovery-run step."""

    @model_validator(mode="after")
    def _consistent(self) -> ContentBlock:
        if self.block_length_target == "distance" and self.block_distance_in_meters is None and self.type != "interval":
            raise ValueError("block_length_target is 'distance' but block_distance_in_meters is missing")
        if (
            self.block_length_target == "duration"
            and self.block_duration_in_seconds is None
            and self.type != "interval"
        ):
            raise ValueError("block_length_target is 'duration' but block_duration_in_seconds is missing")
        if self.type == "interval":
            kinds = {child.type for child in self.content_blocks}
            if "run" not in kinds or not kinds <= {"run", "recovery-run"}:
                raise ValueError(
                    "an interval block must nest a run step (and optionally a recovery-run step), nothing else"
                )
        elif self.content_blocks:
            raise ValueError(f"only interval blocks nest content_blocks, not {self.type!r}")
        return self

    def total_seconds(self) -> int | None:
        """Duration of the step with its repeats, or None when some part is measured by distance only."""
        if self.type == "interval":
            parts = [child.total_seconds() for child in self.content_blocks]
            if any(p is None for p in parts):
                return None
            return self.block_repeat * sum(p for p in parts if p is not None)
        if self.block_duration_in_seconds is None:
            return None
        return self.block_repeat * self.block_duration_in_seconds

    def total_meters(self) -> float | None:
        """Distance of the step with its repeats, or None when some part is measured by duration only."""
        if self.type == "interval":
            parts = [child.total_meters() for child in self.content_blocks]
            if any(p is None for p in parts):
                return None
            return self.block_repeat * sum(p for p in parts if p is not None)
        if self.block_distance_in_meters is None:
            return None
        return self.block_repeat * self.block_distance_in_meters


class WorkoutContent(BaseModel):
    """What a workout is, wherever it stands: in a plan (`Workout`) or in an org's library (`LibraryWorkout`)."""

    model_config = _MODEL_CONFIG

    workout_name: str = Field(min_length=1, max_length=120)
    """Short name, e.g. "Easy Base Run"."""
    workout_description: str = Field(min_length=1, max_length=2_000)
    """What to do and why, for the athlete."""
    workout_type: WorkoutType
    """run, bike, swim, strength, walk, hike or cross-training."""
    workout_sub_type: WorkoutSubType
    """Sub-type belonging to workout_type, e.g. easy-run, tempo-run, interval-run, long-run."""
    target_duration_in_seconds: int | None = Field(default=None, gt=0)
    """Planned duration in seconds."""
    target_distance_in_meters: float | None = Field(default=None, gt=0)
    """Planned distance in meters."""
    content_blocks: list[ContentBlock] = Field(default_factory=_no_blocks)
    """Structured steps (warm-up, intervals, cool-down); empty for a steady session."""

    @model_validator(mode="after")
    def _sub_type_fits_type(self) -> WorkoutContent:
        check_sub_type(self.workout_type, self.workout_sub_type)
        return self


class _Placement(BaseModel):
    """Where a workout stands in a plan. A separate base so these fields come first, as in the spec."""

    model_config = _MODEL_CONFIG

    week: int = Field(ge=1, le=52)
    """Week number, 1-based."""
    phase: Phase
    """The training phase of this week."""
    day: Weekday
    """Day of the week."""


class Workout(WorkoutContent, _Placement):
    """One workout on one training day, as the model writes it (the spec's `content` entries)."""

    library_workout_id: str | None = None
    """Id of the org library workout this session uses, when it uses one."""


class PlanWorkout(Workout):
    """A workout in a finished plan: with its calendar date when the request had a start_date."""

    date: dt.date | None = None
    """Calendar date of the workout (present when the request has a start_date)."""


class WeekInfo(BaseModel):
    """Phase and focus of one week (the spec's `weekly_info` values)."""

    model_config = _MODEL_CONFIG

    phase: Phase
    """The week's training phase."""
    focus: str = Field(min_length=1, max_length=300)
    """The week's focus in a few words, e.g. "Aerobic foundation"."""


class PlanWarning(BaseModel):
    """Something the coach should know about a plan that is still complete, e.g. a library gap."""

    model_config = _MODEL_CONFIG

    code: str
    """Machine-readable kind, e.g. `library_gap` or `parser_disagreement`."""
    message: str
    """What happened, for a person."""
    week: int | None = None
    """The week concerned, if any."""
    day: Weekday | None = None
    """The day concerned, if any."""


class Plan(BaseModel):
    """The result of step 2: the spec's `data` object, plus usage and warnings."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    content: list[PlanWorkout]
    """Every workout, in week and day order."""
    weekly_info: dict[str, WeekInfo]
    """Phase and focus per week, keyed by the week number as a string ("1", "2", …)."""
    usage: Usage = Field(default_factory=lambda: Usage())
    """Model usage of the whole conversion."""
    warnings: list[PlanWarning] = Field(default_factory=list[PlanWarning])
    """Things the coach should review; never a silently dropped session."""
