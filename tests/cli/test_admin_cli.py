"""`planforge org …` / `planforge token …` against a real SQLite file and a real Postgres: tokens, expiry,
revocation, features."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planforge.auth import Principal, SQLitePrincipalStore, hash_token
from planforge.cli import app
from planforge.settings import Settings
from planforge.stores.backend import open_principal_store
from planforge.stores.database import connect, database_path
from planforge.stores.postgres.testing import SKIP_REASON, postgres_test_url, temporary_schema

runner = CliRunner()


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "planforge-data"
    monkeypatch.setenv("PLANFORGE_DATA_DIR", str(directory))
    return directory


def _resolve(data_dir: Path, token: str) -> Principal | None:
    store = SQLitePrincipalStore.open(data_dir)
    try:
        return asyncio.run(store.resolve(token))
    finally:
        store.close()


def test_token_create_prints_only_a_token_that_resolves_to_the_principal(data_dir: Path) -> None:
    created = runner.invoke(app, ["org", "create", "org_abc123", "--feature", "coach_agent"])
    issued = runner.invoke(app, ["token", "create", "--org", "org_abc123", "--role", "head_coach"])

    assert created.exit_code == 0, created.output
    assert issued.exit_code == 0, issued.output
    token = issued.stdout.strip()
    assert issued.stdout == f"{token}\n"
    assert token.startswith("pf_")
    assert _resolve(data_dir, token) == Principal(org_id="org_abc123", role="head_coach", features={"coach_agent"})


def test_only_the_tokens_hash_is_stored(data_dir: Path) -> None:
    runner.invoke(app, ["org", "create", "org_abc123"])
    token = runner.invoke(app, ["token", "create", "--org", "org_abc123"]).stdout.strip()

    connection = connect(database_path(data_dir))
    rows = [tuple(row) for row in connection.execute("SELECT token_hash, org_id, role FROM auth_tokens")]
    connection.close()
    assert rows == [(hash_token(token), "org_abc123", "coach")]
    assert token.encode() not in database_path(data_dir).read_bytes()


def test_org_create_again_adds_features(data_dir: Path) -> None:
    runner.invoke(app, ["org", "create", "org_abc123"])
    token = runner.invoke(app, ["token", "create", "--org", "org_abc123"]).stdout.strip()
    before = _resolve(data_dir, token)
    again = runner.invoke(app, ["org", "create", "org_abc123", "--feature", "coach_agent"])

    assert again.exit_code == 0
    assert before.features == frozenset()
    assert _resolve(data_dir, token).features == frozenset({"coach_agent"})


@pytest.mark.parametrize(
    ("arguments", "exit_code", "message"),
    [
        pytest.param(
            ["token", "create", "--org", "org_nobody"], 1, "org 'org_nobody' does not exist", id="unknown-org"
        ),
        pytest.param(
            ["token", "create", "--org", "org_abc123", "--role", "owner"], 2, "--role must be one of", id="bad-role"
        ),
        pytest.param(["org", "create", "   "], 2, "ORG must be 1 to 128 characters", id="blank-org"),
    ],
)
def test_bad_input_is_one_line_on_stderr(data_dir: Path, arguments: list[str], exit_code: int, message: str) -> None:
    runner.invoke(app, ["org", "create", "org_abc123"])

    result = runner.invoke(app, arguments)

    assert result.exit_code == exit_code
    assert result.stdout == ""
    assert message in result.stderr
    assert "Traceback" not in result.output


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request: pytest.FixtureRequest, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The admin commands against SQLite (the data dir) or Postgres (PLANFORGE_DATABASE_URL)."""
    monkeypatch.delenv("PLANFORGE_DATABASE_URL", raising=False)
    if request.param == "sqlite":
        yield "sqlite"
        return
    url = postgres_test_url()
    if url is None:
        pytest.skip(SKIP_REASON)
    with temporary_schema(url) as scoped:
        monkeypatch.setenv("PLANFORGE_DATABASE_URL", scoped)
        yield "postgres"


def _resolve_configured(token: str) -> Principal | None:
    store = open_principal_store(Settings())

    async def resolve() -> Principal | None:
        try:
            return await store.resolve(token)
        finally:
            await store.aclose()

    return asyncio.run(resolve())


