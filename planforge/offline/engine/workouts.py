"""Typed workouts for the engine's sessions: type, sub-type, the numbers the text states, blocks.

A structured session's target duration is the sum of its parts as the text states them (warm-up + main set
+ cool-down); swims and races carry only their distance, as their text does (a swim's sets as blocks); a run/walk
is an interval run of its minutes: the brisk walk the bouts leave, then the bouts (as the parser reads it).
Names are the parser's, in the draft's language (`planforge.offline.parser.names`), so both halves name a session
alike.
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
from planforge.offline.engine.sessions import MainSet, RunWalk, Session, SessionKind
from planforge.offline.engine.swim_sets import SwimSet, swim_blocks
from planforge.offline.engine.text import LEXICONS
from planforge.offline.engine.text.sessions import names_length, race_meters, session_text
from planforge.offline.parser.names import NAMES

_TYPES: Final[dict[SessionKind, tuple[WorkoutType, WorkoutSubType]]] = {
    "easy-run": ("run", "easy-run"),
    "recovery-run": ("run", "recovery-run"),
    "long-run": ("run", "long-run"),
    "tempo-run": ("run", "tempo-run"),
    "interval-run": ("run", "interval-run"),
    "hill-repeats": ("run", "hill-repeats"),
    "fartlek": ("run", "fartlek"),
    "progression-run": ("run", "progression-run"),
    "race-pace-run": ("run", "race-pace-run"),
    "trail-run": ("run", "trail-run"),
    "run-walk": ("run", "interval-run"),
    "strength": ("strength", "strength-training"),
    "cross-training": ("cross-training", "cross-training"),
    "walk": ("walk", "walk"),
    "hike": ("hike", "hike"),
    "bike": ("bike", "endurance-ride"),
    "long-ride": ("bike", "long-ride"),
    "tempo-ride": ("bike", "tempo-ride"),
    "interval-ride": ("bike", "interval-ride"),
    "hill-ride": ("bike", "hill-ride"),
    "swim": ("swim", "endurance-swim"),
    "brick-bike": ("bike", "brick"),
    "brick-run": ("run", "easy-run"),
}
_INTENSITY: Final[dict[WorkoutType, IntensityTarget]] = {"bike": "power"}


def _seconds_block(kind: BlockType, seconds: int, zone: PaceZone, target: IntensityTarget) -> ContentBlock:
    return ContentBlock(
        type=kind,
        block_length_target="duration",
        block_duration_in_seconds=seconds,
        block_pace=zone,
        block_intensity_target=target,
    )


def _minutes_block(kind: BlockType, minutes: int, zone: PaceZone, target: IntensityTarget) -> ContentBlock:
    return _seconds_block(kind, minutes * 60, zone, target)


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


def _run_walk_blocks(session: Session, walk: RunWalk) -> list[ContentBlock]:
    """The brisk walk before the bouts (the minutes the bouts leave), then the bouts: run z2, walk z1."""
    bouts = walk.reps * (walk.run_seconds + walk.walk_seconds)
    main = ContentBlock(
        type="interval", block_length_target="duration", block_pace="z2", block_intensity_target="pace",
        block_repeat=walk.reps, content_blocks=[
            ContentBlock(type="run", block_length_target="duration", block_duration_in_seconds=walk.run_seconds,
                         block_pace="z2", block_intensity_target="pace"),
            ContentBlock(type="recovery-run", block_length_target="duration",
                         block_duration_in_seconds=walk.walk_seconds, block_pace="z1", block_intensity_target="pace"),
        ],
    )  # fmt: skip
    walk_seconds = session.minutes * 60 - bouts
    return [_seconds_block("warm-up", walk_seconds, "z1", "pace"), main] if walk_seconds > 0 else [main]


def content_blocks(session: Session, workout_type: WorkoutType) -> list[ContentBlock]:
    """Warm-up, main set (an interval nesting run + recovery-run when repeated), cool-down; a run/walk's walk and
    bouts; [] when steady."""
    if session.run_walk is not None:
        return _run_walk_blocks(session, session.run_walk)
    if session.main is None:
        return []
    target = _INTENSITY.get(workout_type, "pace")
    return [
        _minutes_block("warm-up", session.warm_up, "z2", target),
        _main_blocks(session.main, target),
        _minutes_block("cool-down", session.cool_down, "z1", target),
    ]


def _swim_sub_type(sets: SwimSet) -> WorkoutSubType:
    return "interval-swim" if sets.threshold else "technique-swim"


def to_workout(session: Session, *, week: int, phase: Phase, day: Weekday, language: Language = "en", note: str = "",
               sets: SwimSet | None = None) -> Workout:  # fmt: skip
    """The typed workout for one session on one day (its numbers as the draft's text in `language` states them,
    with the coach's `note` and a swim's `sets`)."""
    lexicon = LEXICONS[language]
    text = session_text(session, lexicon, note, sets)
    names = NAMES[language]
    if session.race is not None:
        leg = session.race
        return Workout(
            week=week, phase=phase, day=day, workout_name=f"{names['race']}: {text.split(': ', 1)[-1]}"[:100],
            workout_description=text, workout_type=leg.sport, workout_sub_type="race",
            target_duration_in_seconds=None,
            target_distance_in_meters=race_meters(leg.meters, leg.sport, names_length(leg, lexicon)),
            content_blocks=[],
        )  # fmt: skip
    if sets is not None:
        swim_type = _swim_sub_type(sets)
        return Workout(
            week=week, phase=phase, day=day, workout_name=NAMES[language][swim_type], workout_description=text,
            workout_type="swim", workout_sub_type=swim_type, target_duration_in_seconds=None,
            target_distance_in_meters=float(session.meters), content_blocks=swim_blocks(sets),
        )  # fmt: skip
    workout_type, sub_type = _TYPES[session.kind]
    name = names["run-walk" if session.kind == "run-walk" else sub_type]
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
