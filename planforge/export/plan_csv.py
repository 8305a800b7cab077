"""The plan as CSV: one row per workout, for spreadsheets and for re-import.

Columns keep the plan's own field names. `steps` is the structure in one readable line; `content_blocks` is the
same structure as JSON, so a program reading the CSV gets every block back exactly. The file is UTF-8 with a
byte-order mark (spreadsheets need it to read non-ASCII names) and CRLF line ends (RFC 4180).
"""

from __future__ import annotations

import csv
import io
import json
from typing import Final

from planforge.domain.plan import Plan, PlanWorkout
from planforge.export.icu_text import steps_summary

COLUMNS: Final[tuple[str, ...]] = (
    "week",
    "phase",
    "week_focus",
    "date",
    "day",
    "workout_type",
    "workout_sub_type",
    "workout_name",
    "target_duration_in_seconds",
    "target_distance_in_meters",
    "steps",
    "workout_description",
    "library_workout_id",
    "content_blocks",
)


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def workout_row(workout: PlanWorkout, week_focus: str | None) -> dict[str, str]:
    """One workout's CSV cells, by column."""
    blocks = [block.model_dump(mode="json") for block in workout.content_blocks]
    values: dict[str, object] = {
        "week": workout.week,
        "phase": workout.phase,
        "week_focus": week_focus,
        "date": workout.date.isoformat() if workout.date else None,
        "day": workout.day,
        "workout_type": workout.workout_type,
        "workout_sub_type": workout.workout_sub_type,
        "workout_name": workout.workout_name,
        "target_duration_in_seconds": workout.target_duration_in_seconds,
        "target_distance_in_meters": workout.target_distance_in_meters,
        "steps": steps_summary(workout),
        "workout_description": workout.workout_description,
        "library_workout_id": workout.library_workout_id,
        "content_blocks": json.dumps(blocks, ensure_ascii=False, separators=(",", ":")),
    }
    return {column: _cell(values[column]) for column in COLUMNS}


def to_csv(plan: Plan) -> bytes:
    """The plan as CSV bytes (UTF-8 with BOM), a header row then one row per workout in plan order."""
    buffer = io.StringIO()
    writer: csv.DictWriter[str] = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for workout in plan.content:
        week = plan.weekly_info.get(str(workout.week))
        writer.writerow(workout_row(workout, week.focus if week else None))
    return buffer.getvalue().encode("utf-8-sig")
