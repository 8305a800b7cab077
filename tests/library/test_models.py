from __future__ import annotations

import pytest
from pydantic import ValidationError

from planforge.library import LibraryWorkout

from .conftest import workout


def test_json_field_names_are_the_plan_workout_names_plus_id_and_tags() -> None:
    dumped = workout("w1", "Easy Run", target_duration_in_seconds=1800).model_dump(mode="json")
    assert dumped == {
        "id": "w1",
        "workout_name": "Easy Run",
        "workout_description": "Easy Run, as the coach wrote it.",
        "workout_type": "run",
        "workout_sub_type": "easy-run",
        "target_duration_in_seconds": 1800,
        "target_distance_in_meters": None,
        "content_blocks": [],
        "tags": [],
    }


def test_sub_type_must_belong_to_type() -> None:
    with pytest.raises(ValidationError, match="'tempo-ride' does not belong to workout_type 'run'"):
        workout("w1", "Tempo", workout_sub_type="tempo-ride")


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("id", "  ", "must not be blank"),
        ("workout_name", "", "at least 1 character"),
        ("target_duration_in_seconds", 0, "greater than 0"),
        ("surprise", 1, "Extra inputs are not permitted"),
    ],
)
def test_invalid_fields_are_rejected_by_name(field: str, value: object, problem: str) -> None:
    with pytest.raises(ValidationError, match=problem) as raised:
        workout("w1", "Easy Run", **{field: value})
    assert raised.value.errors()[0]["loc"] == (field,)


def test_tags_are_trimmed_and_blanks_dropped() -> None:
    assert workout("w1", "Easy Run", tags=[" base ", "", "marathon"]).tags == ["base", "marathon"]


def test_is_frozen() -> None:
    with pytest.raises(ValidationError):
        workout("w1", "Easy Run").workout_name = "x"  # pyright: ignore[reportAttributeAccessIssue]


def test_content_blocks_are_validated_like_plan_blocks() -> None:
    with pytest.raises(ValidationError, match="content_blocks"):
        LibraryWorkout.model_validate(
            {
                "id": "w1",
                "workout_name": "Intervals",
                "workout_description": "x",
                "workout_type": "run",
                "workout_sub_type": "interval-run",
                "content_blocks": [{"type": "warm-up", "block_length_target": "duration"}],
            }
        )
