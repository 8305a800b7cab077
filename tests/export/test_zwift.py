"""Zwift .zwo files, read back with xml.etree: rides as FTP fractions, runs as 5K-pace fractions, every step kept."""

from __future__ import annotations

import io
import zipfile

import pytest

from planforge import Plan
from planforge.domain.plan import PlanWorkout
from planforge.export import UnsupportedWorkoutError, workout_to_zwo, zwo_archive
from tests.export.readers import Leaf, decode_zwo, expected_structure, timeline


def _unsteered(leaves: list[Leaf]) -> list[Leaf]:
    """Zwift has one intensity scale per sport, so what steered a step does not survive."""
    return [(kind, unit, length, zone, None) for kind, unit, length, zone, _ in leaves]


def _check(workout: PlanWorkout) -> None:
    decoded = decode_zwo(workout_to_zwo(workout))
    assert (decoded.name, decoded.description) == (workout.workout_name, workout.workout_description)
    assert decoded.sport == workout.workout_type
    assert decoded.timeline == _unsteered(timeline(expected_structure(workout)))


def test_every_offline_bike_and_run_workout_reads_back(offline_plans: dict[str, Plan]) -> None:
    checked = 0
    for plan in offline_plans.values():
        for workout in plan.content:
            if workout.workout_type in {"bike", "run"} and (
                workout.content_blocks or workout.target_duration_in_seconds or workout.workout_type == "run"
            ):
                _check(workout)
                checked += 1
    assert checked > 30


def test_on_off_intervals_are_one_intervals_element(edge_plan: Plan) -> None:
    ride = next(w for w in edge_plan.content if w.workout_name == "Sweet spot ride")
    elements = decode_zwo(workout_to_zwo(ride)).elements
    assert [e.tag for e in elements] == ["Warmup", "IntervalsT", "Cooldown"]
    assert elements[1].attrib == {
        "Repeat": "3", "OnDuration": "720", "OffDuration": "300", "OnPower": "0.83", "OffPower": "0.50",
    }  # fmt: skip
    assert float(elements[0].get("PowerLow", "")) < float(elements[0].get("PowerHigh", "")) == 0.65


def test_distance_runs_are_distance_files(edge_plan: Plan) -> None:
    track = next(w for w in edge_plan.content if w.workout_name.startswith("Track"))
    decoded = decode_zwo(workout_to_zwo(track))
    assert decoded.by_distance
    _check(track)


def test_repeats_that_are_not_on_off_pairs_are_written_out(edge_plan: Plan) -> None:
    strides = next(w for w in edge_plan.content if w.workout_name == "Hill strides")
    _check(strides)
    assert [e.tag for e in decode_zwo(workout_to_zwo(strides)).elements].count("SteadyState") == 6


@pytest.mark.parametrize(
    ("name", "field", "reason"),
    [
        ("Pool swim 2 km", "workout_type", "not 'swim'"),
        ("Strength 30 min", "workout_type", "not 'strength'"),
        ("Long ride 80 km", "content_blocks", "measured by distance"),
    ],
)
def test_what_zwift_cannot_express_is_refused_with_its_reason(
    edge_plan: Plan, name: str, field: str, reason: str
) -> None:
    workout = next(w for w in edge_plan.content if w.workout_name == name)
    with pytest.raises(UnsupportedWorkoutError) as raised:
        workout_to_zwo(workout)
    assert raised.value.field == field
    assert reason in raised.value.message


def test_plan_archive_lists_what_it_left_out(edge_plan: Plan) -> None:
    content, skipped = zwo_archive(edge_plan)
    assert [s.workout_name for s in skipped] == ["Rest-day mobility", "Strength 30 min", "Pool swim 2 km",
                                                 "Long ride 80 km"]  # fmt: skip
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        names = archive.namelist()
        assert len(names) == len(edge_plan.content) - len(skipped) + 1
        listing = archive.read("SKIPPED.txt").decode()
        for name in names[:-1]:
            decode_zwo(archive.read(name))
    assert "week 1 Friday: Pool swim 2 km: Zwift workouts are bike or run workouts, not 'swim'" in listing
