"""Race days as coaches write them, in the seven request languages and the Nordic and Slavic ones:

    Race day: 10K (10 km) - goal 46:59, 4:41/km, negative split if you can
    Wettkampftag: Halbmarathon (21,1 km) - Ziel 1:55, bergab kurze Schritte
    Race day: 100 km mountain ultra (100 km, ~5,000 m D+) - walk the climbs from the start
    Race day: Olympic triathlon (1.5 km swim, 40 km bike, 10 km run)
    Event day: Gran fondo 160 km with 3200 m of climbing

A race-day label ("Race day:", "Jour de course :", "Día de carrera:", "Wettkampftag:", "Giorno di gara:", "Dia de
prova:", "Wedstrijddag:", "Event day:", "Race:" …) makes the session a race, whatever its advice says ("walk the
climbs", "2 km warm-up", "gel every 30 min"): the advice after a spaced dash is the coach's words, kept in the
description, not the race. The race's sport is the one its name states (a gran fondo is a ride, an open-water
swim a swim), else the plan's sport, else a run; its distance is the first one the name states, else the one a
race name implies ("Half marathon"); its duration is the goal time ("goal 3:35", "Ziel unter 45:00"), if any.

A multi-sport race is one race session per leg, as the offline coach writes it: the legs it lists ("(1.5 km swim,
40 km bike, 10 km run)"), or, when it lists none, the standard legs of the triathlon it names ("Olympic
triathlon").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from planforge.coaching import race_for
from planforge.domain.vocabulary import RaceDistance, WorkoutType
from planforge.drafttext.context import NO_CONTEXT, PlanContext
from planforge.drafttext.days import fold
from planforge.offline.parser.classify import sport_named
from planforge.offline.parser.distances import find_distances, race_distance
from planforge.offline.parser.durations import find_durations
from planforge.offline.parser.parsed import ParsedSession

_RACE_LABEL: Final = re.compile(
    r"^\W*(?:(?:a|b|c)[\s-]+)?(?:race[\s-]*day|race|event[\s-]*day|event|tune[\s-]*up race|wettkampftag|wettkampf|"
    r"renntag|rennen|jour de (?:la )?course|jour j|competition|compet|dia de (?:la )?carrera|carrera|competicion|"
    r"giorno (?:di|della) gara|gara|dia (?:de|da) prova|prova|wedstrijddag|wedstrijd|racedag|dzien (?:startu|zawodow)|"
    r"zawody|tavlingsdag|tavling|lopsdag|konkurrencedag|konkurrence|stevnedag|den zavodu|zavod)"
    r"\s*(?:\([^)]*\)\s*)?[:!]\s*"
)
# What ends the race's own words: advice after a spaced dash or a sentence end.
_ADVICE: Final = re.compile(r"\s[-–—]\s|\.\s|;\s|!\s")
_GOAL: Final = re.compile(
    r"\b(?:goal|target|aim|ziel|zielzeit|objectif|objetivo|obiettivo|doel|meta|alvo|cel|mal|cil)\b[^,;]{0,20}?"
)
_LEG_SPORTS: Final[tuple[WorkoutType, ...]] = ("swim", "bike", "run")
_MULTISPORT: Final[tuple[tuple[re.Pattern[str], RaceDistance, tuple[WorkoutType, ...]], ...]] = (
    (re.compile(r"sprint[\s-]*tri"), "sprint-triathlon", ("swim", "bike", "run")),
    (re.compile(r"olymp\w*[\s-]*(?:distance\s+)?tri|tri\w*\s+olymp|standard[\s-]*tri"), "olympic-triathlon",
     ("swim", "bike", "run")),
    (re.compile(r"70\.3|half[\s-]*iron|halve[\s-]*tri|meio[\s-]*iron|mezzo[\s-]*iron|medio[\s-]*iron|mitteldistanz"
                r"|half[\s-]*distance"), "half-ironman", ("swim", "bike", "run")),
    (re.compile(r"iron\s*man|full[\s-]*distance|langdistanz|hele[\s-]*tri"), "ironman", ("swim", "bike", "run")),
)  # fmt: skip
_MULTISPORT_WORD: Final = re.compile(r"tria(?:th|t)lon|duathlon|duatlon|duatlo|aquathlon|iron\s*man|70\.3")


@dataclass(frozen=True)
class _Leg:
    sport: WorkoutType
    meters: float | None


def is_race_day(folded: str) -> bool:
    """Whether a session text starts with a race-day label ("Race day:", "Wettkampftag:", …)."""
    return _RACE_LABEL.match(folded) is not None


def _outside_brackets(folded: str, start: int) -> int:
    """Where the race's own words end: the first advice mark outside parentheses after `start`."""
    depth = 0
    for position in range(start, len(folded)):
        char = folded[position]
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and _ADVICE.match(folded, position):
            return position
    return len(folded)


