from __future__ import annotations

import json
from pathlib import Path

import pytest

from planforge.exceptions import InvalidRequestError
from planforge.library import InMemoryWorkoutLibrary
from planforge.library.importing import import_workouts, read_library_file

from .conftest import workout

CSV_HEADER = (
    "id,workout_name,workout_description,workout_type,workout_sub_type,target_duration_in_seconds,content_blocks,tags"
)
BLOCKS = '"[{""type"": ""run"", ""block_length_target"": ""duration"", ""block_duration_in_seconds"": 1800}]"'


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_csv_rows_are_parsed_with_blocks_and_tags(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "lib.csv",
        f'{CSV_HEADER}\nt1,Tempo Run 30 min,Steady tempo,run,tempo-run,1800,{BLOCKS},"base; marathon,"\n',
    )
    parsed = read_library_file(path)
    assert parsed.rejected == []
    [row] = parsed.rows
    assert row.line == 2
    assert row.workout.target_duration_in_seconds == 1800
    assert row.workout.content_blocks[0].block_duration_in_seconds == 1800
    assert row.workout.tags == ["base", "marathon"]


def test_csv_bad_rows_are_reported_by_line_with_field_and_problem(tmp_path: Path) -> None:
    text = "\n".join(
        [
            CSV_HEADER,
            'ok,Easy Run,"two\nline description",run,easy-run,,,',
            "bad-type,Easy Run,x,runn,easy-run,,,",
            "bad-blocks,Easy Run,x,run,easy-run,,[not json,",
            "ok,Easy Run again,x,run,easy-run,,,",
            "short,row",
            "bad-duration,Easy Run,x,run,easy-run,-5,,",
        ]
    )
    parsed = read_library_file(write(tmp_path, "lib.csv", text))
    assert [row.workout.id for row in parsed.rows] == ["ok"]
    assert [str(row) for row in parsed.rejected] == [
        "line 4: workout_type: 'runn' is no workout type planforge knows; the closest accepted value is 'run'"
        " (accepted: run, bike, swim, strength, walk, hike, cross-training)",
        "line 5: content_blocks: not valid JSON: Expecting value",
        "line 6: id: 'ok' repeats the id of line 2",
        "line 7: expected 8 cells like the header, got 2",
        "line 8: target_duration_in_seconds: Input should be greater than 0",
    ]


def test_json_rows_are_reported_by_the_line_they_start_on(tmp_path: Path) -> None:
    good = workout("a", "Easy Run").model_dump(mode="json")
    text = (
        "[\n"
        + json.dumps(good, indent=2)
        + ",\n"
        + json.dumps(good | {"id": "b", "workout_sub_type": "hike"})
        + ",\n 7\n]"
    )
    parsed = read_library_file(write(tmp_path, "lib.json", text))
    assert [row.workout.id for row in parsed.rows] == ["a"]
    good_lines = len(json.dumps(good, indent=2).splitlines())
    assert [(row.line, row.problems[0][1][:40]) for row in parsed.rejected] == [
        (2 + good_lines, "workout_sub_type 'hike' does not belong "),
        (3 + good_lines, "expected an object, got int"),
    ]


@pytest.mark.parametrize(
    ("name", "text", "problem"),
    [
        ("lib.json", '{"id": "a"}', "must hold a list of workouts"),
        ("lib.json", '[{"id": "a"},\n {"id": }]', "line 2: not valid JSON"),
        ("lib.json", "[] trailing", "unexpected text after the JSON list"),
        ("lib.csv", "", "the CSV file is empty"),
        ("lib.csv", "id,workout_name,colour", "unknown CSV column 'colour'"),
        ("lib.csv", "id,workout_name", "lacks the column 'workout_description'"),
    ],
)
def test_unusable_files_raise_naming_the_file(tmp_path: Path, name: str, text: str, problem: str) -> None:
    path = write(tmp_path, name, text)
    with pytest.raises(InvalidRequestError, match=problem) as raised:
        read_library_file(path)
    assert raised.value.field == str(path)


def test_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(InvalidRequestError, match="cannot read the file"):
        read_library_file(tmp_path / "absent.json")


