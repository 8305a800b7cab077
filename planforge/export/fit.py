"""Garmin FIT workout files, written with `fit-tool`.

Why fit-tool: it is a BSD-licensed, pure-Python FIT writer with the whole FIT profile as typed message classes
(`WorkoutMessage`, `WorkoutStepMessage`) and it computes the header and file CRCs itself. Garmin's own
`garmin-fit-sdk` is kept as the test-only decoder, so every file is checked by an implementation that did not
write it (and its FIT Protocol License is not an OSI licence, which a runtime dependency should have).

A workout file is File Id (type workout) → Workout (sport, number of steps) → Workout Steps, in that order.
Steps come from `planforge.export.steps`: warm-up, active, recovery and cool-down intensities; time or
distance durations (open when a step has no length); a zone target steered by speed (pace zones), heart rate
or power. A repeat is its steps followed by a `repeat_until_steps_cmplt` step pointing back at the first.
Heart-rate zones stop at 5 in FIT, so a z6 heart-rate step is written as zone 5. Names and the description
are cut to 200 bytes of UTF-8 (FIT strings hold 255 at most). Files are reproducible: the creation time is
the workout's date and the serial number a checksum of its name.
"""
# fit-tool ships no type stubs or py.typed marker; pyright reads its (annotated) sources instead.
# pyright: reportMissingTypeStubs=false

from __future__ import annotations

import datetime as dt
import zlib
from typing import Final

from fit_tool.fit_file_builder import FitFileBuilder
from fit_tool.profile.messages.file_id_message import FileIdMessage
from fit_tool.profile.messages.workout_message import WorkoutMessage
from fit_tool.profile.messages.workout_step_message import WorkoutStepMessage
from fit_tool.profile.profile_type import (
    FileType,
    Intensity,
    Manufacturer,
    Sport,
    SubSport,
    WorkoutStepDuration,
    WorkoutStepTarget,
)

from planforge.domain.plan import PlanWorkout, WorkoutContent
from planforge.domain.vocabulary import WorkoutType
from planforge.export.steps import Step, StepKind, step_label, workout_segments

_SPORTS: Final[dict[WorkoutType, tuple[Sport, SubSport]]] = {
    "run": (Sport.RUNNING, SubSport.GENERIC),
    "bike": (Sport.CYCLING, SubSport.GENERIC),
    "swim": (Sport.SWIMMING, SubSport.LAP_SWIMMING),
    "walk": (Sport.WALKING, SubSport.GENERIC),
    "hike": (Sport.HIKING, SubSport.GENERIC),
    "strength": (Sport.TRAINING, SubSport.STRENGTH_TRAINING),
    "cross-training": (Sport.TRAINING, SubSport.CARDIO_TRAINING),
}
_INTENSITIES: Final[dict[StepKind, Intensity]] = {
    "warm-up": Intensity.WARMUP,
    "run": Intensity.ACTIVE,
    "recovery-run": Intensity.RECOVERY,
    "cool-down": Intensity.COOLDOWN,
}
MAX_HEART_RATE_ZONE: Final = 5
_MAX_STRING_BYTES: Final = 200
"""FIT strings are at most 255 bytes with their terminator; names are cut (on a character) well below."""
_FIT_EPOCH_MS: Final = 631_065_600_000
"""1989-12-31T00:00:00Z, FIT's time zero: the creation time of an undated workout, so files stay reproducible."""


def fit_string(text: str) -> str:
    """`text` cut to the longest prefix that fits a FIT string field in UTF-8."""
    encoded = text.encode("utf-8")[:_MAX_STRING_BYTES]
    return encoded.decode("utf-8", errors="ignore")


def _file_id(workout: WorkoutContent, date: dt.date | None) -> FileIdMessage:
    message = FileIdMessage()
    message.type = FileType.WORKOUT
    message.manufacturer = Manufacturer.DEVELOPMENT.value
    message.product = 0
    if date is None:
        message.time_created = _FIT_EPOCH_MS
    else:
        midnight = dt.datetime.combine(date, dt.time(), tzinfo=dt.UTC)
        message.time_created = round(midnight.timestamp() * 1000)
    message.serial_number = zlib.crc32(workout.workout_name.encode("utf-8")) or 1
    return message


def _step_message(step: Step, index: int, workout_type: WorkoutType) -> WorkoutStepMessage:
    message = WorkoutStepMessage()
    message.message_index = index
    message.workout_step_name = fit_string(step_label(step.kind, workout_type))
    message.intensity = _INTENSITIES[step.kind]
    if step.seconds is not None:
        message.duration_type = WorkoutStepDuration.TIME
        message.duration_time = float(step.seconds)
    elif step.meters is not None:
        message.duration_type = WorkoutStepDuration.DISTANCE
        message.duration_distance = step.meters
    else:
        message.duration_type = WorkoutStepDuration.OPEN
    _set_target(message, step)
    return message


def _set_target(message: WorkoutStepMessage, step: Step) -> None:
    if step.zone is None:
        message.target_type = WorkoutStepTarget.OPEN
        message.target_value = 0
    elif step.steered_by == "heartrate":
        message.target_type = WorkoutStepTarget.HEART_RATE
        message.target_hr_zone = min(step.zone, MAX_HEART_RATE_ZONE)
    elif step.steered_by == "power":
        message.target_type = WorkoutStepTarget.POWER
        message.target_power_zone = step.zone
    else:
        message.target_type = WorkoutStepTarget.SPEED
        message.target_speed_zone = step.zone


def _repeat_message(index: int, first_step: int, count: int) -> WorkoutStepMessage:
    message = WorkoutStepMessage()
    message.message_index = index
    message.duration_type = WorkoutStepDuration.REPEAT_UNTIL_STEPS_CMPLT
    message.duration_step = first_step
    message.target_repeat_steps = count
    return message


def step_messages(workout: WorkoutContent) -> list[WorkoutStepMessage]:
    """The workout's steps as FIT workout steps, repeats as `repeat_until_steps_cmplt` steps."""
    messages: list[WorkoutStepMessage] = []
    for segment in workout_segments(workout):
        if isinstance(segment, Step):
            messages.append(_step_message(segment, len(messages), workout.workout_type))
            continue
        first = len(messages)
        for step in segment.steps:
            messages.append(_step_message(step, len(messages), workout.workout_type))
        messages.append(_repeat_message(len(messages), first, segment.count))
    return messages


def workout_to_fit(workout: WorkoutContent, *, date: dt.date | None = None) -> bytes:
    """One FIT workout file: File Id, Workout, then its Workout Steps. A plan workout's date is used by default."""
    if date is None and isinstance(workout, PlanWorkout):
        date = workout.date
    steps = step_messages(workout)
    sport, sub_sport = _SPORTS[workout.workout_type]
    header = WorkoutMessage()
    header.workout_name = fit_string(workout.workout_name)
    header.workout_description = fit_string(workout.workout_description)
    header.sport = sport
    header.sub_sport = sub_sport
    header.num_valid_steps = len(steps)
    builder = FitFileBuilder(auto_define=True)
    builder.add(_file_id(workout, date))
    builder.add(header)
    builder.add_all(list(steps))
    return builder.build().to_bytes()
