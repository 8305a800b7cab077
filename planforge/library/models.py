"""A workout in an org's library, with the same JSON field names as the plan's workouts plus `id` and `tags`."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from planforge.domain.plan import ContentBlock
from planforge.domain.vocabulary import WorkoutSubType, WorkoutType, check_sub_type


def _no_blocks() -> list[ContentBlock]:
    return []


def _no_tags() -> list[str]:
    return []


class LibraryWorkout(BaseModel):
    """One reusable workout of an org's library.

    The fields and their limits are those of `planforge.domain.plan.Workout`, so a plan session can take a
    library workout's fields as they are.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    id: str = Field(min_length=1, max_length=200)
    """The org's own identifier of the workout, unique within its library."""
    workout_name: str = Field(min_length=1, max_length=120)
    """Short name, e.g. "Tempo Run 30 min"."""
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
    tags: list[str] = Field(default_factory=_no_tags)
    """Free labels the org uses to organise its library, e.g. "marathon", "beginner"."""

    @field_validator("id", "workout_name", "workout_description")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        stripped = value.strip()
        if not stripped:
            raise ValueError("must not be blank")
        return stripped

    @field_validator("tags")
    @classmethod
    def _clean_tags(cls, tags: list[str]) -> list[str]:
        # Blank tags are what a trailing separator in a CSV cell leaves behind; they carry nothing.
        return [tag.strip() for tag in tags if tag.strip()]

    @model_validator(mode="after")
    def _sub_type_fits_type(self) -> LibraryWorkout:
        check_sub_type(self.workout_type, self.workout_sub_type)
        return self
