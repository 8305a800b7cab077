from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planforge.cli.app import app
from planforge.settings import Settings
from planforge.stores.database import database_path

runner = CliRunner()

EASY = {
    "id": "easy-40",
    "workout_name": "Easy Run 40 min",
    "workout_description": "Conversational pace, zone 2.",
    "workout_type": "run",
    "workout_sub_type": "easy-run",
    "target_duration_in_seconds": 2400,
    "target_distance_in_meters": None,
    "content_blocks": [],
    "tags": ["base"],
}
TEMPO = EASY | {"id": "tempo-30", "workout_name": "Tempo Run 30 min", "workout_sub_type": "tempo-run", "tags": []}


def write_json(tmp_path: Path, rows: list[object]) -> Path:
    path = tmp_path / "library.json"
    path.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return path


def test_import_then_list_as_json_round_trips_the_fields(tmp_path: Path) -> None:
    imported = runner.invoke(app, ["library", "import", "acme", str(write_json(tmp_path, [EASY, TEMPO]))])
    assert (imported.exit_code, imported.stdout, imported.stderr) == (0, "imported 2 workouts, 0 rows rejected\n", "")
    assert database_path(Settings().data_dir).is_file()
    listed = runner.invoke(app, ["library", "list", "acme", "--json"])
    assert listed.exit_code == 0
    assert json.loads(listed.stdout) == [EASY, TEMPO]


def test_import_with_bad_rows_imports_the_rest_reports_lines_and_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "library.csv"
    path.write_text(
        "id,workout_name,workout_description,workout_type,workout_sub_type,tags\n"
        "a,Easy Run,Easy,run,easy-run,base;aerobic\n"
        "b,Tempo Ride,Hard,run,tempo-ride,\n"
        "a,Again,Easy,run,easy-run,\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["library", "import", "acme", str(path)])
    assert result.exit_code == 1
    assert result.stdout == "imported 1 workout, 2 rows rejected\n"
    assert result.stderr.splitlines()[0].startswith("line 3: workout_sub_type 'tempo-ride' does not belong")
    assert result.stderr.splitlines()[1] == "line 4: id: 'a' repeats the id of line 2"
    listed = json.loads(runner.invoke(app, ["library", "list", "acme", "--json"]).stdout)
    assert [(w["id"], w["tags"]) for w in listed] == [("a", ["base", "aerobic"])]


def test_reimport_rejects_existing_ids_and_keeps_the_library(tmp_path: Path) -> None:
    path = write_json(tmp_path, [EASY])
    assert runner.invoke(app, ["library", "import", "acme", str(path)]).exit_code == 0
    again = runner.invoke(app, ["library", "import", "acme", str(path)])
    assert again.exit_code == 1
    assert again.stderr == "line 2: id: 'easy-40' is already in the library of org 'acme'\n"
    assert len(json.loads(runner.invoke(app, ["library", "list", "acme", "--json"]).stdout)) == 1


def test_orgs_do_not_see_each_others_workouts(tmp_path: Path) -> None:
    runner.invoke(app, ["library", "import", "acme", str(write_json(tmp_path, [EASY]))])
    listed = runner.invoke(app, ["library", "list", "globex", "--json"])
    assert (listed.exit_code, json.loads(listed.stdout)) == (0, [])
    assert runner.invoke(app, ["library", "list", "globex"]).stdout == "no workouts in the library of org 'globex'\n"


def test_list_prints_a_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # rich wraps at the terminal width
    runner.invoke(app, ["library", "import", "acme", str(write_json(tmp_path, [EASY]))])
    result = runner.invoke(app, ["library", "list", "acme"])
    assert result.exit_code == 0
    assert "easy-40" in result.stdout
    assert "Easy Run 40 min" in result.stdout
    assert "40:00" in result.stdout


@pytest.mark.parametrize(
    ("file_text", "message"),
    [
        (None, "cannot read the file: No such file or directory"),
        ('{"id": "x"}', "a JSON library file must hold a list of workouts"),
        ("[{]", "line 1: not valid JSON"),
    ],
)
def test_unusable_file_is_one_line_on_stderr_exit_2_nothing_imported(
    tmp_path: Path, file_text: str | None, message: str
) -> None:
    path = tmp_path / "library.json"
    if file_text is not None:
        path.write_text(file_text, encoding="utf-8")
    result = runner.invoke(app, ["library", "import", "acme", str(path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {path}: {message}")
    assert len(result.stderr.splitlines()) == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert json.loads(runner.invoke(app, ["library", "list", "acme", "--json"]).stdout) == []


def test_blank_org_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["library", "import", " ", str(write_json(tmp_path, [EASY]))])
    assert (result.exit_code, result.stderr) == (2, "error: org_id: must not be blank\n")


def test_import_help_documents_the_exit_codes() -> None:
    result = runner.invoke(app, ["library", "import", "--help"])
    assert result.exit_code == 0
    assert "1 some rows rejected" in " ".join(result.stdout.split())
