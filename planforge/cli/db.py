"""`planforge db upgrade|status`: the Postgres schema's versioned migrations (SQLite needs none).

A service on Postgres refuses to start until `planforge db upgrade` has brought the database to the schema
version it needs; run the upgrade once per new planforge version, before starting (or rolling) the replicas.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TypeVar

import typer
from pydantic import ValidationError

from planforge.cli.output import error_exit, fail
from planforge.exceptions import PlanforgeError
from planforge.settings import Settings
from planforge.stores.backend import describe, open_principal_store, open_stores, require_postgres_driver

_T = TypeVar("_T")

db_app = typer.Typer(
    name="db",
    help="The database schema: PLANFORGE_DATABASE_URL (PostgreSQL), else the SQLite file in the data dir.",
    no_args_is_help=True,
)


@db_app.command("upgrade")
def upgrade_command() -> None:
    """Apply the schema migrations the database lacks (safe to run again, and from several replicas at once)."""
    settings = _or_exit(Settings)
    if settings.database_url is None:
        _or_exit(lambda: _create_sqlite_tables(settings))
        typer.echo(f"{describe(settings)}: up to date (SQLite tables are created and upgraded on first use)")
        return
    _or_exit(require_postgres_driver)
    import psycopg

    from planforge.stores.postgres.database import PostgresDatabase
    from planforge.stores.postgres.migrations import MIGRATIONS, current_version, upgrade

    url = settings.database_url
    with _or_exit(lambda: PostgresDatabase(url).connect()) as connection:
        try:
            applied = upgrade(connection)
        except psycopg.Error as error:
            # Each migration is one transaction: the failing one changed nothing, those before it stay applied.
            raise fail(f"a migration failed and was rolled back: {error}") from error
        version = current_version(connection)
    for migration in applied:
        typer.echo(f"applied {migration.version}: {migration.description}", err=True)
    latest = MIGRATIONS[-1].version
    typer.echo(f"{describe(settings)}: schema version {version} of {latest}, up to date")


@db_app.command("status")
def status_command() -> None:
    """Show the database's schema version; exit 1 when `planforge db upgrade` is needed."""
    settings = _or_exit(Settings)
    if settings.database_url is None:
        typer.echo(f"{describe(settings)}: no migrations needed")
        return
    _or_exit(require_postgres_driver)
    from planforge.stores.postgres.database import PostgresDatabase
    from planforge.stores.postgres.migrations import MIGRATIONS, current_version

    url = settings.database_url
    with _or_exit(lambda: PostgresDatabase(url).connect()) as connection:
        version = current_version(connection)
    latest = MIGRATIONS[-1].version
    if version < latest:
        raise fail(f"{describe(settings)}: schema version {version} of {latest}: run `planforge db upgrade`")
    typer.echo(f"{describe(settings)}: schema version {version} of {latest}, up to date")


def _create_sqlite_tables(settings: Settings) -> None:
    stores = open_stores(settings)
    principals = open_principal_store(settings)

    async def touch() -> None:
        # The first query of each store creates its tables.
        await stores.library.version("")
        await stores.training_principles.get("")
        await stores.aclose()
        await principals.aclose()

    asyncio.run(touch())


def _or_exit(action: Callable[[], _T]) -> _T:
    try:
        return action()
    except (PlanforgeError, ValidationError) as error:
        raise error_exit(error) from error
