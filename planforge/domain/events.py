"""The events of a streamed generation: one union for both steps, consumed by SSE and the CLI alike.

A stream always ends with `done`; a failure is an `error` event just before it. `result` carries the same
object the non-streaming call returns.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from planforge.domain.draft import DraftResult
from planforge.domain.plan import Plan, PlanWorkout, WeekInfo

_CONFIG = ConfigDict(extra="forbid", frozen=True)

ProgressStatus = Literal["thinking", "drafting", "converting", "finishing"]


class ProgressEvent(BaseModel):
    """How far the generation is: `progress` is a real percentage (weeks done / weeks)."""

    model_config = _CONFIG

    type: Literal["progress"] = "progress"
    status: ProgressStatus
    message: str
    progress: int = Field(ge=0, le=100)


class WeekEvent(BaseModel):
    """A week's phase and focus (a `weekly_info` entry), sent when its chunk is converted."""

    model_config = _CONFIG

    type: Literal["week"] = "week"
    week: int
    info: WeekInfo


class WorkoutEvent(BaseModel):
    """One validated workout, sent as soon as its chunk is converted."""

    model_config = _CONFIG

    type: Literal["workout"] = "workout"
    workout: PlanWorkout


class ResultEvent(BaseModel):
    """The complete result: a draft result or a plan."""

    model_config = _CONFIG

    type: Literal["result"] = "result"
    data: DraftResult | Plan


class ErrorEvent(BaseModel):
    """The generation failed; nothing partial is passed off as a result."""

    model_config = _CONFIG

    type: Literal["error"] = "error"
    error: str
    """What went wrong, for a person."""
    code: str
    """Machine-readable kind, the same codes the HTTP error envelope uses."""


class DoneEvent(BaseModel):
    """The stream is over."""

    model_config = _CONFIG

    type: Literal["done"] = "done"


Event = Annotated[
    ProgressEvent | WeekEvent | WorkoutEvent | ResultEvent | ErrorEvent | DoneEvent, Field(discriminator="type")
]
"""Everything a stream yields."""

Emit = Callable[[Event], Awaitable[None]]
"""How a generation hands its events to whoever streams them."""
