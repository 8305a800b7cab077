"""Workout and content-block rules that hold whoever fills them."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from planforge import ContentBlock, Workout

BASE = {
    "week": 1,
    "phase": "base",
    "day": "Tuesday",
    "workout_name": "Easy Run",
    "workout_description": "Easy.",
    "workout_type": "run",
    "workout_sub_type": "easy-run",
}


def test_sub_type_must_belong_to_type() -> None:
    with pytest.raises(ValidationError, match="does not belong to workout_type 'bike'"):
        Workout.model_validate({**BASE, "workout_type": "bike"})


def test_interval_nests_run_and_recovery_and_totals_include_repeats() -> None:
    interval = ContentBlock(
        type="interval",
        block_length_target="distance",
        block_repeat=6,
        content_blocks=[
            ContentBlock(type="run", block_length_target="distance", block_distance_in_meters=800, block_pace="z5"),
            ContentBlock(type="recovery-run", block_length_target="distance", block_distance_in_meters=400),
        ],
    )
    assert interval.total_meters() == 7200
    assert interval.total_seconds() is None


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ({"type": "run", "block_length_target": "distance"}, "block_distance_in_meters is missing"),
        ({"type": "warm-up", "block_length_target": "duration"}, "block_duration_in_seconds is missing"),
        ({"type": "interval", "block_length_target": "duration"}, "must nest a run step"),
        (
            {
                "type": "run",
                "block_length_target": "duration",
                "block_duration_in_seconds": 60,
                "content_blocks": [{"type": "run", "block_length_target": "duration", "block_duration_in_seconds": 1}],
            },
            "only interval blocks nest",
        ),
    ],
)
def test_inconsistent_blocks_are_rejected(block: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        ContentBlock.model_validate(block)
