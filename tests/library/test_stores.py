from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from planforge.exceptions import InvalidRequestError
from planforge.library import InMemoryWorkoutLibrary, MatchQuery, SQLiteWorkoutLibrary
from planforge.library.enforcement import LibrarySnapshot
from planforge.library.policy import LibraryPolicy

from .conftest import workout

Library = InMemoryWorkoutLibrary | SQLiteWorkoutLibrary


@pytest.fixture(params=["memory", "sqlite"])
def library(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Library]:
    if request.param == "memory":
        yield InMemoryWorkoutLibrary()
        return
    store = SQLiteWorkoutLibrary(tmp_path / "library.sqlite3")
    yield store
    store.close()


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
