"""FIT workout files, read back by Garmin's own SDK: integrity, message order, and every step of the plan."""

from __future__ import annotations

import io
import zipfile

from planforge import Plan
from planforge.domain.plan import PlanWorkout
from planforge.export import to_fit_zip, workout_to_fit
from tests.export.readers import (
    FILE_ID,
    WORKOUT,
    WORKOUT_STEP,
    Leaf,
    Node,
    decode_fit,
    expected_structure,
    fit_structure,
)

SPORTS = {"run": "running", "bike": "cycling", "swim": "swimming", "strength": "training"}


def _capped_heart_rate(nodes: list[Node]) -> list[Node]:
    """FIT's heart-rate zones stop at 5: what a z6 heart-rate step must read back as."""

    def cap(leaf: Leaf) -> Leaf:
        kind, unit, length, zone, steered = leaf
        return (kind, unit, length, min(zone, 5) if zone and steered == "heartrate" else zone, steered)

    return [
        ("repeat", node[1], tuple(cap(leaf) for leaf in node[2])) if node[0] == "repeat" else cap(node)
        for node in nodes
    ]


def _check_workout_file(content: bytes, workout: PlanWorkout) -> None:
    decoded = decode_fit(content)
    assert decoded.message_order == [FILE_ID, WORKOUT] + [WORKOUT_STEP] * len(decoded.steps)
    assert decoded.file_id["type"] == "workout"
    assert decoded.workout["wkt_name"] == workout.workout_name
    assert decoded.workout["num_valid_steps"] == len(decoded.steps)
    assert decoded.workout["sport"] == SPORTS.get(workout.workout_type, decoded.workout["sport"])
    assert fit_structure(decoded) == _capped_heart_rate(expected_structure(workout))


def test_every_offline_workout_reads_back_step_for_step(offline_plans: dict[str, Plan]) -> None:
    for plan in offline_plans.values():
        for workout in plan.content:
            _check_workout_file(workout_to_fit(workout), workout)


def test_edge_cases_read_back(edge_plan: Plan) -> None:
    for workout in edge_plan.content:
        _check_workout_file(workout_to_fit(workout), workout)


def test_an_interval_is_its_steps_then_a_repeat_step_pointing_back(edge_plan: Plan) -> None:
    track = next(w for w in edge_plan.content if w.workout_name.startswith("Track"))
    steps = decode_fit(workout_to_fit(track)).steps
    assert [(s["duration_type"], s.get("duration_distance")) for s in steps] == [
        ("distance", 2000.0), ("distance", 800.0), ("distance", 400.0),
        ("repeat_until_steps_cmplt", None), ("distance", 2000.0),
    ]  # fmt: skip
    assert (steps[3]["duration_step"], steps[3]["repeat_steps"]) == (1, 6)
    assert [s.get("intensity") for s in steps] == ["warmup", "active", "recovery", None, "cooldown"]


def test_a_workout_without_blocks_or_length_is_one_open_step(edge_plan: Plan) -> None:
    mobility = edge_plan.content[0]
    [step] = decode_fit(workout_to_fit(mobility)).steps
    assert (step["duration_type"], step["target_type"]) == ("open", "open")


def test_plan_zip_holds_one_file_per_workout_in_plan_order(edge_plan: Plan) -> None:
    with zipfile.ZipFile(io.BytesIO(to_fit_zip(edge_plan))) as archive:
        names = archive.namelist()
        assert names == sorted(names)
        assert len(names) == len(edge_plan.content)
        assert names[1:3] == ["w01-d2-1-track-6-800-m.fit", "w01-d2-2-strength-30-min.fit"]
        for name, workout in zip(names, edge_plan.content, strict=True):
            _check_workout_file(archive.read(name), workout)


def test_files_are_reproducible(edge_plan: Plan) -> None:
    assert to_fit_zip(edge_plan) == to_fit_zip(edge_plan)


def test_a_z6_heart_rate_step_gets_fits_top_heart_rate_zone(edge_plan: Plan) -> None:
    session = next(w for w in edge_plan.content if w.workout_name == "Heart-rate session")
    steps = decode_fit(workout_to_fit(session)).steps
    assert [(s.get("target_type"), s.get("target_hr_zone")) for s in steps] == [
        ("heart_rate", 2), ("heart_rate", 5), (None, None), ("open", None),
    ]  # fmt: skip
