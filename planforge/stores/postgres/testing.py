"""Throwaway schemas for tests: many isolated planforge databases inside one Postgres database.

`TEST_DATABASE_URL_VARIABLE` names the environment variable CI sets (see `.ci/postgres.sh`); each test gets a
schema of its own, upgraded to the current version, and the schema is dropped afterwards, so one server serves
the whole suite and its parallel workers.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Generator
from contextlib import contextmanager

import psycopg
from psycopg import sql

from planforge.stores.postgres.database import with_search_path
from planforge.stores.postgres.migrations import upgrade

TEST_DATABASE_URL_VARIABLE = "PLANFORGE_TEST_DATABASE_URL"
"""Where the tests find the Postgres server to use (unset: the Postgres tests skip)."""

SKIP_REASON = (
    f"no PostgreSQL for the tests: set {TEST_DATABASE_URL_VARIABLE} (CI starts one with `.ci/postgres.sh start`)"
)


def postgres_test_url() -> str | None:
    """The Postgres URL the tests may use, or None."""
    return os.environ.get(TEST_DATABASE_URL_VARIABLE) or None


@contextmanager
def temporary_schema(url: str, *, upgraded: bool = True) -> Generator[str]:
    """A URL whose connections see only a new, empty schema (upgraded to the current version unless told not
    to); the schema is dropped on exit."""
    schema = f"test_{secrets.token_hex(6)}"
    scoped = with_search_path(url, schema)
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
    try:
        if upgraded:
            with psycopg.connect(scoped, autocommit=True) as connection:
                upgrade(connection)
        yield scoped
    finally:
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(schema)))
