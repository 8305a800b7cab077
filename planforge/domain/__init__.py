"""planforge's typed vocabulary and schemas: requests, drafts, plans, events."""

from planforge.domain.draft import Draft, DraftDay, DraftMetadata, DraftPhase, DraftResult, DraftWeek
from planforge.domain.events import (
    DoneEvent,
    ErrorEvent,
    Event,
    ProgressEvent,
    ResultEvent,
    StreamEvent,
    WeekEvent,
    WorkoutEvent,
)
from planforge.domain.plan import ContentBlock, Plan, PlanWarning, PlanWorkout, WeekInfo, Workout
from planforge.domain.requests import DraftRequest, PlanRequest
from planforge.domain.usage import Usage

__all__ = [
    "ContentBlock",
    "DoneEvent",
    "Draft",
    "DraftDay",
    "DraftMetadata",
    "DraftPhase",
    "DraftRequest",
    "DraftResult",
    "DraftWeek",
    "ErrorEvent",
    "Event",
    "Plan",
    "PlanRequest",
    "PlanWarning",
    "PlanWorkout",
    "ProgressEvent",
    "ResultEvent",
    "StreamEvent",
    "Usage",
    "WeekEvent",
    "WeekInfo",
    "Workout",
    "WorkoutEvent",
]
