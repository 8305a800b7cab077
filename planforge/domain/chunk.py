"""The unit of the plan pipeline: one week of draft text in, one converted chunk of weeks out.

`WeekText` is what the segmenter produces and every converter (an LLM, the offline coach, the cross-check)
reads; `PlanChunk` is what the plan agent answers for a chunk of weeks.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import SkipJsonSchema

from planforge.domain.plan import PlanWarning, Workout
from planforge.domain.vocabulary import Phase


@dataclass(frozen=True)
class WeekText:
    """One week of a draft text."""

    week: int
    """The week number the header gives."""
    header: str
    """The header line as written."""
    body: str
    """The lines after the header, up to the next week or phase header."""
    phase: Phase | None
    """The phase from the enclosing phase header (or the week header itself), if any."""
    focus: str | None
    """The text after the week number in the header ("Week 3: Build volume" → "Build volume"), if any."""

    @property
    def text(self) -> str:
        """Header and body together, as written."""
        return f"{self.header}\n{self.body}".rstrip()


class ChunkWeek(BaseModel):
    """Phase and focus of one week of the chunk."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    week: int = Field(ge=1, le=52)
    """Week number."""
    phase: Phase
    """The week's training phase."""
    focus: str = Field(min_length=1, max_length=300)
    """The week's focus in a few words."""


class PlanChunk(BaseModel):
    """The converted weeks of one chunk."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    weeks: list[ChunkWeek]
    """One entry per week of the chunk."""
    workouts: list[Workout]
    """Every session of those weeks, one workout each; rest days have none."""
    warnings: SkipJsonSchema[list[PlanWarning]] = Field(default_factory=list[PlanWarning])
    # Set by the output validator when it accepts the chunk (never by the model: kept out of its schema).
