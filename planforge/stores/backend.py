"""The standalone service's stores, chosen by `Settings.database_url`: SQLite in the data dir, or Postgres.

`open_stores` gives what `PlanForge` keeps (principles, the workout library, the chunk cache);
`open_principal_store` gives what the HTTP layer resolves tokens with. On Postgres both check the schema
version first, so a process started against a database that `planforge db upgrade` has not brought up to date
stops at once with an error saying so, instead of failing on its first request.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planforge.auth.sqlite import SQLitePrincipalStore
from planforge.auth.store import PrincipalAdmin
from planforge.exceptions import ConfigurationError
from planforge.library.sqlite_store import SQLiteWorkoutLibrary
from planforge.library.store import EditableWorkoutLibrary
from planforge.pipeline.cache import ChunkCache, InMemoryChunkCache
from planforge.settings import Settings
from planforge.stores.database import database_path
from planforge.stores.training_principles import SQLiteTrainingPrincipleStore, TrainingPrincipleStore

if TYPE_CHECKING:
    from planforge.stores.postgres.database import PostgresDatabase


@dataclass(frozen=True)
class Stores:
    """The stores a `PlanForge` of the standalone service works with, and how to release them."""

    training_principles: TrainingPrincipleStore
    library: EditableWorkoutLibrary
    chunk_cache: ChunkCache
    close: Callable[[], Awaitable[None]]
    """Releases the connections (call once, when the service stops)."""

    async def aclose(self) -> None:
        """Release the stores' connections."""
        await self.close()


def describe(settings: Settings) -> str:
    """Where the data lives, for start-up messages (no password)."""
    if settings.database_url is None:
        return f"SQLite in {database_path(settings.data_dir)}"
    from planforge.stores.postgres.database import redacted

    return f"PostgreSQL at {redacted(settings.database_url)}"


def open_stores(settings: Settings) -> Stores:
    """The principle, library and chunk-cache stores `settings` choose.

    Raises `ConfigurationError` when the Postgres database is unreachable or its schema is not this version's.
    """
    if settings.database_url is None:
        path = database_path(settings.data_dir)
        library = SQLiteWorkoutLibrary(path)

        async def close_sqlite() -> None:
            library.close()

        cache = InMemoryChunkCache(settings.chunk_cache_size, ttl_seconds=settings.chunk_cache_ttl_seconds)
        return Stores(SQLiteTrainingPrincipleStore(path), library, cache, close_sqlite)

    from planforge.stores.postgres import (
        PostgresChunkCache,
        PostgresTrainingPrincipleStore,
        PostgresWorkoutLibrary,
    )

    database = checked_database(settings)
    postgres_cache = PostgresChunkCache(
        database, capacity=settings.chunk_cache_size, ttl_seconds=settings.chunk_cache_ttl_seconds
    )
    return Stores(
        PostgresTrainingPrincipleStore(database), PostgresWorkoutLibrary(database), postgres_cache, database.aclose
    )


def open_principal_store(settings: Settings) -> PrincipalAdmin:
    """The token and org store `settings` choose (its `aclose` releases it).

    Raises `ConfigurationError` when the Postgres database is unreachable or its schema is not this version's.
    """
    if settings.database_url is None:
        return SQLitePrincipalStore.open(settings.data_dir)
    from planforge.auth.postgres import PostgresPrincipalStore

    return PostgresPrincipalStore(checked_database(settings, pool_size=max(2, settings.database_pool_size // 4)))


def checked_database(settings: Settings, *, pool_size: int | None = None) -> PostgresDatabase:
    """The Postgres database of `settings`, once its schema version is the one this planforge needs."""
    require_postgres_driver()
    from planforge.stores.postgres.database import PostgresDatabase
    from planforge.stores.postgres.migrations import check_schema

    assert settings.database_url is not None
    database = PostgresDatabase(settings.database_url, pool_size=pool_size or settings.database_pool_size)
    with database.connect() as connection:
        check_schema(connection, settings.database_url)
    return database


def require_postgres_driver() -> None:
    """Raise `ConfigurationError` when psycopg (the `postgres` extra) is not installed."""
    try:
        import psycopg  # noqa: F401  # pyright: ignore[reportUnusedImport]
        import psycopg_pool  # noqa: F401  # pyright: ignore[reportUnusedImport]
    except ImportError as error:
        raise ConfigurationError(
            "PLANFORGE_DATABASE_URL names a PostgreSQL database but its driver is not installed:"
            " install planforge with the postgres extra (pip install 'planforge[postgres]')"
        ) from error
