"""PostgreSQL stores, for several replicas sharing principles, libraries, tokens and the chunk cache.

Chosen by `Settings.database_url` (`PLANFORGE_DATABASE_URL=postgresql://...`); the schema is created and
upgraded by `planforge db upgrade` (see `migrations`), never implicitly by a serving process.
"""

from planforge.stores.postgres.chunk_cache import PostgresChunkCache
from planforge.stores.postgres.database import PostgresDatabase
from planforge.stores.postgres.library import PostgresWorkoutLibrary
from planforge.stores.postgres.migrations import MIGRATIONS, check_schema, upgrade
from planforge.stores.postgres.training_principles import PostgresTrainingPrincipleStore

__all__ = [
    "MIGRATIONS",
    "PostgresChunkCache",
    "PostgresDatabase",
    "PostgresTrainingPrincipleStore",
    "PostgresWorkoutLibrary",
    "check_schema",
    "upgrade",
]
