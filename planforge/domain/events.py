"""The events of a streamed generation: one union for both steps, consumed by SSE and the CLI alike.

A stream always ends with `done`; a failure is an `error` event just before it. `result` carries the same
object the non-streaming call returns.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, Generic, Literal, TypeVar, Union

from pydantic import BaseModel, ConfigDict, Field

from planforge.domain.draft import DraftResult
from planforge.domain.plan import Plan, PlanWorkout, WeekInfo
from planforge.domain.usage import Usage

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


ResultT = TypeVar("ResultT", DraftResult, Plan, DraftResult | Plan)


class ResultEvent(BaseModel, Generic[ResultT]):
    """The complete result: `ResultEvent[DraftResult]` on a draft stream, `ResultEvent[Plan]` on a plan stream."""

    model_config = _CONFIG

    type: Literal["result"] = "result"
    data: ResultT


class ErrorEvent(BaseModel):
    """The generation failed; nothing partial is passed off as a result."""

    model_config = _CONFIG

    type: Literal["error"] = "error"
    error: str
    """What went wrong, for a person."""
    code: str
    """Machine-readable kind, the same codes the HTTP error envelope uses."""
    usage: Usage | None = None
    """What the failed generation spent before it failed (failed calls included); None when no generation ran,
    e.g. for an invalid request."""


class DoneEvent(BaseModel):
    """The stream is over."""

    model_config = _CONFIG

    type: Literal["done"] = "done"


StreamEvent = Union[ProgressEvent, WeekEvent, WorkoutEvent, ResultEvent[ResultT], ErrorEvent, DoneEvent]  # noqa: UP007
"""What a stream of one step yields: `StreamEvent[Plan]` from `stream_plan`, `StreamEvent[DraftResult]` from
`stream_draft` (which sends no week or workout events)."""

Event = Annotated[
    ProgressEvent | WeekEvent | WorkoutEvent | ResultEvent[DraftResult | Plan] | ErrorEvent | DoneEvent,
    Field(discriminator="type"),
]
"""Any event of either step, as it goes over the wire (the SSE schema)."""

GenerationEvent = ProgressEvent | WeekEvent | WorkoutEvent
"""What a running generation reports before its result."""

Emit = Callable[[GenerationEvent], Awaitable[None]]
"""How a generation hands its events to whoever streams them."""
