"""Helpers shared by the library tests."""

from __future__ import annotations

from typing import Any

from planforge.library import LibraryWorkout


def workout(workout_id: str, name: str, **fields: Any) -> LibraryWorkout:
    """A run library workout with sensible defaults; `fields` override them."""
    values: dict[str, Any] = {
        "id": workout_id,
        "workout_name": name,
        "workout_description": f"{name}, as the coach wrote it.",
        "workout_type": "run",
        "workout_sub_type": "easy-run",
    }
    return LibraryWorkout.model_validate(values | fields)
