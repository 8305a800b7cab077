"""Typed workouts for the engine's sessions: type, sub-type, the numbers the text states, blocks, words.

A structured session's target duration is the sum of its parts as the text states them (warm-up + main set
+ cool-down); distance sessions (swims, races) carry only their distance, as their text does.
"""

from __future__ import annotations

from typing import Final

from planforge.domain.plan import ContentBlock, Workout
from planforge.domain.vocabulary import (
    BlockType,
    IntensityTarget,
    PaceZone,
    Phase,
    Weekday,
    WorkoutSubType,
    WorkoutType,
)
from planforge.offline.engine.paces import Paces, format_pace
from planforge.offline.engine.sessions import MainSet, Session, SessionKind, main_set_text

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
    "strength": ("strength", "strength-training", "Strength Training"),
    "cross-training": ("cross-training", "cross-training", "Cross-Training"),
    "walk": ("walk", "walk", "Walk"),
    "hike": ("hike", "hike", "Hike"),
    "bike": ("bike", "endurance-ride", "Endurance Ride"),
    "long-ride": ("bike", "long-ride", "Long Ride"),
    "tempo-ride": ("bike", "tempo-ride", "Tempo Ride"),
    "interval-ride": ("bike", "interval-ride", "Bike Intervals"),
    "swim": ("swim", "endurance-swim", "Endurance Swim"),
    "brick-bike": ("bike", "brick", "Brick Ride"),
    "brick-run": ("run", "easy-run", "Brick Run"),
}

_PURPOSES: Final[dict[SessionKind, str]] = {
    "easy-run": "Comfortable aerobic run at conversational pace; builds the aerobic base.",
    "recovery-run": "Very easy, short run to loosen up after a hard day; keep it relaxed.",
    "long-run": "Steady, easy long run that builds endurance; keep the effort conversational throughout.",
    "tempo-run": "Comfortably hard, sustained effort at threshold that raises the pace you can hold.",
    "interval-run": "Fast repeats with jog recoveries that develop speed and VO2max.",
    "hill-repeats": "Strong uphill efforts with easy jogs down; builds strength and running economy.",
    "fartlek": "Easy running with playful surges of 30 s to 2 min when you feel like it.",
    "progression-run": "Start easy and finish the last third at a steady, moderate effort.",
    "race-pace-run": "Sustained running at goal race pace to make that rhythm familiar.",
    "trail-run": "Easy run on trails; let the terrain set the pace and keep the effort relaxed.",
    "strength": "Strength and core work (squats, lunges, deadlifts, planks) to support training.",
    "cross-training": "Low-impact aerobic work (cycling, elliptical, rowing or swimming) at an easy effort.",
    "walk": "Brisk walk for active recovery and time on feet.",
    "hike": "Easy hike for time on feet.",
    "bike": "Steady endurance ride at an easy, conversational effort.",
    "long-ride": "Long steady ride at endurance effort; practise fuelling on the bike.",
    "tempo-ride": "Sustained ride at tempo effort, just below threshold.",
    "interval-ride": "Threshold efforts on the bike with easy spinning between them.",
    "swim": "Continuous aerobic swim with relaxed technique; add drills in the warm-up.",
    "brick-bike": "Ride at race effort, then go straight into the run (the run follows as its own session).",
    "brick-run": "Run straight off the bike at a steady effort to practise the transition.",
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


def _pace_note(kind: SessionKind, main: MainSet | None, paces: Paces | None) -> str:
    if paces is None:
        return ""
    easy = f"{format_pace(paces.easy_fast)}–{format_pace(paces.easy_slow)}"
    effort = main.effort if main else ""
    targets = {
        "threshold": paces.threshold,
        "5K pace": paces.five_k,
        "10K pace": paces.ten_k,
        "marathon pace": paces.marathon,
    }
    if kind in {"easy-run", "recovery-run", "long-run", "trail-run", "brick-run"}:
        return f" Easy pace about {easy}."
    if kind == "race-pace-run" or effort.endswith("race pace") or effort == "half marathon pace":
        return f" Goal race pace: {format_pace(paces.race)}."
    if effort in targets:
        return f" Target {effort}: {format_pace(targets[effort])}."
    return ""


def _description(session: Session, paces: Paces | None) -> str:
    if session.kind == "race":
        return f"Race day: {session.race_name}. Warm up easily, start controlled and race your plan."
    parts = [_PURPOSES[session.kind]]
    if session.main is not None:
        parts.append(
            f"Warm up {session.warm_up} min easy, then {main_set_text(session.main)}, "
            f"then cool down {session.cool_down} min easy."
        )
    return " ".join(parts) + _pace_note(session.kind, session.main, paces)


def _race_types(session: Session) -> tuple[WorkoutType, WorkoutSubType, str]:
    # A cycling event is a bike race; running races and triathlons are typed as run races (a triathlon
    # finishes with its run, and the vocabulary has no multisport type).
    if session.race_name.lower().startswith("cycling"):
        return "bike", "race", f"Race Day: {session.race_name}"
    return "run", "race", f"Race Day: {session.race_name}"


def to_workout(session: Session, *, week: int, phase: Phase, day: Weekday, paces: Paces | None) -> Workout:
    """The typed workout for one session on one day."""
    workout_type, sub_type, name = _race_types(session) if session.kind == "race" else _TYPES[session.kind]
    is_distance = session.kind in {"swim", "race"}
    return Workout(
        week=week,
        phase=phase,
        day=day,
        workout_name=name,
        workout_description=_description(session, paces),
        workout_type=workout_type,
        workout_sub_type=sub_type,
        target_duration_in_seconds=None if is_distance else session.minutes * 60,
        target_distance_in_meters=float(session.meters) if is_distance and session.meters else None,
        content_blocks=content_blocks(session, workout_type),
    )
