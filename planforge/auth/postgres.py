"""The principal store on Postgres: orgs, features and token hashes shared by every replica.

`resolve` runs on the process's async pool (a request path); the admin methods open a short synchronous
connection each (the CLI and tests). A revoked token or a removed feature takes effect on every replica at
once: nothing is cached.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, Final, cast

import psycopg

from planforge.auth.principal import Principal, Role
from planforge.auth.store import unknown_token
from planforge.auth.tokens import TOKEN_ID_LENGTH, TokenInfo, hash_token, new_token, token_id, token_id_of
from planforge.exceptions import UnknownOrgError
from planforge.stores.postgres.database import PostgresDatabase

_TOKEN_COLUMNS: Final = "token_hash, org_id, role, label, created_at, expires_at, revoked_at"


def _info(row: tuple[Any, ...]) -> TokenInfo:
    token_hash, org_id, role, label, created_at, expires_at, revoked_at = row
    return TokenInfo(
        token_id=token_id(str(token_hash)),
        org_id=str(org_id),
        role=str(role),
        label=None if label is None else str(label),
        created_at=cast(dt.datetime, created_at),
        expires_at=cast(dt.datetime | None, expires_at),
        revoked_at=cast(dt.datetime | None, revoked_at),
    )


class PostgresPrincipalStore:
    """Principals in the shared database; tokens are stored only as SHA-256 hashes."""

    def __init__(self, database: PostgresDatabase) -> None:
        self._database = database

    async def aclose(self) -> None:
        """Close the database's pool."""
        await self._database.aclose()

    async def resolve(self, credential: str) -> Principal | None:
        """The principal for `credential`, or None when it is unknown, expired or revoked."""
        async with self._database.connection() as connection:
            cursor = await connection.execute(
                "SELECT t.org_id, t.role,"
                " array(SELECT f.feature FROM auth_org_features f WHERE f.org_id = t.org_id)"
                " FROM auth_tokens t WHERE t.token_hash = %s AND t.revoked_at IS NULL"
                " AND (t.expires_at IS NULL OR t.expires_at > now())",
                (hash_token(credential),),
            )
            row = await cursor.fetchone()
        if row is None:
            return None
        org_id, role, features = row
        return Principal(org_id=str(org_id), role=cast(Role, role), features=frozenset(cast(list[str], features)))

    def create_org(self, org_id: str, features: Iterable[str] = ()) -> None:
        """Create `org_id`, or add `features` to it when it already exists."""
        with self._database.connect() as connection, connection.transaction():
            connection.execute("INSERT INTO auth_orgs (org_id) VALUES (%s) ON CONFLICT DO NOTHING", (org_id,))
            with connection.cursor() as cursor:
                cursor.executemany(
                    "INSERT INTO auth_org_features (org_id, feature) VALUES (%s, %s) ON CONFLICT DO NOTHING",
                    [(org_id, feature) for feature in features],
                )

    def remove_features(self, org_id: str, features: Iterable[str]) -> None:
        """Take `features` away from `org_id`; raises `UnknownOrgError`."""
        with self._database.connect() as connection:
            if _org_features(connection, org_id) is None:
                raise UnknownOrgError(org_id)
            connection.execute(
                "DELETE FROM auth_org_features WHERE org_id = %s AND feature = ANY(%s)", (org_id, list(features))
            )

    def org_features(self, org_id: str) -> frozenset[str] | None:
        """The features of `org_id`, or None when the org does not exist."""
        with self._database.connect() as connection:
            return _org_features(connection, org_id)

    def create_token(
        self, org_id: str, role: Role, *, expires_at: dt.datetime | None = None, label: str | None = None
    ) -> str:
        """A new token for a `role` in `org_id`; only its hash is stored, so this is the one chance to read it."""
        token = new_token()
        with self._database.connect() as connection:
            try:
                connection.execute(
                    "INSERT INTO auth_tokens (token_hash, org_id, role, label, expires_at) VALUES (%s, %s, %s, %s, %s)",
                    (hash_token(token), org_id, role, label, expires_at),
                )
            except psycopg.errors.ForeignKeyViolation as error:
                raise UnknownOrgError(org_id) from error
        return token

    def list_tokens(self, org_id: str | None = None) -> list[TokenInfo]:
        """The tokens of `org_id` (of every org when None), oldest first."""
        with self._database.connect() as connection:
            rows = connection.execute(
                f"SELECT {_TOKEN_COLUMNS} FROM auth_tokens WHERE %s::text IS NULL OR org_id = %s"
                " ORDER BY created_at, token_hash",
                (org_id, org_id),
            ).fetchall()
        return [_info(row) for row in rows]

    def revoke_token(self, reference: str) -> TokenInfo:
        """Revoke the token with this id (or this token); raises `NotFoundError`."""
        wanted = token_id_of(reference)
        with self._database.connect() as connection:
            connection.execute(
                "UPDATE auth_tokens SET revoked_at = now() WHERE left(token_hash, %s) = %s AND revoked_at IS NULL",
                (TOKEN_ID_LENGTH, wanted),
            )
            row = connection.execute(
                f"SELECT {_TOKEN_COLUMNS} FROM auth_tokens WHERE left(token_hash, %s) = %s", (TOKEN_ID_LENGTH, wanted)
            ).fetchone()
        if row is None:
            raise unknown_token(reference)
        return _info(row)


def _org_features(connection: psycopg.Connection, org_id: str) -> frozenset[str] | None:
    if connection.execute("SELECT 1 FROM auth_orgs WHERE org_id = %s", (org_id,)).fetchone() is None:
        return None
    rows = connection.execute("SELECT feature FROM auth_org_features WHERE org_id = %s", (org_id,)).fetchall()
    return frozenset(str(row[0]) for row in rows)
