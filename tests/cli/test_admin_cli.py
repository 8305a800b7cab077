"""`planforge org create` / `planforge token create` against a real SQLite file, and the token it prints."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planforge.auth import Principal, SQLitePrincipalStore, hash_token
from planforge.cli import app
from planforge.stores.database import connect, database_path

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
