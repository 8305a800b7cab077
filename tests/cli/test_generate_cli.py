"""`planforge demo|draft|plan|principle` on the offline coach, through the real command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planforge.cli import app
from planforge.drafttext.segment import segment_draft

runner = CliRunner()


def test_demo_prints_the_draft_and_a_12_week_table() -> None:
    result = runner.invoke(app, ["demo"])
    assert result.exit_code == 0, result.output
    draft_part, _, table_part = result.stdout.partition("Step 2: the structured plan")
    assert [week.week for week in segment_draft(draft_part).weeks] == list(range(1, 13))
    assert "Half Marathon" in draft_part
    assert "48 workouts over 12 weeks." in table_part


def test_draft_then_plan_round_trip_through_files(tmp_path: Path) -> None:
    draft_file = tmp_path / "draft.txt"
    common = ["--weeks", "6", "--level", "beginner", "--org", "club"]
    drafted = runner.invoke(app, ["draft", *common, "--prompt", "10K race, 3 days per week", "--out", str(draft_file)])
    assert drafted.exit_code == 0, drafted.output
    assert "Using the offline coach" in drafted.stderr

    planned = runner.invoke(app, ["plan", "--draft", str(draft_file), *common, "--start-date", "2026-05-04", "--json"])
    assert planned.exit_code == 0, planned.output
    data = json.loads(planned.stdout)
    assert list(data["weekly_info"]) == ["1", "2", "3", "4", "5", "6"]
    weeks = [workout["week"] for workout in data["content"]]
    assert weeks == sorted(weeks)
    assert all(workout["date"] >= "2026-05-04" for workout in data["content"])
    assert {weeks.count(n) for n in range(1, 7)} == {3}


def test_plan_reads_the_draft_from_stdin() -> None:
    text = "Week 1\n- Monday: Rest\n- Tuesday: Easy run 30 min\n- Saturday: Long run 8 km\n"
    result = runner.invoke(
        app, ["plan", "--draft", "-", "--weeks", "1", "--level", "beginner", "--org", "o", "--json"], input=text
    )
    assert result.exit_code == 0, result.output
    content = json.loads(result.stdout)["content"]
    assert [(w["day"], w["workout_sub_type"]) for w in content] == [("Tuesday", "easy-run"), ("Saturday", "long-run")]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["draft", "--weeks", "60", "--level", "beginner", "--org", "o"],
            "weeks: Input should be less than or equal to 52",
        ),
        (["draft", "--weeks", "4", "--level", "pro", "--org", "o"], "level: Input should be"),
        (
            ["draft", "--weeks", "4", "--level", "beginner", "--org", " "],
            "org_id: String should have at least 1 character",
        ),
        (
            ["draft", "--weeks", "4", "--level", "beginner", "--org", "o", "--start-date", "5/5/26"],
            "start_date: Value error",
        ),
        (["draft", "--weeks", "4", "--level", "beginner", "--org", "o", "--preference", "x"], "workout_preference"),
        (
            ["plan", "--draft", "/nonexistent/draft.txt", "--weeks", "4", "--level", "beginner", "--org", "o"],
            "--draft: cannot read",
        ),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_plan_with_a_draft_of_the_wrong_length_exits_2(tmp_path: Path) -> None:
    draft_file = tmp_path / "draft.txt"
    draft_file.write_text("Week 1\n- Tuesday: Easy run 30 min\n\nWeek 2\n- Tuesday: Easy run 30 min\n")
    result = runner.invoke(
        app, ["plan", "--draft", str(draft_file), "--weeks", "3", "--level", "beginner", "--org", "o"]
    )
    assert result.exit_code == 2
    assert "the draft has 2 week(s) but weeks is 3" in result.stderr


def test_principle_set_then_get_persists() -> None:
    assert runner.invoke(app, ["principle", "get", "club"]).stdout.count("built-in default") == 1
    stored = runner.invoke(app, ["principle", "set", "club", "Polarized 80/20, step-back every third week."])
    assert stored.exit_code == 0
    got = runner.invoke(app, ["principle", "get", "club"])
    assert got.stdout.strip() == "Polarized 80/20, step-back every third week."


def test_stored_principle_shapes_the_draft() -> None:
    runner.invoke(app, ["principle", "set", "club", "Polarized, 3:1 loading."])
    result = runner.invoke(app, ["draft", "--weeks", "2", "--level", "beginner", "--org", "club", "--json"])
    assert json.loads(result.stdout)["training_principle"] == "Polarized, 3:1 loading."


def test_strict_existing_plan_from_the_command_line_uses_only_the_imported_library(tmp_path: Path) -> None:
    library = [
        {
            "id": f"easy-{minutes}",
            "workout_name": f"Easy Run {minutes} min",
            "workout_description": "Conversational pace.",
            "workout_type": "run",
            "workout_sub_type": "easy-run",
            "target_duration_in_seconds": minutes * 60,
        }
        for minutes in (30, 40)
    ]
    library_file = tmp_path / "library.json"
    library_file.write_text(json.dumps(library), encoding="utf-8")
    assert runner.invoke(app, ["library", "import", "club", str(library_file)]).exit_code == 0
    draft = "Week 1\n- Tuesday: Easy run 30 min\n- Thursday: Easy run 40 min\n- Saturday: Swim 1500 m\n"
    args = ["plan", "--draft", "-", "--weeks", "1", "--level", "beginner", "--org", "club"]
    result = runner.invoke(app, [*args, "--preference", "strict_existing", "--json"], input=draft)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [(w["day"], w["library_workout_id"]) for w in data["content"]] == [
        ("Tuesday", "easy-30"),
        ("Thursday", "easy-40"),
    ]
    assert [(w["code"], w["day"]) for w in data["warnings"]] == [("library_gap", "Saturday")]
    # the coach sees the gap on stderr too, one line per warning
    assert "warning week 1 Saturday: no library workout fits 'Endurance Swim 1.5 km'" in result.stderr

    other_org = runner.invoke(app, [*args[:-1], "rivals", "--preference", "strict_existing"], input=draft)
    assert other_org.exit_code == 2
    assert "org 'rivals' has no workouts in its library" in other_org.stderr
