"""`TrainingPrincipleStore` on Postgres: one row per org in `principles`."""

from __future__ import annotations

from planforge.stores.postgres.database import PostgresDatabase


class PostgresTrainingPrincipleStore:
    """Each org's training principle, shared by every replica on the database."""

    def __init__(self, database: PostgresDatabase) -> None:
        self._database = database

    async def get(self, org_id: str) -> str | None:
        """The org's principle, or None when it has none."""
        async with self._database.connection() as connection:
            cursor = await connection.execute("SELECT principle FROM principles WHERE org_id = %s", (org_id,))
            row = await cursor.fetchone()
        return None if row is None else str(row[0])

    async def set(self, org_id: str, principle: str) -> None:
        """Store (or replace) the org's principle."""
        async with self._database.connection() as connection:
            await connection.execute(
                "INSERT INTO principles (org_id, principle) VALUES (%s, %s)"
                " ON CONFLICT (org_id) DO UPDATE SET principle = excluded.principle, updated_at = now()",
                (org_id, principle),
            )
