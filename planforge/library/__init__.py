"""The org workout library: the workout model, stores behind one protocol, and deterministic matching."""

from planforge.library.matching import LibraryIndex, LibraryMatch, MatchQuery
from planforge.library.models import LibraryWorkout
from planforge.library.sqlite_store import SQLiteWorkoutLibrary
from planforge.library.store import EditableWorkoutLibrary, InMemoryWorkoutLibrary, WorkoutLibrary

__all__ = [
    "EditableWorkoutLibrary",
    "InMemoryWorkoutLibrary",
    "LibraryIndex",
    "LibraryMatch",
    "LibraryWorkout",
    "MatchQuery",
    "SQLiteWorkoutLibrary",
    "WorkoutLibrary",
]
