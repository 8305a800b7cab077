"""How hard: the intensity distribution (Q1), quality sessions for the level, and the stated principle.

Intensity is measured on time: a session's minutes at moderate or high intensity are its quality blocks
when it has them (a warm-up is not hard work), else the whole of a quality session.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from pydantic_evals.evaluators import Evaluator, EvaluatorOutput

from planforge.coaching import LOADING_PATTERNS, LOW_INTENSITY_SHARE_FLOOR, POLARIZED, QUALITY_SESSIONS_PER_WEEK
from planforge.domain.requests import DraftRequest
from planforge.domain.vocabulary import RaceSport, WorkoutType
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
from planforge.evals.evaluators.knowledge import taper_start_week
from planforge.evals.evaluators.sessions import PlanView, Session, full_weeks
from planforge.evals.expectations import CaseExpectationsV2
from planforge.evals.schema import PlanOutcome

THRESHOLD_SUB_TYPES = frozenset({"tempo-run", "tempo-ride", "race-pace-run", "progression-run"})
"""Sessions at threshold or tempo (the polarized model's middle zone)."""

QUALITY_SPORTS: tuple[WorkoutType, ...] = ("run",)
"""Sports whose quality sessions are counted per week: running, the sport of the band's sources (Higdon's and
Pfitzinger's programmes). No source in the notes gives rides or swims a number per level (swim sessions are sets by
nature, and track and climbing rides are intervals by design): their intensity is judged by the distribution."""


RUNNING_RACES: frozenset[RaceSport] = frozenset({"run", "trail-run"})
"""Races whose plans the quality band applies to. A multi-sport plan's runs are no running programme: its brick
runs at race pace are transition practice, and no source in the notes gives it quality sessions per level."""


def low_share(sessions: list[Session]) -> float:
    """The share of training time at low intensity."""
    total = sum(s.minutes for s in sessions)
    return 1 - sum(s.hard_minutes for s in sessions) / total if total else 1.0


@dataclass
class IntensityDistribution(Evaluator[DraftRequest, PlanOutcome, CaseExpectationsV2]):
    """`intensity`: the share of training time at low intensity; `intensity.ok` when it is at least the
    knowledge's floor."""

    def evaluate(self, ctx: V2Context) -> EvaluatorOutput:
        training = plan_view(ctx).training
        if not training:
            return not_applicable("intensity", "the plan has no training")
        share = low_share(training)
        ok = share >= LOW_INTENSITY_SHARE_FLOOR
        why = f"{share:.0%} of the time easy, below {LOW_INTENSITY_SHARE_FLOOR:.0%}"
        return rounded({"intensity": share, "intensity.ok": verdict(ok, why)})


def quality_counts(view: PlanView, weeks: list[int]) -> dict[tuple[int, WorkoutType], int]:
    """Quality sessions per (week, sport), for the counted sports."""
    return {
        (week, sport): sum(s.is_quality and s.sport == sport for s in view.in_week(week))
        for week in weeks
        for sport in QUALITY_SPORTS
        if any(s.sport == sport for s in view.in_week(week))
    }


@dataclass
class QualitySessions(Evaluator[DraftRequest, PlanOutcome, CaseExpectationsV2]):
    """`quality`: the share of weeks holding no more quality runs than the level's band allows, in running
    plans (running races, or no race): the band's sources are running programmes.

    Measured: `quality.most_in_a_week`, `quality.mean_per_week`. Weeks from the taper on are not counted.
    """

    def evaluate(self, ctx: V2Context) -> EvaluatorOutput:
        expect = expectations(ctx)
        if expect.race is not None and expect.race.sport not in RUNNING_RACES:
            return not_applicable("quality", f"the band's sources are running programmes, not {expect.race.sport}")
        view = plan_view(ctx)
        taper = taper_start_week(expect)
        weeks = [w for w in full_weeks(view.weeks, race_week(ctx)) if taper is None or w < taper]
        counts = quality_counts(view, weeks)
        if not counts:
            return not_applicable("quality", "no full week of running before the taper")
        band = QUALITY_SESSIONS_PER_WEEK[ctx.inputs.level]
        over = [f"week {w} {sport} {n}" for (w, sport), n in counts.items() if n > band.max]
        return rounded(
            {
                "quality": 1 - len(over) / len(counts),
                "quality.most_in_a_week": float(max(counts.values())),
                "quality.mean_per_week": sum(counts.values()) / len(counts),
                "quality.ok": verdict(
                    not over, f"more than {band.max:g} quality sessions for a {ctx.inputs.level}: {', '.join(over[:4])}"
                ),
            }
        )


def threshold_share(sessions: list[Session]) -> float:
    total = sum(s.minutes for s in sessions)
    threshold = sum(s.minutes for s in sessions if s.workout.workout_sub_type in THRESHOLD_SUB_TYPES)
    return threshold / total if total else 0.0


def longest_build(weekly: list[float]) -> int:
    """The most consecutive weeks of build: weeks not lighter than the one before (week 1 counts as build)."""
    longest = streak = 1 if weekly else 0
    for before, now in pairwise(weekly):
        streak = 0 if now < before else streak + 1
        longest = max(longest, streak)
    return longest


@dataclass
class PrincipleAdherence(Evaluator[DraftRequest, PlanOutcome, CaseExpectationsV2]):
    """`principle`: the share of the principle's checkable claims the plan keeps.

    polarized: `principle.threshold_share` at most the polarized model's maximum; 3:1 or 2:1 loading:
    `principle.longest_build` (weeks without a step back, before the taper) at most the pattern's build weeks.
    """

    def evaluate(self, ctx: V2Context) -> EvaluatorOutput:
        expect = expectations(ctx)
        view = plan_view(ctx)
        result: dict[str, Reported] = {}
        broken: list[str] = []
        kept = checked = 0
        if "polarized" in expect.principle and view.training:
            share = threshold_share(view.training)
            result["principle.threshold_share"] = share
            checked += 1
            if share <= POLARIZED.threshold_share_max:
                kept += 1
            else:
                broken.append(f"polarized but {share:.0%} of the time at threshold")
        for name in ("3:1", "2:1"):
            if f"{name}-loading" not in expect.principle:
                continue
            taper = taper_start_week(expect)
            weekly = view.weekly_minutes()[: (taper - 1) if taper else view.weeks]
            pattern = LOADING_PATTERNS[name]
            if len(weekly) <= pattern.cycle_weeks:
                continue
            build = longest_build(weekly)
            result["principle.longest_build"] = float(build)
            checked += 1
            if build <= pattern.build_weeks:
                kept += 1
            else:
                broken.append(f"{name} loading but {build} weeks without a step back")
        if not checked:
            return not_applicable("principle", "the principle states nothing checkable for this plan")
        result["principle"] = kept / checked
        result["principle.ok"] = verdict(not broken, "; ".join(broken))
        return rounded(result)
