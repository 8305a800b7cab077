"""`EditableWorkoutLibrary` on Postgres: workouts as JSON keyed by (org, id), a revision counter per org.

Imports of one org serialize on a transaction-scoped advisory lock named after the org, so two replicas
importing into the same org at once end in one consistent library: the second import sees the first's
workouts and is checked against them, all or nothing. Other orgs never wait.
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence

from planforge.library.models import LibraryWorkout
from planforge.library.store import check_new_ids, check_org_id
from planforge.stores.postgres.database import PostgresDatabase


class PostgresWorkoutLibrary:
    """Every org's workout library in the shared database."""

    def __init__(self, database: PostgresDatabase) -> None:
        self._database = database

    async def list(self, org_id: str) -> builtins.list[LibraryWorkout]:
        """Every workout of the org, in the order they were added."""
        async with self._database.connection() as connection:
            cursor = await connection.execute(
                "SELECT workout_json FROM library_workouts WHERE org_id = %s ORDER BY position", (org_id,)
            )
            rows = await cursor.fetchall()
        return [LibraryWorkout.model_validate_json(str(row[0])) for row in rows]

    async def version(self, org_id: str) -> str:
        """The org's revision counter, as text ("0" for an org with no workouts)."""
        async with self._database.connection() as connection:
            cursor = await connection.execute("SELECT revision FROM library_revisions WHERE org_id = %s", (org_id,))
            row = await cursor.fetchone()
        return "0" if row is None else str(row[0])

    async def add_many(self, org_id: str, workouts: Sequence[LibraryWorkout]) -> None:
        """Add workouts to the org's library in one transaction, all or none.

        Raises `InvalidRequestError` (field `id`) when an id repeats within `workouts` or is already in the
        org's library; nothing is added then.
        """
        check_org_id(org_id)
        rows = [(org_id, workout.id, workout.model_dump_json()) for workout in workouts]
        async with self._database.connection() as connection, connection.transaction():
            await connection.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (f"library:{org_id}",))
            cursor = await connection.execute("SELECT workout_id FROM library_workouts WHERE org_id = %s", (org_id,))
            check_new_ids(org_id, workouts, (str(row[0]) for row in await cursor.fetchall()))
            if not rows:
                return
            async with connection.cursor() as insert:
                await insert.executemany(
                    "INSERT INTO library_workouts (org_id, workout_id, workout_json) VALUES (%s, %s, %s)", rows
                )
            await connection.execute(
                "INSERT INTO library_revisions (org_id, revision) VALUES (%s, 1)"
                " ON CONFLICT (org_id) DO UPDATE SET revision = library_revisions.revision + 1",
                (org_id,),
            )
