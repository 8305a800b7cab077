"""planforge: AI-generated endurance training plans.

Two steps: `PlanForge.generate_draft(DraftRequest)` writes an editable draft; `PlanForge.generate_plan(PlanRequest)`
converts the (edited) draft into structured workouts. Both also stream events (`stream_draft`, `stream_plan`).
"""

from planforge.domain import (
    ContentBlock,
    DoneEvent,
    Draft,
    DraftRequest,
    DraftResult,
    ErrorEvent,
    Event,
    Plan,
    PlanRequest,
    PlanWarning,
    PlanWorkout,
    ProgressEvent,
    ResultEvent,
    Usage,
    WeekEvent,
    WeekInfo,
    Workout,
    WorkoutEvent,
)
from planforge.exceptions import (
    AccessDeniedError,
    AuthenticationError,
    ChunkConversionError,
    ConfigurationError,
    DraftStructureError,
    GenerationError,
    GenerationTimeoutError,
    InvalidRequestError,
    ModelProviderError,
    NotFoundError,
    PlanforgeError,
)
from planforge.service import PlanForge
from planforge.settings import Settings

__all__ = [
    "AccessDeniedError",
    "AuthenticationError",
    "ChunkConversionError",
    "ConfigurationError",
    "ContentBlock",
    "DoneEvent",
    "Draft",
    "DraftRequest",
    "DraftResult",
    "DraftStructureError",
    "ErrorEvent",
    "Event",
    "GenerationError",
    "GenerationTimeoutError",
    "InvalidRequestError",
    "ModelProviderError",
    "NotFoundError",
    "Plan",
    "PlanForge",
    "PlanRequest",
    "PlanWarning",
    "PlanWorkout",
    "PlanforgeError",
    "ProgressEvent",
    "ResultEvent",
    "Settings",
    "Usage",
    "WeekEvent",
    "WeekInfo",
    "Workout",
    "WorkoutEvent",
]
