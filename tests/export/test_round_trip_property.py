"""Any valid workout survives every export: random blocks in, the same steps read back by the independent readers."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from planforge import Plan
from planforge.domain.plan import ContentBlock, PlanWorkout
from planforge.export import UnsupportedWorkoutError, to_csv, workout_to_fit, workout_to_icu, workout_to_zwo
from tests.export.readers import (
    Leaf,
    decode_fit,
    decode_zwo,
    expected_structure,
    fit_structure,
    icu_structure,
    timeline,
)
from tests.export.test_csv import rows

zones = st.sampled_from([None, "z1", "z2", "z3", "z4", "z5"])  # z6 heart rate is capped in FIT: its own test
targets = st.sampled_from(["pace", "heartrate", "power"])


@st.composite
def leaf_blocks(draw: st.DrawFn, kind: str) -> ContentBlock:
    fields: dict[str, Any] = {"type": kind, "block_pace": draw(zones), "block_intensity_target": draw(targets)}
    if draw(st.booleans()):
        fields |= {"block_length_target": "duration", "block_duration_in_seconds": draw(st.integers(1, 4 * 3600))}
    else:
        meters = draw(st.integers(1, 50_000)) * draw(st.sampled_from([1.0, 0.5]))
        fields |= {"block_length_target": "distance", "block_distance_in_meters": meters}
    return ContentBlock.model_validate(fields)


@st.composite
def blocks(draw: st.DrawFn) -> ContentBlock:
    kind = draw(st.sampled_from(["warm-up", "run", "recovery-run", "cool-down", "interval"]))
    if kind != "interval":
        block = draw(leaf_blocks(kind))
        return block.model_copy(update={"block_repeat": draw(st.sampled_from([1, 1, 2, 5]))})
    children = [draw(leaf_blocks("run"))]
    if draw(st.booleans()):
        children.append(draw(leaf_blocks("recovery-run")))
    children = [c.model_copy(update={"block_repeat": draw(st.sampled_from([1, 1, 2]))}) for c in children]
    return ContentBlock(
        type="interval", block_length_target="duration", block_pace=draw(zones),
        block_repeat=draw(st.integers(1, 20)), content_blocks=children,
    )  # fmt: skip


SUB_TYPES = {"run": "fartlek", "bike": "tempo-ride", "swim": "interval-swim"}


def random_workout(kind: str, content: list[ContentBlock]) -> PlanWorkout:
    """A dated workout of `kind` with `content` (one hour, so an empty one is one timed step)."""
    return PlanWorkout.model_validate(
        {"week": 1, "phase": "build", "day": "Tuesday", "workout_name": "Random", "workout_description": "Random.",
         "workout_type": kind, "workout_sub_type": SUB_TYPES[kind], "target_duration_in_seconds": 3600,
         "content_blocks": content, "date": dt.date(2026, 5, 5)}
    )  # fmt: skip


workouts = st.builds(random_workout, st.sampled_from(list(SUB_TYPES)), st.lists(blocks(), max_size=6))


def _near(leaves: list[Leaf], other: list[Leaf]) -> bool:
    """Equal, distances to 1 cm (text rounds kilometres to four decimals)."""
    return len(leaves) == len(other) and all(
        a[:2] == b[:2] and a[3:] == b[3:] and (a[2] == b[2] or abs(float(a[2] or 0) - float(b[2] or 0)) < 0.06)
        for a, b in zip(leaves, other, strict=True)
    )


@settings(max_examples=60, deadline=None)
@given(workouts)
def test_fit_icu_zwo_and_csv_keep_every_step(workout: PlanWorkout) -> None:
    expected = expected_structure(workout)
    assert fit_structure(decode_fit(workout_to_fit(workout))) == expected
    assert _near(timeline(icu_structure(workout_to_icu(workout))), timeline(expected))
    [row] = rows(to_csv(Plan(content=[workout], weekly_info={})))
    assert [ContentBlock.model_validate(b) for b in json.loads(row["content_blocks"])] == workout.content_blocks
    try:
        zwo = decode_zwo(workout_to_zwo(workout))
    except UnsupportedWorkoutError:
        return
    assert zwo.timeline == [(kind, unit, length, zone, None) for kind, unit, length, zone, _ in timeline(expected)]
