"""Zwift workout files (.zwo) for bike and run workouts.

The format has no official specification; this follows the element and attribute use of Zwift's own
workouts (github.com/h4l/zwift-workout-file-reference): `Warmup` and `Cooldown` ramps (PowerLow → PowerHigh),
`SteadyState`, `IntervalsT` for on/off repeats, `FreeRide` for a step without a target, and a `textevent`
naming each step. Intensities are fractions:

- rides: of FTP, at the centre of each of the six zones (z1 recovery 0.50 … z6 anaerobic 1.30);
- runs: of the athlete's 5K pace (`pace="2"`), from Daniels' relations between the paces (z1 recovery 0.70,
  z2 easy 0.78, z3 marathon 0.88, z4 threshold 0.94, z5 5K 1.00, z6 mile 1.08).

A file is time-based, or distance-based (`<durationType>distance</durationType>`, runs only); a workout that
mixes both, has a step without a length, rides by distance or is another sport cannot be written and raises
`UnsupportedWorkoutError` naming why.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Final, Literal

from planforge.domain.plan import WorkoutContent
from planforge.export.errors import UnsupportedWorkoutError
from planforge.export.steps import Repeat, Step, all_steps, step_label, workout_segments

ZwiftSport = Literal["bike", "run"]

BIKE_FTP_FRACTIONS: Final[dict[int, float]] = {1: 0.50, 2: 0.65, 3: 0.83, 4: 0.98, 5: 1.13, 6: 1.30}
RUN_PACE_FRACTIONS: Final[dict[int, float]] = {1: 0.70, 2: 0.78, 3: 0.88, 4: 0.94, 5: 1.00, 6: 1.08}
RUN_REFERENCE_PACE: Final = "2"
"""Zwift's run pace references: 1 mile, 2 5K, 3 10K, 4 half marathon, 5 marathon."""
_RAMP_SPAN: Final = 0.15
"""How far below the step's intensity a warm-up starts and a cool-down ends."""
_FORMAT: Final = "a Zwift workout (.zwo)"


def zwift_sport(workout: WorkoutContent) -> ZwiftSport:
    """ "bike" or "run"; UnsupportedWorkoutError for any other workout type."""
    if workout.workout_type == "bike":
        return "bike"
    if workout.workout_type == "run":
        return "run"
    reason = f"Zwift workouts are bike or run workouts, not {workout.workout_type!r}"
    raise UnsupportedWorkoutError(_FORMAT, reason, field="workout_type")


def _fractions(sport: ZwiftSport) -> dict[int, float]:
    return BIKE_FTP_FRACTIONS if sport == "bike" else RUN_PACE_FRACTIONS


def _by_distance(workout: WorkoutContent, sport: ZwiftSport) -> bool:
    steps = all_steps(workout_segments(workout))
    if any(step.seconds is None and step.meters is None for step in steps):
        reason = "a step has neither a duration nor a distance"
        raise UnsupportedWorkoutError(_FORMAT, reason, field="target_duration_in_seconds")
    kinds = {step.meters is not None for step in steps}
    if len(kinds) > 1:
        reason = "it mixes steps by time and by distance, and a Zwift file is one or the other"
        raise UnsupportedWorkoutError(_FORMAT, reason, field="content_blocks")
    by_distance = kinds == {True}
    if by_distance and sport == "bike":
        reason = "Zwift rides are measured by time, and this ride is measured by distance"
        raise UnsupportedWorkoutError(_FORMAT, reason, field="content_blocks")
    return by_distance


def _number(value: float) -> str:
    return f"{value:.2f}"


def _length(step: Step) -> str:
    length = step.seconds if step.seconds is not None else step.meters
    return f"{length:g}"


class _Writer:
    """Appends a workout's steps to a `<workout>` element."""

    def __init__(self, workout: WorkoutContent, sport: ZwiftSport, parent: ET.Element) -> None:
        self.workout = workout
        self.sport = sport
        self.parent = parent
        self.fractions = _fractions(sport)

    def element(self, tag: str, attributes: dict[str, str], label: str | None) -> None:
        if self.sport == "run":
            attributes = {**attributes, "pace": RUN_REFERENCE_PACE}
        element = ET.SubElement(self.parent, tag, attributes)
        if label is not None:
            ET.SubElement(element, "textevent", {"timeoffset": "0", "message": label})

    def step(self, step: Step) -> None:
        label = step_label(step.kind, self.workout.workout_type)
        if step.zone is None:
            self.element("FreeRide", {"Duration": _length(step)}, label)
            return
        power = self.fractions[step.zone]
        low = max(power - _RAMP_SPAN, 0.25)
        if step.kind == "warm-up":
            ramp = {"Duration": _length(step), "PowerLow": _number(low), "PowerHigh": _number(power)}
            self.element("Warmup", ramp, label)
        elif step.kind == "cool-down":
            ramp = {"Duration": _length(step), "PowerLow": _number(power), "PowerHigh": _number(low)}
            self.element("Cooldown", ramp, label)
        else:
            self.element("SteadyState", {"Duration": _length(step), "Power": _number(power)}, label)

    def repeat(self, repeat: Repeat) -> None:
        if len(repeat.steps) == 2:
            on, off = repeat.steps
            if on.kind == "run" and off.kind == "recovery-run" and on.zone is not None and off.zone is not None:
                attributes = {
                    "Repeat": str(repeat.count),
                    "OnDuration": _length(on),
                    "OffDuration": _length(off),
                    "OnPower": _number(self.fractions[on.zone]),
                    "OffPower": _number(self.fractions[off.zone]),
                }
                self.element("IntervalsT", attributes, None)
                return
        for _ in range(repeat.count):  # any other repeat is written out step by step
            for step in repeat.steps:
                self.step(step)


def workout_to_zwo(workout: WorkoutContent, *, author: str = "planforge") -> bytes:
    """The workout as a .zwo file (UTF-8 XML); UnsupportedWorkoutError when Zwift cannot express it."""
    sport = zwift_sport(workout)
    by_distance = _by_distance(workout, sport)
    root = ET.Element("workout_file")
    ET.SubElement(root, "author").text = author
    ET.SubElement(root, "name").text = workout.workout_name
    ET.SubElement(root, "description").text = workout.workout_description
    ET.SubElement(root, "sportType").text = sport
    if by_distance:
        ET.SubElement(root, "durationType").text = "distance"
    writer = _Writer(workout, sport, ET.SubElement(root, "workout"))
    for segment in workout_segments(workout):
        if isinstance(segment, Repeat):
            writer.repeat(segment)
        else:
            writer.step(segment)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
