"""The workout-library protocol, per org, and its in-memory implementation.

A host backend plugs in its own library by implementing `WorkoutLibrary`; planforge ships this in-memory
one (tests, embedding), `SQLiteWorkoutLibrary` (the standalone service) and
`planforge.stores.postgres.PostgresWorkoutLibrary` (replicas sharing one database). Every method takes the org:
one org's workouts are never visible to another.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

from planforge.exceptions import InvalidRequestError
from planforge.library.models import LibraryWorkout


class WorkoutLibrary(Protocol):
    """Where an org's library workouts live: what planforge reads at the start of a generation.

    Both methods are per org and async. planforge builds its search index from `list` and rebuilds it only
    when `version` changes; how workouts get in (`add_many` on the built-in stores) is the host's business.
    """

    async def list(self, org_id: str) -> builtins.list[LibraryWorkout]:
        """Every workout of the org, in the order they were added."""
        ...

    async def version(self, org_id: str) -> str:
        """An opaque value that changes whenever the org's library changes (for caching)."""
        ...


class EditableWorkoutLibrary(WorkoutLibrary, Protocol):
    """A workout library planforge can also add to (`planforge library import`): the built-in stores are."""

    async def add_many(self, org_id: str, workouts: Sequence[LibraryWorkout]) -> None:
        """Add workouts to the org's library, all or none.

        Raises `InvalidRequestError` (field `id`) when an id repeats within `workouts` or is already in the
        org's library; nothing is added then.
        """
        ...


def check_org_id(org_id: str) -> None:
    """Reject a blank org id: a library always belongs to a named org."""
    if not org_id.strip():
        raise InvalidRequestError("must not be blank", field="org_id")


def check_new_ids(org_id: str, workouts: Sequence[LibraryWorkout], existing_ids: Iterable[str]) -> None:
    """Raise `InvalidRequestError` if an id in `workouts` repeats or is among `existing_ids`."""
    existing = set(existing_ids)
    seen: set[str] = set()
    for workout in workouts:
        if workout.id in existing:
            raise InvalidRequestError(f"{workout.id!r} is already in the library of org {org_id!r}", field="id")
        if workout.id in seen:
            raise InvalidRequestError(f"{workout.id!r} appears more than once", field="id")
        seen.add(workout.id)


class InMemoryWorkoutLibrary:
    """A `WorkoutLibrary` in a dict, for tests and embedding."""

    def __init__(self, workouts_by_org: Mapping[str, Sequence[LibraryWorkout]] | None = None) -> None:
        """Optionally start with some orgs' workouts (same rules as `add_many`)."""
        self._workouts: dict[str, dict[str, LibraryWorkout]] = {}
        self._revisions: dict[str, int] = {}
        for org_id, workouts in (workouts_by_org or {}).items():
            self._add(org_id, workouts)

    async def list(self, org_id: str) -> builtins.list[LibraryWorkout]:
        """Every workout of the org, in the order they were added."""
        return builtins.list(self._workouts.get(org_id, {}).values())

    async def version(self, org_id: str) -> str:
        """A counter of the org's changes, as text."""
        return str(self._revisions.get(org_id, 0))

    async def add_many(self, org_id: str, workouts: Sequence[LibraryWorkout]) -> None:
        """Add workouts to the org's library, all or none.

        Raises `InvalidRequestError` (field `id`) when an id repeats within `workouts` or is already in the
        org's library; nothing is added then.
        """
        self._add(org_id, workouts)

    def _add(self, org_id: str, workouts: Sequence[LibraryWorkout]) -> None:
        check_org_id(org_id)
        library = self._workouts.get(org_id, {})
        check_new_ids(org_id, workouts, library)
        if not workouts:
            return
        self._workouts[org_id] = library | {workout.id: workout for workout in workouts}
        self._revisions[org_id] = self._revisions.get(org_id, 0) + 1
