"""planforge: AI-generated endurance training plans.

Two steps: `PlanForge.generate_draft(DraftRequest)` writes an editable draft; `PlanForge.generate_plan(PlanRequest)`
converts the (edited) draft into structured workouts. Both also stream events (`stream_draft`, `stream_plan`).

What a host backend plugs in is a protocol here, each with an in-memory implementation: `TrainingPrincipleStore`,
`WorkoutLibrary`, `ChunkCache` and (for the HTTP service) `PrincipalStore`.
"""

from planforge.auth import InMemoryPrincipalStore, Principal, PrincipalStore
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
    StreamEvent,
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
    UnknownOrgError,
)
from planforge.library import EditableWorkoutLibrary, InMemoryWorkoutLibrary, LibraryWorkout, WorkoutLibrary
from planforge.pipeline.cache import ChunkCache, InMemoryChunkCache
from planforge.pipeline.streaming import EventStream
from planforge.service import PlanForge
from planforge.settings import Settings
from planforge.stores.training_principles import InMemoryTrainingPrincipleStore, TrainingPrincipleStore

__all__ = [
    "AccessDeniedError",
    "AuthenticationError",
    "ChunkCache",
    "ChunkConversionError",
    "ConfigurationError",
    "ContentBlock",
    "DoneEvent",
    "Draft",
    "DraftRequest",
    "DraftResult",
    "DraftStructureError",
    "EditableWorkoutLibrary",
    "ErrorEvent",
    "Event",
    "EventStream",
    "GenerationError",
    "GenerationTimeoutError",
    "InMemoryChunkCache",
    "InMemoryPrincipalStore",
    "InMemoryTrainingPrincipleStore",
    "InMemoryWorkoutLibrary",
    "InvalidRequestError",
    "LibraryWorkout",
    "ModelProviderError",
    "NotFoundError",
    "Plan",
    "PlanForge",
    "PlanRequest",
    "PlanWarning",
    "PlanWorkout",
    "PlanforgeError",
    "Principal",
    "PrincipalStore",
    "ProgressEvent",
    "ResultEvent",
    "Settings",
    "StreamEvent",
    "TrainingPrincipleStore",
    "UnknownOrgError",
    "Usage",
    "WeekEvent",
    "WeekInfo",
    "Workout",
    "WorkoutEvent",
    "WorkoutLibrary",
]
