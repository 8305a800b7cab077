"""The data commands (`principle`, `library`) use Postgres when PLANFORGE_DATABASE_URL names it, and read what the
service's stores wrote there."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planforge.cli import app
from planforge.settings import Settings
from planforge.stores.backend import open_stores
from planforge.stores.postgres.testing import SKIP_REASON, postgres_test_url, temporary_schema

runner = CliRunner()

WORKOUT = {
    "id": "easy-40",
    "workout_name": "Easy Run 40 min",
    "workout_description": "Conversational pace, zone 2.",
    "workout_type": "run",
    "workout_sub_type": "easy-run",
}


@pytest.fixture
def postgres_url(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    url = postgres_test_url()
    if url is None:
        pytest.skip(SKIP_REASON)
    with temporary_schema(url) as scoped:
        monkeypatch.setenv("PLANFORGE_DATABASE_URL", scoped)
        yield scoped


def test_principle_set_and_get_go_to_postgres(postgres_url: str) -> None:
    stored = runner.invoke(app, ["principle", "set", "acme", "Polarized 80/20."])
    read = runner.invoke(app, ["principle", "get", "acme"])

    assert stored.exit_code == 0, stored.output
    assert read.stdout.startswith("Polarized 80/20.")
    stores = open_stores(Settings())

    async def stored_principle() -> str | None:
        try:
            return await stores.training_principles.get("acme")
        finally:
            await stores.aclose()

    assert asyncio.run(stored_principle()) == "Polarized 80/20."


def test_library_import_and_list_go_to_postgres(postgres_url: str, tmp_path: Path) -> None:
    path = tmp_path / "library.json"
    path.write_text(json.dumps([WORKOUT]), encoding="utf-8")

    imported = runner.invoke(app, ["library", "import", "acme", str(path)])
    again = runner.invoke(app, ["library", "import", "acme", str(path)])
    listed = runner.invoke(app, ["library", "list", "acme", "--json"])

    assert imported.stdout == "imported 1 workout, 0 rows rejected\n"
    assert again.exit_code == 1
    assert "'easy-40' is already in the library of org 'acme'" in again.stderr
    assert [row["id"] for row in json.loads(listed.stdout)] == ["easy-40"]
    assert not Settings().data_dir.exists()  # nothing went to the SQLite file


def test_a_database_not_upgraded_is_one_clear_line(monkeypatch: pytest.MonkeyPatch) -> None:
    url = postgres_test_url()
    if url is None:
        pytest.skip(SKIP_REASON)
    with temporary_schema(url, upgraded=False) as scoped:
        monkeypatch.setenv("PLANFORGE_DATABASE_URL", scoped)
        result = runner.invoke(app, ["library", "list", "acme"])

    assert result.exit_code == 2
    assert "run `planforge db upgrade`" in result.stderr
    assert "Traceback" not in result.output
