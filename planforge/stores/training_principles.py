"""Training-principle storage: a protocol, an in-memory store and a SQLite store.

The principle used for a request is resolved by `resolve_principle`: a non-blank request override, else the
org's stored principle, else `DEFAULT_PRINCIPLE`.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Literal, Protocol

from planforge.stores.database import connect

DEFAULT_PRINCIPLE = (
    "Progressive overload with an 80/20 easy-hard split. Build the aerobic base before adding speed work, "
    "raise weekly volume by no more than about 10% a week, take a lighter step-back week every fourth week, "
    "keep at least one full rest day a week, and taper before a goal race."
)
"""The built-in principle, used when neither the request nor the org has one."""

PrincipleSource = Literal["request", "org", "default"]


class TrainingPrincipleStore(Protocol):
    """Where each org's training principle is kept. A host backend can supply its own."""

    async def get(self, org_id: str) -> str | None:
        """The org's principle, or None when it has none."""
        ...

    async def set(self, org_id: str, principle: str) -> None:
        """Store (or replace) the org's principle."""
        ...


class InMemoryTrainingPrincipleStore:
    """Principles in a dict: for tests and for embedding without persistence."""

    def __init__(self, principles: dict[str, str] | None = None) -> None:
        self._principles = dict(principles or {})

    async def get(self, org_id: str) -> str | None:
        return self._principles.get(org_id)

    async def set(self, org_id: str, principle: str) -> None:
        self._principles[org_id] = principle


class SQLiteTrainingPrincipleStore:
    """Principles in the service's SQLite file (created on first use)."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._lock = asyncio.Lock()

    def _connect(self) -> sqlite3.Connection:
        connection = connect(self._path)
        connection.execute(
            "CREATE TABLE IF NOT EXISTS principles (org_id TEXT PRIMARY KEY, principle TEXT NOT NULL,"
            " updated_at TEXT NOT NULL)"
        )
        return connection

    def _get(self, org_id: str) -> str | None:
        with closing(self._connect()) as connection:
            row = connection.execute("SELECT principle FROM principles WHERE org_id = ?", (org_id,)).fetchone()
        return None if row is None else str(row["principle"])

    def _set(self, org_id: str, principle: str) -> None:
        now = dt.datetime.now(dt.UTC).isoformat()
        with closing(self._connect()) as connection:
            connection.execute(
                "INSERT INTO principles (org_id, principle, updated_at) VALUES (?, ?, ?)"
                " ON CONFLICT(org_id) DO UPDATE SET principle = excluded.principle, updated_at = excluded.updated_at",
                (org_id, principle, now),
            )

    async def get(self, org_id: str) -> str | None:
        return await asyncio.to_thread(self._get, org_id)

    async def set(self, org_id: str, principle: str) -> None:
        async with self._lock:
            await asyncio.to_thread(self._set, org_id, principle)


async def resolve_principle(
    store: TrainingPrincipleStore, org_id: str, override: str | None
) -> tuple[str, PrincipleSource]:
    """The principle a request uses, and where it came from."""
    if override and override.strip():
        return override.strip(), "request"
    stored = await store.get(org_id)
    if stored and stored.strip():
        return stored, "org"
    return DEFAULT_PRINCIPLE, "default"