def _goal_seconds(folded: str) -> int | None:
    """The goal time ("goal 3:35", "Ziel unter 45:00", "objetivo sub 3:00") in seconds, if stated."""
    goal = _GOAL.search(folded)
    if goal is None:
        return None
    durations = find_durations(folded[goal.end() : goal.end() + 24])
    return round(durations[0].value) if durations and durations[0].start <= 16 else None


def _listed_legs(race: str) -> list[_Leg]:
    """The legs a race lists with their lengths ("1.5 km swim, 40 km bike, 10 km run"), in order."""
    legs: list[_Leg] = []
    for item in re.split(r",(?!\d)|[;+/]|\s(?:and|und|et|y|e|en)\s", race):
        sport = sport_named(item, by_default=False)
        distances = find_distances(item)
        if sport in _LEG_SPORTS and distances:
            legs.append(_Leg(sport, distances[0].value))
    return legs


def _standard_legs(race: str) -> list[_Leg]:
    """The legs of a named triathlon ("Olympic triathlon"), with their standard lengths; [] for any other race."""
    for pattern, distance, sports in _MULTISPORT:
        if pattern.search(race):
            known = race_for(distance)
            lengths = {"swim": known.swim_km, "bike": known.bike_km, "run": known.run_km}
            return [_Leg(sport, lengths[sport] * 1000) for sport in sports]
    return []


def _session(text: str, sport: WorkoutType, meters: float | None, seconds: int | None) -> ParsedSession:
    return ParsedSession(
        day="Monday",  # replaced by the caller
        text=text,
        workout_type=sport,
        workout_sub_type="race",
        duration_seconds=seconds,
        distance_meters=round(meters, 1) if meters else None,
        explicit_duration=seconds is not None,
        explicit_distance=meters is not None,
        content_blocks=[],
        optional=False,
        confident=True,
    )


_PARENTHESES: Final = re.compile(r"\([^()]*+\)?")


def _race_sport(race: str) -> WorkoutType | None:
    """The sport a race's name states: its words outside brackets first ("parkrun 5K (5 min brisk walk to warm up)"
    is a run); in brackets, only a sport that is raced ("(1.5 km swim, …)")."""
    outside = sport_named(_PARENTHESES.sub(" ", race), by_default=False)
    if outside is not None:
        return outside
    inside = sport_named(race, by_default=False)
    return inside if inside in _LEG_SPORTS else None


def race_day_sessions(text: str, *, context: PlanContext = NO_CONTEXT) -> list[ParsedSession] | None:
    """The race sessions of a text that starts with a race-day label (one per leg of a multi-sport race), or None
    for any other text (see the module docstring)."""
    folded = fold(text)
    label = _RACE_LABEL.match(folded)
    if label is None:
        return None
    end = _outside_brackets(folded, label.end())
    race, advice = folded[label.end() : end], folded[end:]
    goal = _goal_seconds(race) or _goal_seconds(advice)
    sport = _race_sport(race)
    if _MULTISPORT_WORD.search(race) or sport is None:
        legs = _listed_legs(race)
        if len(legs) < 2 and sport is None and not find_distances(race):
            legs = _standard_legs(race)
        if len(legs) >= 2:
            return [_session(text, leg.sport, leg.meters, None) for leg in legs]
    sport = sport or context.default_sport or "run"
    distances = find_distances(race)
    meters = distances[0].value if distances else race_distance(race)
    durations = find_durations(race)
    seconds = goal if goal is not None else (round(durations[0].value) if durations and meters is None else None)
    return [_session(text, sport, meters, seconds)]
