"""Typed workouts for the engine's sessions: type, sub-type, the numbers the text states, blocks.

A structured session's target duration is the sum of its parts as the text states them (warm-up + main set
+ cool-down); swims and races carry only their distance, as their text does; a run/walk is an interval run of
its minutes whose bouts are in its words, not in blocks (as the parser reads it). Names and descriptions are
English: the plan's own workouts come from the draft text, in its language.
"""

from __future__ import annotations

from typing import Final

from planforge.domain.plan import ContentBlock, Workout
from planforge.domain.vocabulary import (
    BlockType,
    IntensityTarget,
    Language,
    PaceZone,
    Phase,
    Weekday,
    WorkoutSubType,
    WorkoutType,
)
from planforge.offline.engine.sessions import MainSet, Session, SessionKind
from planforge.offline.engine.text import LEXICONS
from planforge.offline.engine.text.sessions import names_length, race_meters, session_text

_TYPES: Final[dict[SessionKind, tuple[WorkoutType, WorkoutSubType, str]]] = {
    "easy-run": ("run", "easy-run", "Easy Run"),
    "recovery-run": ("run", "recovery-run", "Recovery Run"),
    "long-run": ("run", "long-run", "Long Run"),
    "tempo-run": ("run", "tempo-run", "Tempo Run"),
    "interval-run": ("run", "interval-run", "Intervals"),
    "hill-repeats": ("run", "hill-repeats", "Hill Repeats"),
    "fartlek": ("run", "fartlek", "Fartlek"),
    "progression-run": ("run", "progression-run", "Progression Run"),
    "race-pace-run": ("run", "race-pace-run", "Race Pace Run"),
    "trail-run": ("run", "trail-run", "Trail Run"),
    "run-walk": ("run", "interval-run", "Run/Walk"),
    "strength": ("strength", "strength-training", "Strength Training"),
    "cross-training": ("cross-training", "cross-training", "Cross-Training"),
    "walk": ("walk", "walk", "Walk"),
    "hike": ("hike", "hike", "Hike"),
    "bike": ("bike", "endurance-ride", "Endurance Ride"),
    "long-ride": ("bike", "long-ride", "Long Ride"),
    "tempo-ride": ("bike", "tempo-ride", "Tempo Ride"),
    "interval-ride": ("bike", "interval-ride", "Bike Intervals"),
    "hill-ride": ("bike", "hill-ride", "Hill Ride"),
    "swim": ("swim", "endurance-swim", "Endurance Swim"),
    "brick-bike": ("bike", "brick", "Brick Ride"),
    "brick-run": ("run", "easy-run", "Brick Run"),
}
_INTENSITY: Final[dict[WorkoutType, IntensityTarget]] = {"bike": "power"}


def _minutes_block(kind: BlockType, minutes: int, zone: PaceZone, target: IntensityTarget) -> ContentBlock:
    return ContentBlock(
        type=kind,
        block_length_target="duration",
        block_duration_in_seconds=minutes * 60,
        block_pace=zone,
        block_intensity_target=target,
    )


def _main_blocks(main: MainSet, target: IntensityTarget) -> ContentBlock:
    work = ContentBlock(
        type="run",
        block_length_target="duration",
        block_duration_in_seconds=main.work_seconds,
        block_pace=main.zone,
        block_intensity_target=target,
    )
    if main.reps == 1 and not main.recovery_seconds:
        return work
    recovery = ContentBlock(
        type="recovery-run",
        block_length_target="duration",
        block_duration_in_seconds=main.recovery_seconds,
        block_pace="z1",
        block_intensity_target=target,
    )
    return ContentBlock(
        type="interval",
        block_length_target="duration",
        block_pace=main.zone,  # the parent carries its work step's target, as the draft parser reads it
        block_intensity_target=target,
        block_repeat=main.reps,
        content_blocks=[work, recovery],
    )


def content_blocks(session: Session, workout_type: WorkoutType) -> list[ContentBlock]:
    """Warm-up, main set (an interval nesting run + recovery-run when repeated), cool-down; [] when steady."""
    if session.main is None:
        return []
    target = _INTENSITY.get(workout_type, "pace")
    return [
        _minutes_block("warm-up", session.warm_up, "z2", target),
        _main_blocks(session.main, target),
        _minutes_block("cool-down", session.cool_down, "z1", target),
    ]


def to_workout(session: Session, *, week: int, phase: Phase, day: Weekday, language: Language = "en") -> Workout:
    """The typed workout for one session on one day (its numbers as the draft's text in `language` states them)."""
    lexicon = LEXICONS[language]
    text = session_text(session, lexicon)
    if session.race is not None:
        leg = session.race
        return Workout(
            week=week, phase=phase, day=day, workout_name=f"Race: {text.split(': ', 1)[-1]}"[:100],
            workout_description=text, workout_type=leg.sport, workout_sub_type="race",
            target_duration_in_seconds=None,
            target_distance_in_meters=race_meters(leg.meters, leg.sport, names_length(leg, lexicon)),
            content_blocks=[],
        )  # fmt: skip
    workout_type, sub_type, name = _TYPES[session.kind]
    is_swim = session.kind == "swim"
    seconds = session.minutes * 60
    if session.main is not None:  # the parts to the second, as the text states them (3 x (60 s + 90 s) is 7.5 min)
        seconds = (session.warm_up + session.cool_down) * 60 + session.main.seconds
    return Workout(
        week=week,
        phase=phase,
        day=day,
        workout_name=name,
        workout_description=text,
        workout_type=workout_type,
        workout_sub_type=sub_type,
        target_duration_in_seconds=None if is_swim else seconds,
        target_distance_in_meters=float(session.meters) if is_swim or session.meters else None,
        content_blocks=content_blocks(session, workout_type),
        library_workout_id=session.library,
    )
