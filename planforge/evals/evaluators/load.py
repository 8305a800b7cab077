"""Weekly load: how fast it grows (Q3) and whether the peak week is plausible for the race and level."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic_evals.evaluators import Evaluator, EvaluatorOutput

from planforge.coaching import FAR_OUTSIDE_RATIO, peak_weekly_volume, weekly_growth_status
from planforge.domain.requests import DraftRequest
from planforge.evals.evaluators.base import (
    Reported,
    V2Context,
    expectations,
    not_applicable,
    plan_view,
    race_week,
    rounded,
    verdict,
)
from planforge.evals.evaluators.knowledge import race_of
from planforge.evals.evaluators.sessions import PlanView
from planforge.evals.expectations import CaseExpectationsV2
from planforge.evals.schema import PlanOutcome
from planforge.quality.measures import SECONDS_PER_KM

LOOK_BACK_WEEKS = 4
"""Weeks a week's load is compared with: the 30 days of the spike rule's window, in whole weeks."""


def growth_failures(weekly: list[float]) -> tuple[float, list[str]]:
    """The largest two-week growth, and the weeks whose growth fails.

    Lighter weeks do not lower the reference: each week is compared with the heaviest of the four weeks before
    it (the 30 days the spike rule looks back on, Frandsen 2025) ending one (two) weeks back, so returning to a
    load held within the last month (after a step-back week, or a B race and its recovery week) is no growth;
    a steady build is compared with the week (two weeks) before, as Nielsen 2014 measured it.
    """
    worst, failing = 0.0, list[str]()
    for index in range(1, len(weekly)):
        one_back = max(weekly[max(0, index - LOOK_BACK_WEEKS) : index])
        two_back = max(weekly[max(0, index - LOOK_BACK_WEEKS - 1) : index - 1]) if index >= 2 else None
        if one_back <= 0:
            continue
        if two_back:
            worst = max(worst, weekly[index] / two_back - 1)
        if weekly_growth_status(weekly[index], one_back, two_back or None) == "fail":
            reference = two_back or one_back
            failing.append(f"week {index + 1} ({weekly[index] / 60:.1f} h after {reference / 60:.1f} h)")
    return worst, failing


@dataclass
class LoadProgression(Evaluator[DraftRequest, PlanOutcome, CaseExpectationsV2]):
    """`progression`: the share of weeks whose training time does not grow too fast over two weeks.

    Measured: `progression.worst_two_week_growth` (0.3 = 30 %), `progression.peak_hours`, `progression.first_hours`.
    """

    def evaluate(self, ctx: V2Context) -> EvaluatorOutput:
        view = plan_view(ctx)
        weekly = view.weekly_minutes()
        if len(weekly) < 2:
            return not_applicable("progression", "a one-week plan has no progression")
        worst, failing = growth_failures(weekly)
        return rounded(
            {
                "progression": 1 - len(failing) / (len(weekly) - 1),
                "progression.worst_two_week_growth": worst,
                "progression.peak_hours": max(weekly) / 60,
                "progression.first_hours": weekly[0] / 60,
                "progression.ok": verdict(not failing, f"load grows too fast in {', '.join(failing[:4])}"),
            }
        )


def run_km(view: PlanView, week: int) -> float:
    """A week's running in km (sessions given by time at the reference running pace)."""
    return sum(
        s.km if s.km is not None else s.minutes * 60 / SECONDS_PER_KM["run"]
        for s in view.in_week(week)
        if s.sport == "run"
    )


def current_volume(expect: CaseExpectationsV2) -> tuple[float, float]:
    """The running km and training hours a week the athlete already does (0 when the request states none).

    A plan need not cut the load an athlete already carries: the published programmes are picked by the mileage
    a runner starts from (Pfitzinger & Douglas's 18/55 and 18/70; Q11's prerequisites), so the plausible peak
    week is never below it. Hours from km are at the reference running pace.
    """
    volume = expect.current_volume
    if volume is None:
        return 0.0, 0.0
    km = volume.km_per_week if volume.km_per_week is not None and volume.sport == "run" else 0.0
    hours = volume.minutes_per_week / 60 if volume.minutes_per_week is not None else 0.0
    if volume.km_per_week is not None:
        hours = max(hours, volume.km_per_week * SECONDS_PER_KM[volume.sport] / 3600)
    return km, hours


@dataclass
class WeeklyVolume(Evaluator[DraftRequest, PlanOutcome, CaseExpectationsV2]):
    """`volume`: whether the peak week stays within the plausible peak week for the race and level, widened by
    the knowledge's far-outside ratio (far above it fails; below it is reported, not failed: a short plan may
    never reach the peak). The athlete's stated current volume raises the plausible peak to it.
    Measured: `volume.peak_hours`, `volume.peak_run_km` (running races)."""

    def evaluate(self, ctx: V2Context) -> EvaluatorOutput:
        race = race_of(expectations(ctx))
        if race is None:
            return not_applicable("volume", "no race: no published peak week to compare with")
        plausible = peak_weekly_volume(race, ctx.inputs.level)
        if plausible.hours is None and plausible.run_km is None:
            return not_applicable("volume", f"no published peak week for {race.distance}")
        view = plan_view(ctx)
        last = race_week(ctx) or view.weeks
        weeks = range(1, last + 1)
        result: dict[str, Reported] = {}
        over: list[str] = []
        current_km, current_hours = current_volume(expectations(ctx))
        if plausible.hours is not None:
            hours = max(view.weekly_minutes()[:last] or [0.0]) / 60
            result["volume.peak_hours"] = hours
            if hours > max(plausible.hours.max, current_hours) * FAR_OUTSIDE_RATIO:
                over.append(f"{hours:.1f} h a week (plausible {plausible.hours.min:g}–{plausible.hours.max:g} h)")
        if plausible.run_km is not None:
            km = max(run_km(view, week) for week in weeks)
            result["volume.peak_run_km"] = km
            if km > max(plausible.run_km.max, current_km) * FAR_OUTSIDE_RATIO:
                over.append(f"{km:.0f} km a week (plausible {plausible.run_km.min:g}–{plausible.run_km.max:g} km)")
        result["volume"] = 0.0 if over else 1.0
        result["volume.ok"] = verdict(not over, f"peak week far too big: {', '.join(over)}")
        return rounded(result)
