"""The `search_library` tool both agents get under prefer_existing and strict_existing (never under ai_generate)."""

from __future__ import annotations

from typing import Protocol, TypeVar

from pydantic import BaseModel, ConfigDict
from pydantic_ai import RunContext
from pydantic_ai.tools import ToolDefinition

from planforge.domain.vocabulary import WorkoutSubType, WorkoutType
from planforge.library.matching import LibraryMatch, MatchQuery
from planforge.library.policy import LibraryPolicy

MAX_RESULTS = 5


class LibraryHit(BaseModel):
    """One library workout that fits a planned session, as the model sees it."""

    model_config = ConfigDict(frozen=True)

    id: str
    """The library_workout_id to put on the workout that uses it."""
    name: str
    description: str
    workout_sub_type: str
    duration_minutes: int | None
    distance_km: float | None
    score: int
    """How well it fits, 0-100."""

    @classmethod
    def of(cls, match: LibraryMatch) -> LibraryHit:
        workout = match.workout
        seconds, meters = workout.target_duration_in_seconds, workout.target_distance_in_meters
        return cls(
            id=workout.id,
            name=workout.workout_name,
            description=workout.workout_description,
            workout_sub_type=workout.workout_sub_type,
            duration_minutes=round(seconds / 60) if seconds else None,
            distance_km=round(meters / 1000, 2) if meters else None,
            score=round(match.score),
        )


class HasLibrary(Protocol):
    """Deps of an agent that may search the org's library."""

    @property
    def library(self) -> LibraryPolicy: ...


DepsT = TypeVar("DepsT", bound=HasLibrary)


async def only_with_library(ctx: RunContext[DepsT], tool: ToolDefinition) -> ToolDefinition | None:
    """Offer the tool only when the run has a library (prefer_existing / strict_existing)."""
    return tool if ctx.deps.library.offers_search else None


def search_library(
    ctx: RunContext[DepsT],
    text: str,
    workout_type: WorkoutType,
    workout_sub_type: WorkoutSubType | None = None,
    duration_minutes: float | None = None,
    distance_km: float | None = None,
) -> list[LibraryHit]:
    """Find workouts in the organization's workout library that fit a planned session, best first.

    Args:
        text: What the session is, e.g. "tempo run 30 minutes" or "6 x 800m intervals".
        workout_type: The session's workout type (only workouts of this type are returned).
        workout_sub_type: The session's sub-type, if known (a match of the same sub-type scores higher).
        duration_minutes: The planned duration in minutes, if known.
        distance_km: The planned distance in kilometres, if known.
    """
    library = ctx.deps.library.snapshot
    if library is None:  # hidden by `only_with_library`; kept as a guard
        return []
    query = MatchQuery(
        text=text,
        workout_type=workout_type,
        workout_sub_type=workout_sub_type,
        duration_seconds=round(duration_minutes * 60) if duration_minutes else None,
        distance_meters=distance_km * 1000 if distance_km else None,
    )
    return [LibraryHit.of(match) for match in library.search(query, limit=MAX_RESULTS)]
