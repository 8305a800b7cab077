"""`WorkoutLibrary` on the standalone service's SQLite file (tables prefixed `library_`)."""

from __future__ import annotations

import asyncio
import builtins
import sqlite3
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from planforge.library.models import LibraryWorkout
from planforge.library.store import check_new_ids, check_org_id
from planforge.stores.database import connect

_T = TypeVar("_T")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS library_workouts (
    org_id TEXT NOT NULL,
    workout_id TEXT NOT NULL,
    workout_json TEXT NOT NULL,
    PRIMARY KEY (org_id, workout_id)
);
CREATE TABLE IF NOT EXISTS library_revisions (
    org_id TEXT PRIMARY KEY,
    revision INTEGER NOT NULL
);
"""


class SQLiteWorkoutLibrary:
    """A `WorkoutLibrary` in the SQLite file at `path`; the tables are created on first use.

    Each workout is stored as its JSON, keyed by (org, id). A per-org revision counter, bumped in the same
    transaction as every change, is the library version. SQLite calls run in a worker thread, one at a
    time on the store's single connection. Call `close()` when done.
    """

    def __init__(self, path: Path) -> None:
        """Remember the file; nothing is opened until the first call."""
        self._path = path
        self._connection: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    def close(self) -> None:
        """Close the connection, if one is open."""
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    async def list(self, org_id: str) -> builtins.list[LibraryWorkout]:
        """Every workout of the org, in the order they were added."""
        return await self._run(lambda db: _select_workouts(db, org_id))

    async def version(self, org_id: str) -> str:
        """The org's revision counter, as text ("0" for an org with no workouts)."""
        return await self._run(lambda db: _select_revision(db, org_id))

    async def add_many(self, org_id: str, workouts: Sequence[LibraryWorkout]) -> None:
        """Add workouts to the org's library in one transaction, all or none."""
        check_org_id(org_id)
        rows = [(org_id, workout.id, workout.model_dump_json()) for workout in workouts]

        def insert(db: sqlite3.Connection) -> None:
            db.execute("BEGIN IMMEDIATE")
            try:
                existing = db.execute("SELECT workout_id FROM library_workouts WHERE org_id = ?", (org_id,))
                check_new_ids(org_id, workouts, (row[0] for row in existing))
                if rows:
                    db.executemany("INSERT INTO library_workouts VALUES (?, ?, ?)", rows)
                    db.execute(
                        "INSERT INTO library_revisions VALUES (?, 1)"
                        " ON CONFLICT (org_id) DO UPDATE SET revision = revision + 1",
                        (org_id,),
                    )
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

        await self._run(insert)

    async def _run(self, work: Callable[[sqlite3.Connection], _T]) -> _T:
        return await asyncio.to_thread(self._locked, work)

    def _locked(self, work: Callable[[sqlite3.Connection], _T]) -> _T:
        with self._lock:
            if self._connection is None:
                connection = connect(self._path)
                connection.executescript(_SCHEMA)
                self._connection = connection
            return work(self._connection)


def _select_workouts(db: sqlite3.Connection, org_id: str) -> list[LibraryWorkout]:
    rows = db.execute("SELECT workout_json FROM library_workouts WHERE org_id = ? ORDER BY rowid", (org_id,))
    return [LibraryWorkout.model_validate_json(row[0]) for row in rows]


def _select_revision(db: sqlite3.Connection, org_id: str) -> str:
    row = db.execute("SELECT revision FROM library_revisions WHERE org_id = ?", (org_id,)).fetchone()
    return "0" if row is None else str(row[0])
