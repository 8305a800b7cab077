"""`planforge export` on plan files as `planforge plan --json` writes them, through the real command line."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import pytest
from icalendar import Calendar
from typer.testing import CliRunner

from planforge import Plan
from planforge.cli import app
from planforge.export.dates import coming_monday
from tests.export.readers import decode_fit

runner = CliRunner()


@pytest.fixture
def plan_file(tmp_path: Path, offline_plans: dict[str, Plan]) -> Path:
    path = tmp_path / "plan.json"
    path.write_text(offline_plans["half-marathon"].model_dump_json(indent=2), encoding="utf-8")
    return path


def test_plan_json_from_the_plan_command_exports_in_every_format(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    common = ["--weeks", "3", "--level", "beginner", "--org", "club"]
    assert runner.invoke(app, ["draft", *common, "--prompt", "10K race", "--out", str(draft)]).exit_code == 0
    plan_json = tmp_path / "plan.json"
    planned = runner.invoke(
        app, ["plan", "--draft", str(draft), *common, "--start-date", "2026-05-04", "--out", str(plan_json)]
    )
    assert planned.exit_code == 0, planned.output
    for export_format in ["ics", "fit", "zwo", "icu", "csv"]:
        out = tmp_path / f"plan.{export_format}"
        result = runner.invoke(app, ["export", str(plan_json), "--format", export_format, "--out", str(out)])
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 0
    calendar = Calendar.from_ical((tmp_path / "plan.ics").read_bytes())
    assert len(list(calendar.walk("VEVENT"))) == len(json.loads(plan_json.read_text())["content"])


def test_default_name_in_an_output_directory(plan_file: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", str(plan_file), "-f", "fit", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "training-plan-2026-05-04-fit.zip").is_file()
    assert "Wrote" in result.stderr


def test_an_api_response_is_accepted_as_it_is(plan_file: Path, tmp_path: Path) -> None:
    envelope = tmp_path / "response.json"
    envelope.write_text(json.dumps({"status": "success", "data": json.loads(plan_file.read_text())}))
    out = tmp_path / "one.csv"
    assert runner.invoke(app, ["export", str(envelope), "-f", "csv", "-o", str(out)]).exit_code == 0


def test_skipped_workouts_are_reported(tmp_path: Path, offline_plans: dict[str, Plan]) -> None:
    path = tmp_path / "tri.json"
    path.write_text(offline_plans["triathlon"].model_dump_json())
    result = runner.invoke(app, ["export", str(path), "-f", "zwo", "-o", str(tmp_path / "tri.zip")])
    assert result.exit_code == 0, result.output
    assert "skipped week 1 Tuesday: Technique Swim" in result.stderr  # a swim with its sets (drills, repeats)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "is not a plan: not valid JSON"),
        (
            '{"content": [{"week": 1}], "weekly_info": {}}',
            "is not a plan (write one with `planforge plan --json`): content.0.phase: Field required",
        ),
        ('{"weeks": 4}', "content: Field required"),
        ('{"content": [], "weekly_info": {}}', "content: the plan has no workouts to export"),
    ],
)
def test_a_file_that_is_not_a_plan_is_named_with_its_problem(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content)
    result = runner.invoke(app, ["export", str(path), "--format", "csv", "--out", str(tmp_path / "x.csv")])
    assert result.exit_code == 2
    assert message in " ".join(result.stderr.split())
    assert not (tmp_path / "x.csv").exists()


def test_an_undated_plans_calendar_starts_on_the_coming_monday(tmp_path: Path, undated_plan: Plan) -> None:
    path = tmp_path / "undated.json"
    path.write_text(undated_plan.model_dump_json())
    out = tmp_path / "x.ics"
    result = runner.invoke(app, ["export", str(path), "--format", "ics", "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    starts = sorted(event.start for event in Calendar.from_ical(out.read_bytes()).walk("VEVENT"))
    monday = coming_monday(dt.datetime.now(dt.UTC).date())
    weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    placed = [(w.week - 1) * 7 + weekdays.index(w.day) for w in undated_plan.content]
    assert starts == sorted(monday + dt.timedelta(days=days) for days in placed)  # as the HTTP export places them


def test_unknown_format_and_missing_file(plan_file: Path, tmp_path: Path) -> None:
    bad_format = runner.invoke(app, ["export", str(plan_file), "--format", "pdf"])
    assert bad_format.exit_code == 2
    assert "--format: unknown export format 'pdf'" in bad_format.stderr
    missing = runner.invoke(app, ["export", str(tmp_path / "nope.json"), "--format", "csv"])
    assert missing.exit_code == 2
    assert "cannot read it" in missing.stderr


def test_fit_archive_from_the_cli_decodes(plan_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.zip"
    assert runner.invoke(app, ["export", str(plan_file), "-f", "fit", "-o", str(out)]).exit_code == 0
    with zipfile.ZipFile(io.BytesIO(out.read_bytes())) as archive:
        for name in archive.namelist():
            decode_fit(archive.read(name))
