"""Versioned schema migrations for Postgres: applied by `planforge db upgrade`, checked when a process starts.

Each migration is a numbered, append-only step; `planforge_schema` records those applied. A serving process
never changes the schema: `check_schema` tells the operator to run the upgrade when the database is behind,
and refuses a database that a newer planforge has already upgraded. `upgrade` takes a transaction-scoped
advisory lock, so two replicas upgrading at once apply each step exactly once (Postgres DDL is transactional:
a failing step leaves the schema as it was).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import psycopg

from planforge.exceptions import ConfigurationError
from planforge.stores.postgres.database import redacted

UPGRADE_LOCK = 0x706C616E666F7267
"""The advisory lock key `upgrade` holds (the bytes of "planforg")."""


@dataclass(frozen=True)
class Migration:
    """One schema step."""

    version: int
    """Its number: 1, 2, 3 … in the order they apply."""
    description: str
    """What it changes, in a few words (shown by `planforge db upgrade` and `db status`)."""
    sql: str
    """The statements, run in one transaction."""


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "principles, orgs and tokens, workout libraries, chunk cache",
        """
        CREATE TABLE principles (
            org_id TEXT PRIMARY KEY,
            principle TEXT NOT NULL,
            updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
        );
        CREATE TABLE auth_orgs (
            org_id TEXT PRIMARY KEY,
            created_at TIMESTAMPTZ NOT NULL DEFAULT now()
        );
        CREATE TABLE auth_org_features (
            org_id TEXT NOT NULL REFERENCES auth_orgs (org_id) ON DELETE CASCADE,
            feature TEXT NOT NULL,
            PRIMARY KEY (org_id, feature)
        );
        CREATE TABLE auth_tokens (
            token_hash TEXT PRIMARY KEY,
            org_id TEXT NOT NULL REFERENCES auth_orgs (org_id) ON DELETE CASCADE,
            role TEXT NOT NULL CHECK (role IN ('head_coach', 'assistant_coach', 'coach', 'athlete')),
            label TEXT,
            created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
            expires_at TIMESTAMPTZ,
            revoked_at TIMESTAMPTZ
        );
        CREATE INDEX auth_tokens_org ON auth_tokens (org_id);
        CREATE TABLE library_workouts (
            org_id TEXT NOT NULL,
            workout_id TEXT NOT NULL,
            position BIGINT GENERATED ALWAYS AS IDENTITY,
            workout_json TEXT NOT NULL,
            PRIMARY KEY (org_id, workout_id)
        );
        CREATE INDEX library_workouts_order ON library_workouts (org_id, position);
        CREATE TABLE library_revisions (
            org_id TEXT PRIMARY KEY,
            revision BIGINT NOT NULL
        );
        CREATE TABLE chunk_cache (
            key TEXT PRIMARY KEY,
            chunk_json TEXT NOT NULL,
            created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
            used_at TIMESTAMPTZ NOT NULL DEFAULT now()
        );
        CREATE INDEX chunk_cache_used_at ON chunk_cache (used_at);
        """,
    ),
)
"""Every schema step, oldest first. Append new steps; never edit one that has shipped."""

_VERSION_TABLE = """
CREATE TABLE IF NOT EXISTS planforge_schema (
    version INTEGER PRIMARY KEY,
    description TEXT NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
)
"""


def current_version(connection: psycopg.Connection) -> int:
    """The highest migration applied to the database (0 for a database planforge never upgraded)."""
    exists = connection.execute("SELECT to_regclass('planforge_schema') IS NOT NULL").fetchone()
    if not exists or not exists[0]:
        return 0
    row = connection.execute("SELECT coalesce(max(version), 0) FROM planforge_schema").fetchone()
    return int(row[0]) if row else 0


def upgrade(connection: psycopg.Connection, migrations: Sequence[Migration] = MIGRATIONS) -> list[Migration]:
    """Apply the migrations the database lacks, in order, each in its own transaction; the ones applied."""
    applied: list[Migration] = []
    for migration in migrations:
        with connection.transaction():
            connection.execute("SELECT pg_advisory_xact_lock(%s)", (UPGRADE_LOCK,))
            connection.execute(_VERSION_TABLE)
            if current_version(connection) >= migration.version:
                continue  # applied earlier, or by a replica upgrading at the same time
            connection.execute(migration.sql.encode())
            connection.execute(
                "INSERT INTO planforge_schema (version, description) VALUES (%s, %s)",
                (migration.version, migration.description),
            )
        applied.append(migration)
    return applied


def check_schema(connection: psycopg.Connection, url: str, migrations: Sequence[Migration] = MIGRATIONS) -> None:
    """Raise `ConfigurationError` unless the database's schema is exactly the one this planforge expects."""
    expected = migrations[-1].version if migrations else 0
    found = current_version(connection)
    if found < expected:
        raise ConfigurationError(
            f"the database {redacted(url)} has schema version {found}, this planforge needs {expected}:"
            " run `planforge db upgrade` (with the same PLANFORGE_DATABASE_URL) before starting it"
        )
    if found > expected:
        raise ConfigurationError(
            f"the database {redacted(url)} has schema version {found}, newer than this planforge's {expected}:"
            " it was upgraded by a newer planforge; run that version"
        )
