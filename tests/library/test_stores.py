"""The workout-library contract for every built-in store (memory, SQLite, Postgres), and concurrent imports."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from planforge.exceptions import InvalidRequestError
from planforge.library import InMemoryWorkoutLibrary, MatchQuery, SQLiteWorkoutLibrary
from planforge.library.enforcement import LibrarySnapshot
from planforge.library.importing import ParsedFile, ParsedRow, import_workouts
from planforge.library.policy import LibraryPolicy
from planforge.stores.postgres import PostgresDatabase, PostgresWorkoutLibrary
from planforge.stores.postgres.testing import SKIP_REASON, postgres_test_url, temporary_schema

from .conftest import workout

Library = InMemoryWorkoutLibrary | SQLiteWorkoutLibrary | PostgresWorkoutLibrary


@pytest.fixture
def postgres_url() -> Iterator[str]:
    url = postgres_test_url()
    if url is None:
        pytest.skip(SKIP_REASON)
    with temporary_schema(url) as scoped:
        yield scoped


@pytest.fixture(params=["memory", "sqlite", "postgres"])
async def library(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Library]:
    if request.param == "memory":
        yield InMemoryWorkoutLibrary()
        return
    if request.param == "sqlite":
        store = SQLiteWorkoutLibrary(tmp_path / "library.sqlite3")
        yield store
        store.close()
        return
    database = PostgresDatabase(request.getfixturevalue("postgres_url"))
    yield PostgresWorkoutLibrary(database)
    await database.aclose()


@pytest.mark.anyio
async def test_add_and_list_in_insertion_order(library: Library) -> None:
    added = [workout("b", "Tempo Run", workout_sub_type="tempo-run"), workout("a", "Easy Run", tags=["base"])]
    await library.add_many("acme", added)
    assert await library.list("acme") == added


@pytest.mark.anyio
async def test_another_orgs_library_is_never_visible(library: Library) -> None:
    await library.add_many("acme", [workout("shared-id", "Easy Run 40 min")])
    await library.add_many("globex", [workout("shared-id", "Hill Repeats", workout_sub_type="hill-repeats")])
    assert await library.list("globex") == [workout("shared-id", "Hill Repeats", workout_sub_type="hill-repeats")]
    assert await library.list("initech") == []


@pytest.mark.anyio
async def test_add_many_is_all_or_nothing(library: Library) -> None:
    await library.add_many("acme", [workout("a", "Easy Run")])
    version = await library.version("acme")
    with pytest.raises(InvalidRequestError, match="'a' is already in the library of org 'acme'") as raised:
        await library.add_many("acme", [workout("b", "Tempo Run"), workout("a", "Other")])
    assert raised.value.field == "id"
    with pytest.raises(InvalidRequestError, match="'c' appears more than once"):
        await library.add_many("acme", [workout("c", "One"), workout("c", "Two")])
    assert [w.id for w in await library.list("acme")] == ["a"]
    assert await library.version("acme") == version


@pytest.mark.anyio
async def test_version_changes_with_the_orgs_library_only(library: Library) -> None:
    before_acme, before_globex = await library.version("acme"), await library.version("globex")
    await library.add_many("acme", [workout("a", "Easy Run")])
    after_acme = await library.version("acme")
    assert after_acme != before_acme
    assert await library.version("globex") == before_globex
    await library.add_many("acme", [])
    assert await library.version("acme") == after_acme


@pytest.mark.anyio
async def test_a_generation_sees_workouts_added_after_an_earlier_one(library: Library) -> None:
    query = MatchQuery("Tempo Run 30 min", "run", "tempo-run", 1800)
    snapshots: dict[str, LibrarySnapshot] = {}

    async def best_match() -> str:
        policy = await LibraryPolicy.load("prefer_existing", "acme", library, snapshots, threshold=70)
        assert policy.snapshot is not None
        return policy.snapshot.search(query, limit=1)[0].workout.id

    await library.add_many("acme", [workout("easy", "Easy Run 30 min")])
    assert await best_match() == "easy"
    unchanged = snapshots["acme"]
    assert await best_match() == "easy"
    assert snapshots["acme"] is unchanged  # the index is rebuilt only when the library changed
    await library.add_many("acme", [workout("tempo", "Tempo Run 30 min", workout_sub_type="tempo-run")])
    assert await best_match() == "tempo"


@pytest.mark.anyio
async def test_blank_org_is_rejected(library: Library) -> None:
    with pytest.raises(InvalidRequestError, match="org_id: must not be blank"):
        await library.add_many(" ", [workout("a", "Easy Run")])


@pytest.mark.anyio
async def test_sqlite_library_persists_across_store_instances(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    first = SQLiteWorkoutLibrary(path)
    await first.add_many(
        "acme",
        [
            workout(
                "a",
                "Easy Run",
                content_blocks=[{"type": "run", "block_length_target": "duration", "block_duration_in_seconds": 600}],
            )
        ],
    )
    first.close()
    second = SQLiteWorkoutLibrary(path)
    try:
        stored = await second.list("acme")
        assert [w.id for w in stored] == ["a"]
        assert stored[0].content_blocks[0].block_duration_in_seconds == 600
        assert await second.version("acme") == "1"
    finally:
        second.close()


@pytest.mark.anyio
async def test_in_memory_library_can_start_with_workouts() -> None:
    store = InMemoryWorkoutLibrary({"acme": [workout("a", "Easy Run")]})
    assert [w.id for w in await store.list("acme")] == ["a"]
    assert await store.version("acme") == "1"


def _parsed(*ids: str) -> ParsedFile:
    return ParsedFile([ParsedRow(line, workout(id_, f"Run {id_}")) for line, id_ in enumerate(ids, start=2)], [])


@pytest.fixture(params=["sqlite", "postgres"])
async def two_libraries(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[tuple[Library, Library]]:
    """Two stores on one database, as two processes or replicas have."""
    if request.param == "sqlite":
        first, second = (
            SQLiteWorkoutLibrary(tmp_path / "shared.sqlite3"),
            SQLiteWorkoutLibrary(tmp_path / "shared.sqlite3"),
        )
        yield first, second
        first.close()
        second.close()
        return
    url = request.getfixturevalue("postgres_url")
    databases = PostgresDatabase(url), PostgresDatabase(url)
    yield PostgresWorkoutLibrary(databases[0]), PostgresWorkoutLibrary(databases[1])
    for database in databases:
        await database.aclose()


@pytest.mark.anyio
async def test_two_imports_of_one_org_at_once_end_in_one_consistent_library(
    two_libraries: tuple[Library, Library],
) -> None:
    first, second = two_libraries
    overlapping = [f"w{n:02d}" for n in range(30)]

    reports = await asyncio.gather(
        *(import_workouts(library, "acme", _parsed(*overlapping)) for library in (first, second) for _ in range(3))
    )

    stored = [w.id for w in await first.list("acme")]
    assert sorted(stored) == overlapping  # every id once
    assert sum(len(report.imported) for report in reports) == len(overlapping)
    assert all(len(report.imported) in (0, len(overlapping)) for report in reports)  # all or nothing
    assert await first.version("acme") == await second.version("acme") == "1"
    assert await second.list("acme") == await first.list("acme")


@pytest.mark.anyio
async def test_concurrent_imports_of_different_ids_all_land(two_libraries: tuple[Library, Library]) -> None:
    first, second = two_libraries
    batches = [[f"b{batch}-{n}" for n in range(5)] for batch in range(6)]

    await asyncio.gather(
        *(import_workouts((first, second)[index % 2], "acme", _parsed(*ids)) for index, ids in enumerate(batches))
    )

    assert sorted(w.id for w in await second.list("acme")) == sorted(id_ for ids in batches for id_ in ids)
    assert await first.version("acme") == str(len(batches))
