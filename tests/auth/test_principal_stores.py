"""The principal-store contract (tokens, expiry, revocation, features), for memory, SQLite and Postgres alike."""

from __future__ import annotations

import asyncio
import datetime as dt
import sqlite3
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from planforge.auth import InMemoryPrincipalStore, Principal, SQLitePrincipalStore, hash_token
from planforge.auth.postgres import PostgresPrincipalStore
from planforge.auth.store import PrincipalAdmin
from planforge.auth.tokens import token_id
from planforge.exceptions import InvalidRequestError, NotFoundError, UnknownOrgError
from planforge.stores.database import connect, database_path
from planforge.stores.postgres import PostgresDatabase
from planforge.stores.postgres.testing import SKIP_REASON, postgres_test_url, temporary_schema

pytestmark = pytest.mark.anyio


@pytest.fixture
def postgres_url() -> Iterator[str]:
    url = postgres_test_url()
    if url is None:
        pytest.skip(SKIP_REASON)
    with temporary_schema(url) as scoped:
        yield scoped


@pytest.fixture(params=["memory", "sqlite", "postgres"])
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[PrincipalAdmin]:
    made: PrincipalAdmin
    if request.param == "memory":
        made = InMemoryPrincipalStore()
    elif request.param == "sqlite":
        made = SQLitePrincipalStore.open(tmp_path)
    else:
        made = PostgresPrincipalStore(PostgresDatabase(request.getfixturevalue("postgres_url")))
    made.create_org("acme", ["coach_agent"])
    yield made
    await made.aclose()


async def test_a_token_resolves_to_its_org_role_and_features(store: PrincipalAdmin) -> None:
    token = store.create_token("acme", "head_coach")

    assert await store.resolve(token) == Principal(
        org_id="acme", role="head_coach", features=frozenset({"coach_agent"})
    )
    assert await store.resolve(token + "x") is None
    assert await store.resolve("") is None


async def test_a_token_for_an_unknown_org_is_refused(store: PrincipalAdmin) -> None:
    with pytest.raises(UnknownOrgError, match="org 'globex' does not exist"):
        store.create_token("globex", "coach")
    assert store.list_tokens() == []


async def test_an_expired_token_stops_resolving_and_is_listed_as_expired(store: PrincipalAdmin) -> None:
    now = dt.datetime.now(dt.UTC)
    expired = store.create_token("acme", "coach", expires_at=now - dt.timedelta(seconds=1))
    valid = store.create_token("acme", "coach", expires_at=now + dt.timedelta(days=1))

    assert await store.resolve(expired) is None
    assert await store.resolve(valid) is not None
    statuses = {info.token_id: info.status(dt.datetime.now(dt.UTC)) for info in store.list_tokens("acme")}
    assert statuses == {token_id(hash_token(expired)): "expired", token_id(hash_token(valid)): "active"}


async def test_revoking_by_id_or_by_token_stops_only_that_token(store: PrincipalAdmin) -> None:
    first, second, third = (store.create_token("acme", "coach") for _ in range(3))

    revoked = store.revoke_token(token_id(hash_token(first)))
    store.revoke_token(second)  # the token itself works as a reference too

    assert revoked.revoked_at is not None
    assert revoked.status(dt.datetime.now(dt.UTC)) == "revoked"
    assert await store.resolve(first) is None
    assert await store.resolve(second) is None
    assert await store.resolve(third) is not None
    assert store.revoke_token(first).revoked_at == revoked.revoked_at  # again: no change


async def test_revoking_an_unknown_or_malformed_id_is_a_clear_error(store: PrincipalAdmin) -> None:
    store.create_token("acme", "coach")

    with pytest.raises(NotFoundError, match="no token has the id '0000000000000000'"):
        store.revoke_token("0000000000000000")
    with pytest.raises(InvalidRequestError, match="token: 'ab' is neither a token id"):
        store.revoke_token("ab")  # a prefix never names several tokens
    assert all(info.revoked_at is None for info in store.list_tokens())


