"""Principle stores and chunk caches behave alike on every backend (memory, SQLite, Postgres)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from planforge.domain.chunk import ChunkWeek, PlanChunk
from planforge.pipeline.cache import ChunkCache, InMemoryChunkCache
from planforge.stores.postgres import PostgresChunkCache, PostgresDatabase, PostgresTrainingPrincipleStore
from planforge.stores.postgres.testing import SKIP_REASON, postgres_test_url, temporary_schema
from planforge.stores.training_principles import (
    InMemoryTrainingPrincipleStore,
    SQLiteTrainingPrincipleStore,
    TrainingPrincipleStore,
)

pytestmark = pytest.mark.anyio


@pytest.fixture
def postgres_url() -> Iterator[str]:
    url = postgres_test_url()
    if url is None:
        pytest.skip(SKIP_REASON)
    with temporary_schema(url) as scoped:
        yield scoped


@pytest.fixture
async def database(postgres_url: str) -> AsyncIterator[PostgresDatabase]:
    database = PostgresDatabase(postgres_url)
    yield database
    await database.aclose()


@pytest.fixture(params=["memory", "sqlite", "postgres"])
def principles(request: pytest.FixtureRequest, tmp_path: Path) -> TrainingPrincipleStore:
    if request.param == "memory":
        return InMemoryTrainingPrincipleStore()
    if request.param == "sqlite":
        return SQLiteTrainingPrincipleStore(tmp_path / "planforge.sqlite3")
    return PostgresTrainingPrincipleStore(request.getfixturevalue("database"))


def chunk(week: int, focus: str = "Aerobic base") -> PlanChunk:
    return PlanChunk(weeks=[ChunkWeek(week=week, phase="base", focus=focus)], workouts=[])


async def test_a_principle_is_stored_per_org_and_replaced(principles: TrainingPrincipleStore) -> None:
    assert await principles.get("acme") is None
    await principles.set("acme", "Polarized 80/20.")
    await principles.set("globex", "Threshold heavy.")
    await principles.set("acme", "Pyramidal, 3:1 blocks.")

    assert await principles.get("acme") == "Pyramidal, 3:1 blocks."
    assert await principles.get("globex") == "Threshold heavy."
    assert await principles.get("initech") is None


async def test_concurrent_principle_writes_leave_one_of_them(principles: TrainingPrincipleStore) -> None:
    texts = [f"Principle {n}" for n in range(8)]
    await asyncio.gather(*(principles.set("acme", text) for text in texts))
    assert await principles.get("acme") in texts


async def test_a_principle_set_through_one_postgres_store_is_read_by_another(postgres_url: str) -> None:
    writer, reader = PostgresDatabase(postgres_url), PostgresDatabase(postgres_url)
    try:
        await PostgresTrainingPrincipleStore(writer).set("acme", "Polarized 80/20.")
        assert await PostgresTrainingPrincipleStore(reader).get("acme") == "Polarized 80/20."
    finally:
        await writer.aclose()
        await reader.aclose()


@pytest.fixture(params=["memory", "postgres"])
def cache(request: pytest.FixtureRequest) -> ChunkCache:
    if request.param == "memory":
        return InMemoryChunkCache(capacity=3)
    return PostgresChunkCache(request.getfixturevalue("database"), capacity=3, ttl_seconds=3600, prune_every=1)


async def test_a_cached_chunk_comes_back_equal(cache: ChunkCache) -> None:
    await cache.set("k1", chunk(1))
    await cache.set("k1", chunk(1, "Replaced"))
    assert await cache.get("k1") == chunk(1, "Replaced")
    assert await cache.get("missing") is None


async def test_the_cache_is_bounded_and_evicts_the_least_recently_used(cache: ChunkCache) -> None:
    for week in (1, 2, 3):
        await cache.set(f"k{week}", chunk(week))
    assert await cache.get("k1") == chunk(1)  # k2 is now the least recently used

    await cache.set("k4", chunk(4))

    assert await cache.get("k2") is None
    assert [await cache.get(key) for key in ("k1", "k3", "k4")] == [chunk(1), chunk(3), chunk(4)]


async def test_an_expired_chunk_is_a_miss_in_memory() -> None:
    now = [1000.0]
    cache = InMemoryChunkCache(ttl_seconds=60, clock=lambda: now[0])
    await cache.set("k", chunk(1))
    now[0] += 59
    assert await cache.get("k") == chunk(1)
    now[0] += 1
    assert await cache.get("k") is None
    assert len(cache) == 0


async def test_an_expired_chunk_is_a_miss_and_pruned_in_postgres(database: PostgresDatabase) -> None:
    cache = PostgresChunkCache(database, capacity=100, ttl_seconds=3600, prune_every=1)
    await cache.set("old", chunk(1))
    await cache.set("new", chunk(2))
    async with database.connection() as connection:
        await connection.execute("UPDATE chunk_cache SET created_at = now() - interval '2 hours' WHERE key = 'old'")

    assert await cache.get("old") is None
    assert await cache.get("new") == chunk(2)
    await cache.set("newer", chunk(3))  # a write prunes
    assert await cache.size() == 2


async def test_a_chunk_cached_by_one_replica_is_a_hit_for_another(postgres_url: str) -> None:
    databases = PostgresDatabase(postgres_url), PostgresDatabase(postgres_url)
    try:
        first, second = (PostgresChunkCache(db, capacity=10, ttl_seconds=60) for db in databases)
        await first.set("shared", chunk(5))
        assert await second.get("shared") == chunk(5)
    finally:
        for database in databases:
            await database.aclose()


async def test_a_chunk_stored_in_another_shape_is_a_miss(database: PostgresDatabase) -> None:
    cache = PostgresChunkCache(database, capacity=10, ttl_seconds=60)
    async with database.connection() as connection:
        await connection.execute("INSERT INTO chunk_cache (key, chunk_json) VALUES ('k', '{\"weeks\": \"?\"}')")
    assert await cache.get("k") is None
