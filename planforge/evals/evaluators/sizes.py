"""Session sizes per sport (swim metres per session and per day, the longest plausible session of each leg)
and a never-runner's first weeks (run/walk, NHS Couch to 5K)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Final

from pydantic_evals.evaluators import Evaluator, EvaluatorOutput

from planforge.coaching import (
    MAX_SWIMS_PER_DAY,
    NOVICE_ONSET,
    fit_in_band,
    longest_plausible_session,
    swim_session_m,
)
from planforge.coaching.races import LEGS, Leg
from planforge.domain.requests import DraftRequest
from planforge.evals.evaluators.base import (
    Reported,
    V2Context,
    expectations,
    not_applicable,
    plan_view,
    rounded,
    verdict,
)
from planforge.evals.evaluators.knowledge import race_of
from planforge.evals.expectations import CaseExpectationsV2
from planforge.evals.schema import PlanOutcome

METRES_PER_KM: Final = 1000


@dataclass
class SessionSizes(Evaluator[DraftRequest, PlanOutcome, CaseExpectationsV2]):
    """`session_sizes`: the share of sessions within the size limits of their sport.

    Swims: no more than the knowledge's swims a day, none far above the race's peak swim band; every leg of the
    race: no session past the longest plausible one. Measured: `session_sizes.longest_swim_m`,
    `session_sizes.most_swims_a_day`.
    """

    def evaluate(self, ctx: V2Context) -> EvaluatorOutput:
        view = plan_view(ctx)
        race = race_of(expectations(ctx))
        swims = view.of_sport("swim")
        legs: list[Leg] = [leg for leg in LEGS if race is not None and leg in race.legs]
        judged = [s for s in view.training if s.sport == "swim" or s.sport in legs]
        if not judged:
            return not_applicable("session_sizes", "no swim and no session of a race leg")
        problems: list[str] = []
        swim_band = swim_session_m(race) if race is not None else None
        for swim in swims:
            metres = swim.km * METRES_PER_KM if swim.km is not None else None
            if swim_band is not None and metres is not None and fit_in_band(metres, swim_band) == "far-too-long":
                problems.append(f"week {swim.week} {swim.day} swim {metres:.0f} m")
        per_day = Counter(s.plan_day for s in swims)
        crowded = [day for day, count in per_day.items() if count > MAX_SWIMS_PER_DAY]
        problems += [f"{per_day[day]} swims on day {day + 1}" for day in crowded]
        for leg in legs:
            assert race is not None
            limit = longest_plausible_session(race, leg)
            for session in (s for s in judged if s.sport == leg):
                if limit is not None and not limit.allows(minutes=session.minutes, km=session.km):
                    problems.append(f"week {session.week} {session.day} {leg} {session.minutes:.0f} min")
        result: dict[str, Reported] = {
            "session_sizes": 1 - min(len(problems), len(judged)) / len(judged),
            "session_sizes.most_swims_a_day": float(max(per_day.values(), default=0)),
            "session_sizes.ok": verdict(not problems, f"oversized: {', '.join(problems[:5])}"),
        }
        longest = max((s.km for s in swims if s.km is not None), default=None)
        if longest is not None:
            result["session_sizes.longest_swim_m"] = longest * METRES_PER_KM
        return rounded(result)


@dataclass
class NoviceOnset(Evaluator[DraftRequest, PlanOutcome, CaseExpectationsV2]):
    """`novice`: for someone who has never run, the share of early runs no longer than the continuous run the
    knowledge allows that week (a run/walk session alternates short bouts and passes). Measured:
    `novice.longest_continuous_minutes` over the programme's weeks."""

    def evaluate(self, ctx: V2Context) -> EvaluatorOutput:
        volume = expectations(ctx).current_volume
        if volume is None or not volume.never_trained or volume.sport != "run":
            return not_applicable("novice", "the athlete is not a never-runner")
        early = [s for s in plan_view(ctx).of_sport("run") if s.week <= NOVICE_ONSET.weeks]
        if not early:
            return not_applicable("novice", "no run in the first weeks")
        continuous = [s for s in early if not s.is_run_walk]
        too_long = [
            f"week {s.week} {s.day} {s.minutes:.0f} min"
            for s in continuous
            if not NOVICE_ONSET.allows_continuous_run(s.week, s.minutes)
        ]
        return rounded(
            {
                "novice": 1 - len(too_long) / len(early),
                "novice.longest_continuous_minutes": max((s.minutes for s in continuous), default=0.0),
                "novice.ok": verdict(
                    not too_long, f"continuous runs too long for a never-runner: {', '.join(too_long[:4])}"
                ),
            }
        )