async def test_list_shows_every_orgs_tokens_oldest_first_without_the_tokens(store: PrincipalAdmin) -> None:
    store.create_org("globex")
    first = store.create_token("acme", "coach", label="ci bot")
    second = store.create_token("globex", "athlete")

    listed = store.list_tokens()

    assert [(info.token_id, info.org_id, info.role, info.label) for info in listed] == [
        (token_id(hash_token(first)), "acme", "coach", "ci bot"),
        (token_id(hash_token(second)), "globex", "athlete", None),
    ]
    assert [info.org_id for info in store.list_tokens("globex")] == ["globex"]
    assert first not in repr(listed)


async def test_removing_a_feature_takes_effect_on_the_next_resolve(store: PrincipalAdmin) -> None:
    token = store.create_token("acme", "coach")
    store.create_org("acme", ["exports"])

    store.remove_features("acme", ["coach_agent", "never_had"])

    principal = await store.resolve(token)
    assert principal is not None
    assert principal.features == frozenset({"exports"})
    assert not principal.has_coach_agent
    assert store.org_features("acme") == frozenset({"exports"})
    with pytest.raises(UnknownOrgError):
        store.remove_features("globex", ["coach_agent"])


async def test_a_sqlite_file_of_the_first_release_gets_the_new_token_columns(tmp_path: Path) -> None:
    path = database_path(tmp_path)
    old = sqlite3.connect(path)
    old.executescript(
        "CREATE TABLE auth_orgs (org_id TEXT PRIMARY KEY, created_at TEXT NOT NULL);"
        "CREATE TABLE auth_org_features (org_id TEXT NOT NULL, feature TEXT NOT NULL, PRIMARY KEY (org_id, feature));"
        "CREATE TABLE auth_tokens (token_hash TEXT PRIMARY KEY, org_id TEXT NOT NULL, role TEXT NOT NULL,"
        " created_at TEXT NOT NULL);"
        "INSERT INTO auth_orgs VALUES ('acme', '2026-01-01T00:00:00+00:00');"
        f"INSERT INTO auth_tokens VALUES ('{hash_token('pf_old')}', 'acme', 'coach', '2026-01-01T00:00:00+00:00');"
    )
    old.commit()
    old.close()

    store = SQLitePrincipalStore.open(tmp_path)
    try:
        assert await store.resolve("pf_old") == Principal(org_id="acme", role="coach")
        store.revoke_token("pf_old")
        assert await store.resolve("pf_old") is None
    finally:
        store.close()


def test_the_sqlite_file_and_its_journal_are_private_to_their_owner(tmp_path: Path) -> None:
    store = SQLitePrincipalStore.open(tmp_path / "data")
    store.create_org("acme")
    files = sorted((tmp_path / "data").iterdir())
    modes = {path.name: path.stat().st_mode & 0o777 for path in files}
    store.close()

    assert modes["planforge.sqlite3"] == 0o600
    assert all(mode == 0o600 for mode in modes.values()), modes
    assert (tmp_path / "data").stat().st_mode & 0o777 == 0o700


def test_a_world_readable_sqlite_file_is_tightened_on_open(tmp_path: Path) -> None:
    path = database_path(tmp_path)
    path.touch(mode=0o644)
    path.chmod(0o644)

    connect(path).close()

    assert path.stat().st_mode & 0o777 == 0o600


async def test_tokens_created_by_one_postgres_store_resolve_in_another(postgres_url: str) -> None:
    admin = PostgresPrincipalStore(PostgresDatabase(postgres_url))
    replica = PostgresPrincipalStore(PostgresDatabase(postgres_url))
    admin.create_org("acme", ["coach_agent"])
    token = admin.create_token("acme", "coach")
    try:
        resolved = await asyncio.gather(*(replica.resolve(token) for _ in range(5)))
        assert resolved == [Principal(org_id="acme", role="coach", features=frozenset({"coach_agent"}))] * 5
        admin.revoke_token(token)
        assert await replica.resolve(token) is None
    finally:
        await admin.aclose()
        await replica.aclose()
