"""Versioned Postgres migrations: `planforge db upgrade`, the start-up check, and the store choice by URL."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from typer.testing import CliRunner

from planforge.auth.postgres import PostgresPrincipalStore
from planforge.auth.sqlite import SQLitePrincipalStore
from planforge.cli import app
from planforge.exceptions import ConfigurationError
from planforge.library.sqlite_store import SQLiteWorkoutLibrary
from planforge.pipeline.cache import InMemoryChunkCache
from planforge.settings import Settings
from planforge.stores.backend import open_principal_store, open_stores
from planforge.stores.postgres import PostgresChunkCache, PostgresWorkoutLibrary
from planforge.stores.postgres.migrations import MIGRATIONS, Migration, check_schema, current_version, upgrade
from planforge.stores.postgres.testing import SKIP_REASON, postgres_test_url, temporary_schema

runner = CliRunner()


@pytest.fixture
def empty_url() -> Iterator[str]:
    """A schema planforge never upgraded."""
    url = postgres_test_url()
    if url is None:
        pytest.skip(SKIP_REASON)
    with temporary_schema(url, upgraded=False) as scoped:
        yield scoped


def test_a_service_on_a_database_never_upgraded_refuses_to_start_and_says_what_to_run(empty_url: str) -> None:
    settings = Settings(database_url=empty_url)

    with pytest.raises(
        ConfigurationError, match=r"schema version 0, this planforge needs 1: run `planforge db upgrade`"
    ):
        open_stores(settings)
    with pytest.raises(ConfigurationError, match="run `planforge db upgrade`"):
        open_principal_store(settings)


def test_db_upgrade_applies_the_migrations_once_and_the_service_then_starts(
    empty_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLANFORGE_DATABASE_URL", empty_url)

    before = runner.invoke(app, ["db", "status"])
    first = runner.invoke(app, ["db", "upgrade"])
    second = runner.invoke(app, ["db", "upgrade"])
    after = runner.invoke(app, ["db", "status"])

    assert before.exit_code == 1
    assert "schema version 0 of 1: run `planforge db upgrade`" in before.stderr
    assert first.exit_code == 0, first.output
    assert f"applied 1: {MIGRATIONS[0].description}" in first.stderr
    assert "schema version 1 of 1, up to date" in first.stdout
    assert second.exit_code == 0
    assert "applied" not in second.stderr
    assert after.exit_code == 0
    stores = open_stores(Settings())
    assert isinstance(stores.library, PostgresWorkoutLibrary)
    assert isinstance(stores.chunk_cache, PostgresChunkCache)
    asyncio.run(stores.aclose())
    principals = open_principal_store(Settings())
    assert isinstance(principals, PostgresPrincipalStore)
    asyncio.run(principals.aclose())


def test_replicas_upgrading_at_once_apply_each_migration_exactly_once(empty_url: str) -> None:
    applied: list[list[Migration]] = []

    def upgrade_from_a_replica() -> None:
        with psycopg.connect(empty_url, autocommit=True) as connection:
            applied.append(upgrade(connection))

    replicas = [threading.Thread(target=upgrade_from_a_replica) for _ in range(4)]
    for replica in replicas:
        replica.start()
    for replica in replicas:
        replica.join()

    assert sorted(len(steps) for steps in applied) == [0, 0, 0, len(MIGRATIONS)]
    with psycopg.connect(empty_url, autocommit=True) as connection:
        versions = connection.execute("SELECT version FROM planforge_schema").fetchall()
    assert versions == [(migration.version,) for migration in MIGRATIONS]


def test_a_failing_migration_changes_nothing_and_later_ones_wait(empty_url: str) -> None:
    broken = (*MIGRATIONS, Migration(2, "broken", "CREATE TABLE extra (id INT); SELECT 1/0"), Migration(3, "x", ""))

    with psycopg.connect(empty_url, autocommit=True) as connection:
        with pytest.raises(psycopg.errors.DivisionByZero):
            upgrade(connection, broken)
        assert current_version(connection) == 1
        assert connection.execute("SELECT to_regclass('extra')").fetchone() == (None,)


def test_a_database_upgraded_by_a_newer_planforge_is_refused(empty_url: str) -> None:
    newer = (*MIGRATIONS, Migration(2, "a later version's table", "CREATE TABLE later (id INT)"))
    with psycopg.connect(empty_url, autocommit=True) as connection:
        upgrade(connection, newer)
        with pytest.raises(ConfigurationError, match="schema version 2, newer than this planforge's 1"):
            check_schema(connection, empty_url)


def test_an_unreachable_database_is_one_clear_error_without_the_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANFORGE_DATABASE_URL", "postgresql://planforge:s3cret@127.0.0.1:1/planforge")

    result = runner.invoke(app, ["token", "list"])

    assert result.exit_code == 1
    assert "cannot connect to the database postgresql://planforge@127.0.0.1:1/planforge" in result.stderr
    assert "s3cret" not in result.output
    assert "Traceback" not in result.output


def test_sqlite_in_the_data_dir_stays_the_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PLANFORGE_DATABASE_URL", raising=False)
    settings = Settings(data_dir=tmp_path, chunk_cache_size=7)

    stores = open_stores(settings)
    principals = open_principal_store(settings)

    assert isinstance(stores.library, SQLiteWorkoutLibrary)
    assert isinstance(stores.chunk_cache, InMemoryChunkCache)
    assert isinstance(principals, SQLitePrincipalStore)
    asyncio.run(stores.aclose())
    asyncio.run(principals.aclose())
    upgraded = runner.invoke(app, ["db", "upgrade"], env={"PLANFORGE_DATA_DIR": str(tmp_path)})
    assert upgraded.exit_code == 0
    assert "up to date" in upgraded.stdout


def test_a_url_that_is_not_postgres_names_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANFORGE_DATABASE_URL", "mysql://localhost/planforge")

    result = runner.invoke(app, ["db", "upgrade"])

    assert result.exit_code == 2
    assert "database_url: Value error, must be a PostgreSQL URL" in result.stderr
