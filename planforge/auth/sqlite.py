"""The standalone service's principal store: orgs, features and token hashes in the shared SQLite file.

Tables are prefixed `auth_` so they sit beside the other stores' tables in `planforge.sqlite3`.
Lookups are single indexed reads (microseconds), so they run inline rather than on a worker thread.
Times are stored as ISO 8601 text in UTC.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Generator, Iterable
from contextlib import contextmanager
from pathlib import Path
from typing import Final, cast

from planforge.auth.principal import Principal, Role
from planforge.auth.store import unknown_token
from planforge.auth.tokens import (
    TOKEN_ID_LENGTH,
    TokenInfo,
    hash_token,
    is_usable,
    new_token,
    token_id,
    token_id_of,
    utc_now,
)
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

_ADDED_TOKEN_COLUMNS = ("label", "expires_at", "revoked_at")
"""Columns added to `auth_tokens` after the first release; files made before get them on open."""

_TOKEN_COLUMNS: Final = "token_hash, org_id, role, label, created_at, expires_at, revoked_at"


def _text(moment: dt.datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(dt.UTC).isoformat()


def _moment(text: object) -> dt.datetime | None:
    return None if text is None else dt.datetime.fromisoformat(str(text))


def _info(row: sqlite3.Row) -> TokenInfo:
    created = _moment(row["created_at"])
    assert created is not None
    label = row["label"]
    return TokenInfo(
        token_id=token_id(str(row["token_hash"])),
        org_id=str(row["org_id"]),
        role=str(row["role"]),
        label=None if label is None else str(label),
        created_at=created,
        expires_at=_moment(row["expires_at"]),
        revoked_at=_moment(row["revoked_at"]),
    )


class SQLitePrincipalStore:
    """Principals backed by SQLite; tokens are stored only as SHA-256 hashes."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection
        self._connection.executescript(_SCHEMA)
        present = {str(row["name"]) for row in self._connection.execute("PRAGMA table_info(auth_tokens)")}
        for column in _ADDED_TOKEN_COLUMNS:
            if column not in present:
                self._connection.execute(f"ALTER TABLE auth_tokens ADD COLUMN {column} TEXT")

    @classmethod
    def open(cls, data_dir: Path) -> SQLitePrincipalStore:
        """The store in the data directory's shared SQLite file (created on first use)."""
        return cls(connect(database_path(data_dir)))

    def close(self) -> None:
        """Close the connection."""
        self._connection.close()

    async def aclose(self) -> None:
        """Close the connection (the async form every built-in store has)."""
        self.close()

    def create_org(self, org_id: str, features: Iterable[str] = ()) -> None:
        """Create `org_id`, or add `features` to it when it already exists."""
        with self._transaction():
            self._connection.execute(
                "INSERT INTO auth_orgs (org_id, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                (org_id, _text(utc_now())),
            )
            self._connection.executemany(
                "INSERT INTO auth_org_features (org_id, feature) VALUES (?, ?) ON CONFLICT DO NOTHING",
                [(org_id, feature) for feature in features],
            )

    def remove_features(self, org_id: str, features: Iterable[str]) -> None:
        """Take `features` away from `org_id`; raises `UnknownOrgError`."""
        if self.org_features(org_id) is None:
            raise UnknownOrgError(org_id)
        with self._transaction():
            self._connection.executemany(
                "DELETE FROM auth_org_features WHERE org_id = ? AND feature = ?",
                [(org_id, feature) for feature in features],
            )

    def org_features(self, org_id: str) -> frozenset[str] | None:
        """The features of `org_id`, or None when the org does not exist."""
        if self._connection.execute("SELECT 1 FROM auth_orgs WHERE org_id = ?", (org_id,)).fetchone() is None:
            return None
        rows = self._connection.execute("SELECT feature FROM auth_org_features WHERE org_id = ?", (org_id,))
        return frozenset(str(row["feature"]) for row in rows)

    def create_token(
        self, org_id: str, role: Role, *, expires_at: dt.datetime | None = None, label: str | None = None
    ) -> str:
        """A new token for a `role` in `org_id`; only its hash is stored, so this is the one chance to read it."""
        if self.org_features(org_id) is None:
            raise UnknownOrgError(org_id)
        token = new_token()
        with self._transaction():
            self._connection.execute(
                "INSERT INTO auth_tokens (token_hash, org_id, role, label, created_at, expires_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (hash_token(token), org_id, role, label, _text(utc_now()), _text(expires_at)),
            )
        return token

    def list_tokens(self, org_id: str | None = None) -> list[TokenInfo]:
        """The tokens of `org_id` (of every org when None), oldest first."""
        rows = self._connection.execute(
            f"SELECT {_TOKEN_COLUMNS} FROM auth_tokens WHERE ? IS NULL OR org_id = ? ORDER BY created_at, rowid",
            (org_id, org_id),
        )
        return [_info(row) for row in rows]

    def revoke_token(self, reference: str) -> TokenInfo:
        """Revoke the token with this id (or this token); raises `NotFoundError`."""
        wanted = token_id_of(reference)
        with self._transaction():
            # The id is the start of the stored hash (see auth.tokens.token_id).
            self._connection.execute(
                "UPDATE auth_tokens SET revoked_at = ? WHERE substr(token_hash, 1, ?) = ? AND revoked_at IS NULL",
                (_text(utc_now()), TOKEN_ID_LENGTH, wanted),
            )
            row = self._connection.execute(
                f"SELECT {_TOKEN_COLUMNS} FROM auth_tokens WHERE substr(token_hash, 1, ?) = ?",
                (TOKEN_ID_LENGTH, wanted),
            ).fetchone()
        if row is None:
            raise unknown_token(reference)
        return _info(row)

    async def resolve(self, credential: str) -> Principal | None:
        """The principal for `credential`, or None when it is unknown, expired or revoked."""
        row = self._connection.execute(
            "SELECT org_id, role, expires_at, revoked_at FROM auth_tokens WHERE token_hash = ?",
            (hash_token(credential),),
        ).fetchone()
        if row is None or not is_usable(_moment(row["expires_at"]), _moment(row["revoked_at"]), utc_now()):
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
