"""The race (rule Q17): there, of the requested sport and distance, on the requested day and date, and last.

The target race is the race session on the expected week and day, else the plan's last race. Its sport is
the workout's type, or the words of its line for what a conversion keeps as one session (a triathlon,
a gran fondo); its length the workout's distance, else the distance its words name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from pydantic_evals.evaluators import Evaluator, EvaluatorOutput

from planforge.coaching.races import race_for
from planforge.domain.requests import DraftRequest
from planforge.domain.vocabulary import RaceDistance, RaceSport, WorkoutType
from planforge.evals.evaluators.base import (
    V2Context,
    checked,
    expectations,
    not_applicable,
    plan_view,
    rounded,
    verdict,
)
from planforge.evals.evaluators.sessions import PlanView, Session
from planforge.evals.expectations import CaseExpectationsV2, RaceExpectation
from planforge.evals.schema import PlanOutcome

LENGTH_TOLERANCE: Final = 0.10
"""A race length within 10 % of the expected one is the right distance (course lengths are rounded)."""

_MULTISPORT: Final[dict[RaceSport, re.Pattern[str]]] = {
    "triathlon": re.compile(r"tria(?:thlon|tlon|tlo)|ironman|\b70\.3\b"),
    "duathlon": re.compile(r"dua(?:thlon|tlon|tlo)"),
}
_CYCLING_EVENT: Final = re.compile(
    r"gran\s*fondo|granfondo|sportive|cyclosportive|century|radmarathon|jedermann|cicloturist|marcha cicloturista"
    r"|toertocht|fietstocht|\bride\b|\bbike\b|\bcycl|\bvelo\b|\brad\b|\bbici"
)
_TRAIL: Final = re.compile(r"trail|ultra|berg|montagne|montana|monta|sentier")
_NAMED_DISTANCE: Final[tuple[tuple[RaceDistance, re.Pattern[str]], ...]] = (
    ("ironman", re.compile(r"\bfull\b|ironman(?!\s*70\.3)(?!\s*half)|langdistanz|\b226\b")),
    ("half-ironman", re.compile(r"70\.3|half[\s-]*ironman|halb|mitteldistanz|\bhalf\b|\bdemi\b|\bmedio\b|\bmezzo\b")),
    ("olympic-triathlon", re.compile(r"olymp|olimp|kurzdistanz|standard|\b51\.5\b|\b1[.,]5\s*km")),
    ("sprint-triathlon", re.compile(r"sprint|\b750\s*m\b")),
)
_SPORTS_OF: Final[dict[RaceSport, frozenset[WorkoutType]]] = {
    "run": frozenset({"run"}),
    "trail-run": frozenset({"run"}),
    "bike": frozenset({"bike"}),
    "swim": frozenset({"swim"}),
}


def target_race(view: PlanView, expected: RaceExpectation) -> Session | None:
    """The race session on the expected week and day, else the last race of the plan."""
    on_day = [s for s in view.races if s.week == expected.week and s.day == expected.day]
    if on_day:
        return on_day[0]
    return view.races[-1] if view.races else None


def sport_matches(race: Session, day_races: list[Session], sport: RaceSport) -> bool:
    """Whether the race is of `sport`: by workout type, or by the words of a multi-sport or cycling event."""
    if sport in _MULTISPORT:
        legs = {s.sport for s in day_races}
        wanted = {"swim", "bike", "run"} if sport == "triathlon" else {"bike", "run"}
        return bool(_MULTISPORT[sport].search(race.text)) or wanted <= legs
    if any(p.search(race.text) for p in _MULTISPORT.values()):
        return False
    if sport == "bike" and _CYCLING_EVENT.search(race.text):
        return True
    if race.sport not in _SPORTS_OF[sport]:
        return False
    return sport != "trail-run" or bool(_TRAIL.search(race.text))


def race_length_km(race: Session, day_races: list[Session], expected: RaceExpectation) -> float | None:
    """The race's length: a multi-sport race's named distance, else the session's (or the day's) distance."""
    if expected.sport in _MULTISPORT:
        for distance, pattern in _NAMED_DISTANCE:
            if pattern.search(race.text):
                return race_for(distance).total_km
        legs = [s.km for s in day_races if s.km is not None]
        return sum(legs) if len(legs) >= 2 else None
    return race.km


@dataclass
class RaceCheck(Evaluator[DraftRequest, PlanOutcome, CaseExpectationsV2]):
    """`race`: the share of race checks met (found, sport, distance, week and day, date, nothing after).

    Measured: `race.distance_km` (the race's length as planned), `race.sessions_after` (sessions after it),
    `race.races` (race sessions in the plan). Cases without a race report it did not apply.
    """

    def evaluate(self, ctx: V2Context) -> EvaluatorOutput:
        expected = expectations(ctx).race
        if expected is None:
            return not_applicable("race", "the request names no race")
        view = plan_view(ctx)
        race = target_race(view, expected)
        if race is None:
            return rounded({"race": 0.0, "race.races": 0.0, "race.found.ok": verdict(False, "no race in the plan")})
        day_races = [s for s in view.races if s.plan_day == race.plan_day]
        length = race_length_km(race, day_races, expected)
        wanted = race_for(expected.distance, expected.distance_km, expected.sport).total_km
        after = [s for s in view.sessions if s.plan_day > race.plan_day]
        where = f"race {race.workout.workout_name!r} (week {race.week} {race.day})"
        checks = {
            "found": (True, ""),
            "sport": (sport_matches(race, day_races, expected.sport), f"{where} is not a {expected.sport} race"),
            "distance": (
                length is not None and abs(length - wanted) <= LENGTH_TOLERANCE * wanted,
                f"{where} is {'of no stated length' if length is None else f'{length:g} km'}, not {wanted:g} km",
            ),
            "day": (
                race.week == expected.week and race.day == expected.day,
                f"{where}: wanted week {expected.week} {expected.day}",
            ),
            "last": (not after, f"{len(after)} session(s) after {where}"),
        }
        planned_date = getattr(race.workout, "date", None)
        if expected.date is not None and planned_date is not None:
            checks["date"] = (planned_date == expected.date, f"{where} is on {planned_date}, not {expected.date}")
        result = checked("race", checks)
        if length is not None:
            result["race.distance_km"] = length
        result["race.sessions_after"] = float(len(after))
        result["race.races"] = float(len(view.races))
        return rounded(result)
