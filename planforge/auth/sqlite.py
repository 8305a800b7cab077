"""The standalone service's principal store: orgs, features and token hashes in the shared SQLite file.

Tables are prefixed `auth_` so they sit beside the other stores' tables in `planforge.sqlite3`.
Lookups are single indexed reads (microseconds), so they run inline rather than on a worker thread.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Generator, Iterable
from contextlib import contextmanager
from pathlib import Path
from typing import cast

from planforge.auth.principal import Principal, Role
from planforge.auth.tokens import hash_token, new_token
from planforge.exceptions import UnknownOrgError
from planforge.stores.database import connect, database_path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS auth_orgs (
    org_id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS auth_org_features (
    org_id TEXT NOT NULL REFERENCES auth_orgs(org_id) ON DELETE CASCADE,
    feature TEXT NOT NULL,
    PRIMARY KEY (org_id, feature)
);
CREATE TABLE IF NOT EXISTS auth_tokens (
    token_hash TEXT PRIMARY KEY,
    org_id TEXT NOT NULL REFERENCES auth_orgs(org_id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('head_coach', 'assistant_coach', 'coach', 'athlete')),
    created_at TEXT NOT NULL
);
"""


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat()


class SQLitePrincipalStore:
    """Principals backed by SQLite; tokens are stored only as SHA-256 hashes."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection
        self._connection.executescript(_SCHEMA)

    @classmethod
    def open(cls, data_dir: Path) -> SQLitePrincipalStore:
        """The store in the data directory's shared SQLite file (created on first use)."""
        return cls(connect(database_path(data_dir)))

    def close(self) -> None:
        """Close the connection."""
        self._connection.close()

    def create_org(self, org_id: str, features: Iterable[str] = ()) -> None:
        """Create `org_id`, or add `features` to it when it already exists."""
        with self._transaction():
            self._connection.execute(
                "INSERT INTO auth_orgs (org_id, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING", (org_id, _now())
            )
            self._connection.executemany(
                "INSERT INTO auth_org_features (org_id, feature) VALUES (?, ?) ON CONFLICT DO NOTHING",
                [(org_id, feature) for feature in features],
            )

    def org_features(self, org_id: str) -> frozenset[str] | None:
        """The features of `org_id`, or None when the org does not exist."""
        if self._connection.execute("SELECT 1 FROM auth_orgs WHERE org_id = ?", (org_id,)).fetchone() is None:
            return None
        rows = self._connection.execute("SELECT feature FROM auth_org_features WHERE org_id = ?", (org_id,))
        return frozenset(str(row["feature"]) for row in rows)

    def create_token(self, org_id: str, role: Role) -> str:
        """A new token for a `role` in `org_id`; only its hash is stored, so this is the one chance to read it."""
        if self.org_features(org_id) is None:
            raise UnknownOrgError(org_id)
        token = new_token()
        with self._transaction():
            self._connection.execute(
                "INSERT INTO auth_tokens (token_hash, org_id, role, created_at) VALUES (?, ?, ?, ?)",
                (hash_token(token), org_id, role, _now()),
            )
        return token

    async def resolve(self, credential: str) -> Principal | None:
        """The principal for `credential`, or None."""
        row = self._connection.execute(
            "SELECT org_id, role FROM auth_tokens WHERE token_hash = ?", (hash_token(credential),)
        ).fetchone()
        if row is None:
            return None
        org_id = str(row["org_id"])
        features = self.org_features(org_id) or frozenset()
        return Principal(org_id=org_id, role=cast(Role, row["role"]), features=features)

    @contextmanager
    def _transaction(self) -> Generator[None]:
        # The connection runs in autocommit mode (see stores.database.connect): BEGIN/COMMIT by hand.
        self._connection.execute("BEGIN")
        try:
            yield
        except BaseException:
            self._connection.execute("ROLLBACK")
            raise
        self._connection.execute("COMMIT")
