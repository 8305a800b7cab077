"""The public API is exactly what `planforge.__all__` names (pinned, as httpx pins its own), and each name resolves."""

from __future__ import annotations

import subprocess
import sys

import planforge

PUBLIC_API = [
    # the service and its settings
    "PlanForge",
    "Settings",
    # requests, results and events
    "ContentBlock",
    "Draft",
    "DraftRequest",
    "DraftResult",
    "Plan",
    "PlanRequest",
    "PlanWarning",
    "PlanWorkout",
    "Usage",
    "WeekInfo",
    "Workout",
    "DoneEvent",
    "ErrorEvent",
    "Event",
    "EventStream",
    "ProgressEvent",
    "ResultEvent",
    "StreamEvent",
    "WeekEvent",
    "WorkoutEvent",
    # the ports a host backend implements, with their in-memory implementations
    "ChunkCache",
    "InMemoryChunkCache",
    "TrainingPrincipleStore",
    "InMemoryTrainingPrincipleStore",
    "WorkoutLibrary",
    "EditableWorkoutLibrary",
    "InMemoryWorkoutLibrary",
    "LibraryWorkout",
    "PrincipalStore",
    "InMemoryPrincipalStore",
    "Principal",
    # the error tree
    "PlanforgeError",
    "InvalidRequestError",
    "DraftStructureError",
    "ConfigurationError",
    "NotFoundError",
    "UnknownOrgError",
    "AccessDeniedError",
    "AuthenticationError",
    "GenerationError",
    "ChunkConversionError",
    "ModelProviderError",
    "GenerationTimeoutError",
]


def test_public_api_is_pinned() -> None:
    assert planforge.__all__ == sorted(PUBLIC_API)


def test_public_names_resolve() -> None:
    for name in planforge.__all__:
        assert getattr(planforge, name) is not None, name


def test_every_error_is_in_the_one_tree() -> None:
    errors = [getattr(planforge, name) for name in PUBLIC_API if name.endswith("Error")]
    assert all(issubclass(error, planforge.PlanforgeError) for error in errors)


def test_importing_planforge_does_not_load_the_offline_coach() -> None:
    # LLM-only hosts never need the periodization engine: it loads when the offline coach is first chosen.
    code = (
        "import sys, planforge; "
        "print(sorted(m for m in sys.modules if m.startswith(('planforge.offline.engine', 'planforge.offline.model'))))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == "[]"