def test_token_list_shows_ids_and_status_and_revoke_stops_the_token(backend: str) -> None:
    runner.invoke(app, ["org", "create", "org_abc123", "--feature", "coach_agent"])
    kept = runner.invoke(app, ["token", "create", "--org", "org_abc123", "--label", "ci bot"]).stdout.strip()
    dropped = runner.invoke(app, ["token", "create", "--org", "org_abc123", "--expires-in", "30d"]).stdout.strip()
    dropped_id = hash_token(dropped)[:16]

    revoked = runner.invoke(app, ["token", "revoke", dropped_id])
    listed = runner.invoke(app, ["token", "list", "--org", "org_abc123"])

    assert revoked.exit_code == 0, revoked.output
    assert revoked.stdout == f"token {dropped_id} of org 'org_abc123' (coach) is revoked\n"
    assert listed.exit_code == 0
    rows = {line.split("│")[1].strip(): line for line in listed.stdout.splitlines() if line.startswith("│")}
    assert set(rows) == {hash_token(kept)[:16], dropped_id}
    assert "ci bot" in rows[hash_token(kept)[:16]]
    assert "active" in rows[hash_token(kept)[:16]]
    assert "revoked" in rows[dropped_id]
    assert kept not in listed.stdout
    assert _resolve_configured(dropped) is None
    assert _resolve_configured(kept) is not None


def test_a_token_with_an_expiry_works_until_then(backend: str) -> None:
    runner.invoke(app, ["org", "create", "org_abc123"])
    token = runner.invoke(app, ["token", "create", "--org", "org_abc123", "--expires-in", "12h"]).stdout.strip()

    listed = runner.invoke(app, ["token", "list"]).stdout

    assert _resolve_configured(token) is not None
    expected = (dt.datetime.now(dt.UTC) + dt.timedelta(hours=12)).strftime("%Y-%m-%d %H:")
    assert expected in listed


def test_org_feature_remove_takes_generation_away(backend: str) -> None:
    runner.invoke(app, ["org", "create", "org_abc123", "--feature", "coach_agent"])
    token = runner.invoke(app, ["token", "create", "--org", "org_abc123"]).stdout.strip()

    added = runner.invoke(app, ["org", "feature", "add", "org_abc123", "exports"])
    removed = runner.invoke(app, ["org", "feature", "remove", "org_abc123", "coach_agent"])

    assert added.stdout == "org 'org_abc123' features: coach_agent, exports\n"
    assert removed.stdout == "org 'org_abc123' features: exports\n"
    principal = _resolve_configured(token)
    assert principal is not None
    assert not principal.has_coach_agent


@pytest.mark.parametrize(
    ("arguments", "exit_code", "message"),
    [
        pytest.param(
            ["token", "create", "--org", "org_abc123", "--expires-in", "soon"],
            2,
            "--expires-in must be a",
            id="bad-expiry",
        ),
        pytest.param(
            ["token", "create", "--org", "org_abc123", "--expires-in", "0d"],
            2,
            "--expires-in must be a",
            id="zero-expiry",
        ),
        pytest.param(
            ["token", "create", "--org", "org_abc123", "--expires-in", "99999999999d"], 2, "too far", id="huge-expiry"
        ),
        pytest.param(
            ["token", "revoke", "0123456789abcdef"], 1, "no token has the id '0123456789abcdef'", id="unknown-id"
        ),
        pytest.param(["token", "revoke", "01"], 2, "token: '01' is neither a token id", id="short-id"),
        pytest.param(
            ["org", "feature", "remove", "org_nobody", "coach_agent"],
            1,
            "org 'org_nobody' does not exist",
            id="unknown-org",
        ),
    ],
)
def test_bad_admin_input_is_one_line_on_stderr(
    backend: str, arguments: list[str], exit_code: int, message: str
) -> None:
    runner.invoke(app, ["org", "create", "org_abc123"])

    result = runner.invoke(app, arguments)

    assert result.exit_code == exit_code, result.output
    assert result.stdout == ""
    assert message in result.stderr
    assert "Traceback" not in result.output
