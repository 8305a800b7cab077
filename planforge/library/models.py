"""A workout in an org's library, with the same JSON field names as the plan's workouts plus `id` and `tags`."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from planforge.domain.plan import WorkoutContent


def _no_tags() -> list[str]:
    return []


class _LibraryId(BaseModel):
    """A library workout's id. A separate base so it comes first in JSON and CSV."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    id: str = Field(min_length=1, max_length=200)
    """The org's own identifier of the workout, unique within its library."""


class LibraryWorkout(WorkoutContent, _LibraryId):
    """One reusable workout of an org's library: a plan workout's content, with an id and tags.

    Sharing `WorkoutContent` with `planforge.domain.plan.Workout` means a plan session takes a library
    workout's fields as they are.
    """

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
