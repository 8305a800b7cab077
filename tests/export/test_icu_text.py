"""intervals.icu workout text, parsed back with a reader written from its syntax guide."""

from __future__ import annotations

import pytest
from inline_snapshot import snapshot

from planforge import Plan
from planforge.export import to_icu_text, workout_to_icu
from planforge.export.icu_text import distance_text, duration_text
from tests.export.conftest import block
from tests.export.conftest import workout as dated_workout
from tests.export.readers import expected_structure, icu_structure


def test_every_workout_reads_back(offline_plans: dict[str, Plan], edge_plan: Plan) -> None:
    for plan in [*offline_plans.values(), edge_plan]:
        for workout in plan.content:
            assert icu_structure(workout_to_icu(workout)) == expected_structure(workout), workout.workout_name


def test_interval_session_text() -> None:
    intervals = dated_workout(
        "Tuesday", "Intervals 5 x 3 min", "run", "interval-run", target_duration_in_seconds=3000,
        content_blocks=[
            block("warm-up", seconds=900, block_pace="z2"),
            block("interval", block_repeat=5, content_blocks=[
                block("run", seconds=180, block_pace="z5"), block("recovery-run", seconds=120, block_pace="z1")]),
            block("cool-down", seconds=600, block_pace="z1"),
        ],
    )  # fmt: skip
    assert workout_to_icu(intervals) == snapshot("""\
- Warm-up 15m Z2 Pace

Main Set 5x
- Run 3m Z5 Pace
- Recovery 2m Z1 Pace

- Cool-down 10m Z1 Pace
""")


@pytest.mark.parametrize(
    ("seconds", "text"), [(45, "45s"), (90, "1m30s"), (600, "10m"), (3600, "1h"), (5430, "1h30m30s")]
)
def test_durations_use_m_for_minutes(seconds: int, text: str) -> None:
    assert duration_text(seconds) == text


@pytest.mark.parametrize(
    ("meters", "text"), [(400, "400mtr"), (2000, "2km"), (1500, "1.5km"), (21097.5, "21.0975km"), (402.5, "0.4025km")]
)
def test_distances_never_use_a_bare_m(meters: float, text: str) -> None:
    assert distance_text(meters) == text


def test_plan_text_has_a_heading_per_workout_then_its_steps(edge_plan: Plan) -> None:
    text = to_icu_text(edge_plan)
    sections = text.split("# Week ")[1:]
    assert len(sections) == len(edge_plan.content)
    for section, workout in zip(sections, edge_plan.content, strict=True):
        heading, description, steps = section.split("\n", 2)
        assert heading.startswith(f"{workout.week} · {workout.day} {workout.date} · {workout.workout_name} (")
        assert description == workout.workout_description
        assert icu_structure(steps) == expected_structure(workout)