@pytest.mark.anyio
async def test_import_rejects_ids_already_in_the_library_and_adds_the_rest(tmp_path: Path) -> None:
    library = InMemoryWorkoutLibrary({"acme": [workout("a", "Easy Run")]})
    rows = [workout(workout_id, "Tempo Run").model_dump(mode="json") for workout_id in ("a", "b")]
    parsed = read_library_file(write(tmp_path, "lib.json", json.dumps(rows)))
    report = await import_workouts(library, "acme", parsed)
    assert [w.id for w in report.imported] == ["b"]
    assert [str(row) for row in report.rejected] == ["line 1: id: 'a' is already in the library of org 'acme'"]
    assert report.summary() == "imported 1 workout, 1 row rejected"
    assert [w.workout_name for w in await library.list("acme")] == ["Easy Run", "Tempo Run"]


@pytest.mark.parametrize(
    ("written_type", "written_sub_type", "workout_type", "workout_sub_type", "tags"),
    [
        ("run", "strength", "run", "strength", None),  # a vocabulary sub-type stays: the model says it does not fit
        ("strength", "strength", "strength", "strength-training", ["strength"]),
        ("Strength", "Strength", "strength", "strength-training", ["Strength"]),
        ("Weight Training", "Core", "strength", "core", ["Weight Training"]),  # "Core" is "core" written large
        ("Running", "Easy", "run", "easy-run", ["Running", "Easy"]),
        ("run", "Long", "run", "long-run", ["Long"]),
        ("run", "Intervals", "run", "interval-run", ["Intervals"]),
        ("Ride", "Intervals", "bike", "interval-ride", ["Ride", "Intervals"]),
        ("Cycling", "Sweet Spot", "bike", "tempo-ride", ["Cycling", "Sweet Spot"]),
        ("ride", "Endurance", "bike", "endurance-ride", ["ride", "Endurance"]),
        ("run", "Tempo", "run", "tempo-run", ["Tempo"]),
        ("swim", "Swim Drills", "swim", "technique-swim", ["Swim Drills"]),
        ("Swimming", "Open Water", "swim", "open-water-swim", ["Swimming", "Open Water"]),
        ("run", "Long Run", "run", "long-run", ["Long Run"]),
        ("run", "hill_repeats", "run", "hill-repeats", ["hill_repeats"]),
        ("Yoga", "Yoga", "strength", "mobility", ["Yoga"]),
        ("Elliptical", "Easy", "cross-training", "cross-training", ["Elliptical", "Easy"]),
    ],
)
def test_other_platforms_names_map_to_the_vocabulary_and_stay_as_tags(
    tmp_path: Path,
    written_type: str,
    written_sub_type: str,
    workout_type: str,
    workout_sub_type: str,
    tags: list[str] | None,
) -> None:
    row = {"id": "w1", "workout_name": "Session", "workout_description": "What to do", "tags": ["base"]}
    row |= {"workout_type": written_type, "workout_sub_type": written_sub_type}
    parsed = read_library_file(write(tmp_path, "lib.json", json.dumps([row])))
    if tags is None:
        [rejected] = parsed.rejected
        assert rejected.problems[0][0] == "workout_sub_type"
        return
    [imported] = parsed.rows
    assert (imported.workout.workout_type, imported.workout.workout_sub_type) == (workout_type, workout_sub_type)
    assert imported.workout.tags == ["base", *tags]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            "k1,Paddle,x,kayak,easy,,,",
            "line 2: workout_type: 'kayak' is no workout type planforge knows; the closest accepted value is 'walk'"
            " (accepted: run, bike, swim, strength, walk, hike, cross-training)",
        ),
        (
            "s1,Gym,x,strength,stregth,,,",
            "line 2: workout_sub_type: 'stregth' is no strength sub-type planforge knows; the closest accepted value"
            " is 'strength-training' (accepted: strength-training, core, mobility)",
        ),
        (
            "r1,Run,x,Running,tempo-rn,,,",
            "line 2: workout_sub_type: 'tempo-rn' is no run sub-type planforge knows; the closest accepted value is"
            " 'tempo-run' (accepted: easy-run, recovery-run, long-run, tempo-run, interval-run, hill-repeats,"
            " fartlek, progression-run, race-pace-run, trail-run, race)",
        ),
    ],
)
def test_an_unknown_name_is_reported_by_line_with_the_closest_accepted_value(
    tmp_path: Path, row: str, message: str
) -> None:
    parsed = read_library_file(write(tmp_path, "lib.csv", f"{CSV_HEADER}\n{row}\n"))
    assert (parsed.rows, [str(rejected) for rejected in parsed.rejected]) == ([], [message])
