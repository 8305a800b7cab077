"""`ChunkCache` on Postgres: converted chunks shared by every replica, bounded and with an expiry.

A hit refreshes the entry's `used_at`; an entry older than the expiry is a miss. Every `prune_every`-th write
of a process deletes the expired entries and all but the `capacity` most recently used, so the table stays
bounded without counting rows on every write.
"""

from __future__ import annotations

import itertools

import psycopg
from pydantic import ValidationError

from planforge.domain.chunk import PlanChunk
from planforge.stores.postgres.database import PostgresDatabase

PRUNE_EVERY = 32
"""Writes between two prunes of the table, per process."""


class PostgresChunkCache:
    """Converted chunks in the shared database (table `chunk_cache`)."""

    def __init__(
        self, database: PostgresDatabase, *, capacity: int, ttl_seconds: float, prune_every: int = PRUNE_EVERY
    ) -> None:
        """Keep at most about `capacity` chunks, each for at most `ttl_seconds`."""
        self._database = database
        self._capacity = capacity
        self._ttl_seconds = ttl_seconds
        self._writes = itertools.count(1)
        self._prune_every = prune_every

    async def get(self, key: str) -> PlanChunk | None:
        """The chunk stored under `key` within the expiry, or None."""
        async with self._database.connection() as connection:
            cursor = await connection.execute(
                "UPDATE chunk_cache SET used_at = now()"
                " WHERE key = %s AND created_at > now() - make_interval(secs => %s) RETURNING chunk_json",
                (key, self._ttl_seconds),
            )
            row = await cursor.fetchone()
        if row is None:
            return None
        try:
            return PlanChunk.model_validate_json(str(row[0]))
        except ValidationError:
            return None  # written by a planforge whose chunk shape differed: convert again

    async def set(self, key: str, value: PlanChunk) -> None:
        """Store `value` under `key` (replacing an older entry), pruning the table now and then."""
        async with self._database.connection() as connection:
            await connection.execute(
                "INSERT INTO chunk_cache (key, chunk_json) VALUES (%s, %s) ON CONFLICT (key) DO UPDATE"
                " SET chunk_json = excluded.chunk_json, created_at = now(), used_at = now()",
                (key, value.model_dump_json()),
            )
            if next(self._writes) % self._prune_every == 0:
                await self._prune(connection)

    async def size(self) -> int:
        """Entries in the table (expired ones not yet pruned included)."""
        async with self._database.connection() as connection:
            cursor = await connection.execute("SELECT count(*) FROM chunk_cache")
            row = await cursor.fetchone()
        return int(row[0]) if row else 0

    async def _prune(self, connection: psycopg.AsyncConnection) -> None:
        await connection.execute(
            "DELETE FROM chunk_cache WHERE created_at <= now() - make_interval(secs => %s)", (self._ttl_seconds,)
        )
        await connection.execute(
            "DELETE FROM chunk_cache WHERE key IN (SELECT key FROM chunk_cache ORDER BY used_at DESC OFFSET %s)",
            (self._capacity,),
        )
