"""Session texts in the draft's language: a few fixed shapes with explicit numbers.

    <label> 45 min                                   timed sessions
    <long ride> 210 min (~90 km)                     a cycling event's long rides
    <swim> 1500 m                                    swims
    <label>: 15 min <warm-up>, <main set>, 10 min <cool-down>   structured sessions
    <run/walk> 25 min: 8 x (1 min run, 90 s walk)    run/walk
    <race>: <name> 21.1 km                           races; a multi-sport race writes each leg ("+")

The text is what the coach reads and what the parser reads back, so every number the typed workout carries
is in it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Final

from planforge.domain.vocabulary import WorkoutType
from planforge.offline.engine.sessions import MainSet, RaceLeg, Session
from planforge.offline.engine.swim_sets import SwimSet
from planforge.offline.engine.text.lexicon import Lexicon
from planforge.offline.engine.text.notes import NOTES

DAY_MAX_CHARS: Final = 300
"""A draft day's limit (`DraftDay.session`)."""
_RIDE_KINDS = frozenset({"tempo-ride", "interval-ride", "hill-ride"})


def format_seconds(seconds: int) -> str:
    """`3 min` for whole minutes from 2 minutes up, else `60 s` / `90 s`."""
    return f"{seconds // 60} min" if seconds % 60 == 0 and seconds >= 120 else f"{seconds} s"


def format_length(meters: float) -> str:
    """`750 m`, `5 km`, `21.1 km`, `161 km`: metres under 2 km of swimming, else km to 0.1 (whole from 100 km)."""
    km = meters / 1000
    if km >= 100:
        return f"{round(km)} km"
    return f"{round(km, 1):g} km"


def race_meters(meters: float, sport: WorkoutType, named: bool = False) -> float:
    """The race length as its text states it (`format_length`, or metres for swims under 5 km); a race whose name
    gives its length (`named`) keeps its exact length."""
    if named:
        return meters
    if sport == "swim" and meters < 5000:
        return round(meters / 50) * 50.0
    km = meters / 1000
    return (round(km) if km >= 100 else round(km, 1)) * 1000.0


def _swim_length(meters: float) -> str:
    return f"{race_meters(meters, 'swim'):g} m" if meters < 5000 else format_length(meters)


def main_set_text(main: MainSet, lexicon: Lexicon, pace: str) -> str:
    """`20 min @ threshold (4:35/km)`, `6 x 3 min @ 5K pace w/ 2 min jog`."""
    effort = lexicon.efforts[main.effort]
    work = f"{format_seconds(main.work_seconds)} {effort}" + (f" ({pace})" if pace else "")
    if main.reps == 1 and not main.recovery_seconds:
        return work
    recovery = lexicon.recoveries[main.recovery].format(r=format_seconds(main.recovery_seconds))
    return f"{main.reps} x {work}{recovery}"


def names_length(leg: RaceLeg, lexicon: Lexicon) -> bool:
    """Whether the race's name states its length to the parser (no km written)."""
    return leg.first and leg.sport == "run" and leg.race_name in lexicon.named_lengths


def _race_text(leg: RaceLeg, lexicon: Lexicon) -> str:
    length = _swim_length(leg.meters) if leg.sport == "swim" else format_length(race_meters(leg.meters, leg.sport))
    if names_length(leg, lexicon):
        length = ""
    race = lexicon.race_other or lexicon.race if leg.sport != "run" else lexicon.race
    if not leg.first:
        return f"{race}: {lexicon.legs[leg.sport]} {length}"
    name = lexicon.race_names.get(leg.race_name, "")
    sport = f" {lexicon.legs[leg.sport]}" if leg.sport != "run" else ""
    label = f"{race}: {name}{sport}".rstrip()
    return f"{label} {length}".rstrip()


LIBRARY_MARK: Final = re.compile(r"\s*\[lib:([^\]\s]+)\]")
"""How a draft names the library workout a session is: "Tempo run 40 min [lib:ID]" (the library prompt's form)."""


def swim_set_text(meters: float, sets: SwimSet, lexicon: Lexicon) -> str:
    """`Swim 1500 m: 300 m warm-up, 4 x 50 m drills, 8 x 100 m w/ 20 s rest, 200 m cool-down`."""
    warm_up, drills, rest, cool_down = NOTES[lexicon.language].swim_words
    pace = " @ CSS" if sets.threshold else ""  # the critical swim speed: threshold pace, a word every swimmer reads
    main = f"{sets.reps} x {sets.rep_meters} m{pace}{rest.format(r=f'{sets.rest_seconds} s')}"
    return (f"{lexicon.swim} {_swim_length(meters)}: {sets.warm_up} m {warm_up}, {sets.drill_reps} x"
            f" {sets.drill_meters} m {drills}, {main}, {sets.cool_down} m {cool_down}")  # fmt: skip


def session_text(session: Session, lexicon: Lexicon, note: str = "", sets: SwimSet | None = None) -> str:
    """The session as the draft states it, with the coach's `note` (a strength session's exercises after a colon,
    any other note in brackets) and a swim's `sets`, a library workout followed by its id in brackets."""
    text = swim_set_text(session.meters, sets, lexicon) if sets is not None else _session_text(session, lexicon)
    if note:
        text = f"{text}: {note}" if session.kind == "strength" else f"{text} ({note})"
    return f"{text} [lib:{session.library}]" if session.library else text


def _session_text(session: Session, lexicon: Lexicon) -> str:
    if session.race is not None:
        return _race_text(session.race, lexicon)
    if session.kind == "swim":
        return f"{lexicon.swim} {_swim_length(session.meters)}"
    if session.run_walk is not None:
        walk = session.run_walk
        run, pause = format_seconds(walk.run_seconds), format_seconds(walk.walk_seconds)
        return lexicon.run_walk.format(total=session.minutes, reps=walk.reps, run=run, walk=pause)
    if session.main is not None:
        ride = session.kind in _RIDE_KINDS
        warm_up = lexicon.ride_warm_up if ride else lexicon.warm_up
        cool_down = lexicon.ride_cool_down if ride else lexicon.cool_down
        main = main_set_text(session.main, lexicon, session.pace)
        label = lexicon.structured[session.kind]
        return f"{label}: {session.warm_up} min {warm_up}, {main}, {session.cool_down} min {cool_down}"
    if session.kind == "brick-bike":
        return f"{lexicon.brick} {session.minutes} min"
    if session.kind == "long-ride" and session.meters:  # a cycling event's long ride states its distance too
        return f"{lexicon.timed[session.kind]} {session.minutes} min (~{format_length(session.meters)})"
    label = lexicon.timed.get(session.kind) or lexicon.structured[session.kind]  # a library workout: no main set
    return f"{label} {session.minutes} min"


def day_text(
    sessions: list[Session],
    lexicon: Lexicon,
    note: Callable[[Session], str] | None = None,
    sets: Mapping[int, SwimSet] | None = None,
) -> str:
    """A day's sessions joined with " + " (swims with their `sets`, by `id(session)`), each with its `note` while
    the day fits the draft's line; or the rest word."""
    sets = sets or {}
    if note is not None:
        noted = " + ".join(session_text(s, lexicon, note(s), sets.get(id(s))) for s in sessions)
        if noted and len(noted) <= DAY_MAX_CHARS:
            return noted
    return " + ".join(session_text(s, lexicon, sets=sets.get(id(s))) for s in sessions) or lexicon.rest
