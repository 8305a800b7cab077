"""The plan as CSV, read back with the csv module: one row per workout, every block back from its JSON column."""

from __future__ import annotations

import csv
import io
import json

from planforge import Plan
from planforge.domain.plan import ContentBlock
from planforge.export import to_csv
from planforge.export.plan_csv import COLUMNS


def rows(content: bytes) -> list[dict[str, str]]:
    assert content.startswith(b"\xef\xbb\xbf"), "spreadsheets need the UTF-8 byte-order mark"
    assert b"\r\n" in content
    assert b"\n" not in content.replace(b"\r\n", b"")
    reader = csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline=""))
    assert tuple(reader.fieldnames or ()) == COLUMNS
    return list(reader)


def test_one_row_per_workout_with_its_blocks(offline_plans: dict[str, Plan], edge_plan: Plan) -> None:
    for plan in [*offline_plans.values(), edge_plan]:
        read = rows(to_csv(plan))
        assert len(read) == len(plan.content)
        for row, workout in zip(read, plan.content, strict=True):
            blocks = [ContentBlock.model_validate(b) for b in json.loads(row["content_blocks"])]
            assert blocks == workout.content_blocks
            assert (int(row["week"]), row["day"], row["date"]) == (workout.week, workout.day, str(workout.date))
            assert (row["workout_type"], row["workout_sub_type"]) == (workout.workout_type, workout.workout_sub_type)
            assert row["workout_name"] == workout.workout_name
            assert row["workout_description"] == workout.workout_description
            duration, distance = row["target_duration_in_seconds"], row["target_distance_in_meters"]
            assert (int(duration) if duration else None) == workout.target_duration_in_seconds
            assert (float(distance) if distance else None) == workout.target_distance_in_meters
            assert row["week_focus"] == plan.weekly_info[str(workout.week)].focus


def test_steps_column_reads_like_the_workout(edge_plan: Plan) -> None:
    track = rows(to_csv(edge_plan))[1]
    assert (
        track["steps"] == "Warm-up 2km Z2 Pace; 6x (Run 800mtr Z5 Pace, Recovery 400mtr Z1 Pace); Cool-down 2km Z1 Pace"
    )


def test_undated_plans_have_empty_dates(undated_plan: Plan) -> None:
    assert {row["date"] for row in rows(to_csv(undated_plan))} == {""}
