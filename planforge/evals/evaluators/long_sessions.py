"""The long sessions: the peak against the knowledge table (Q16), and single-session spikes (Q4).

Far too short fails as much as far too long: a marathon plan that never runs past 21 km is as wrong as one
that runs 45 km. Spikes are judged only on sessions whose whole look-back window lies inside the plan: before
that, the athlete's own recent sessions (unknown to the plan) are the reference. Spikes are judged on runs only:
the rule's source (Frandsen ... Nielsen 2025, BJSM) followed runners; no source gives rides or swims a limit, and
a ride far past the plan's longest is judged by `peak_long` and `session_sizes`.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from dataclasses import dataclass

from pydantic_evals.evaluators import Evaluator, EvaluatorOutput

from planforge.coaching import (
    SPIKE_WINDOW_DAYS,
    LongSessionFit,
    PeakLongSession,
    peak_long_sessions,
    spike_status,
    taper_days,
)
from planforge.coaching.long_sessions import FITS
from planforge.domain.requests import DraftRequest
from planforge.domain.vocabulary import WorkoutType
from planforge.evals.evaluators.base import (
    Reported,
    V2Context,
    expectations,
    not_applicable,
    plan_view,
    rounded,
    verdict,
)
from planforge.evals.evaluators.knowledge import race_of, race_plan_day
from planforge.evals.evaluators.sessions import PlanView, Session
from planforge.evals.expectations import CaseExpectationsV2
from planforge.evals.schema import PlanOutcome

FAILING_FITS: frozenset[LongSessionFit] = frozenset({"far-too-short", "far-too-long"})

SPIKE_SPORTS: tuple[WorkoutType, ...] = ("run",)
"""The sports single-session spikes are judged on: running, the sport of the rule's cohort."""


def _closest_to_within(fits: list[LongSessionFit]) -> LongSessionFit:
    middle = FITS.index("within")
    return min(fits, key=lambda fit: abs(FITS.index(fit) - middle))


def peak_fit(sessions: list[Session], peak: PeakLongSession) -> tuple[LongSessionFit | None, float, float | None]:
    """How the plan's longest session of the leg fits the peak band: (fit, its minutes, its km).

    For an ultra's back-to-back peak, the best of the longest single session and the longest weekend pair.
    """
    if not sessions:
        return "far-too-short", 0.0, None
    longest = max(sessions, key=lambda s: s.minutes)
    km = max((s.km for s in sessions if s.km is not None), default=None)
    fit = peak.fit(minutes=longest.minutes, km=km)
    if fit is None:
        return None, longest.minutes, km
    if peak.back_to_back:
        by_day = {s.plan_day: s.minutes for s in sessions}
        pairs = [by_day[d] + by_day[d + 1] for d in by_day if d + 1 in by_day]
        if pairs and (pair_fit := peak.fit(minutes=max(pairs))) is not None:
            fit = _closest_to_within([fit, pair_fit])
    return fit, longest.minutes, km


@dataclass
class LongSessionPeak(Evaluator[DraftRequest, PlanOutcome, CaseExpectationsV2]):
    """`peak_long`: the share of the race's legs whose longest session fits its published peak band.

    Measured per leg: `peak_long.<leg>_minutes`, `peak_long.<leg>_km` and the label `peak_long.<leg>`
    (far-too-short, short, within, long, far-too-long). `peak_long.ok` unless a leg is far outside its band.
    Applies to race plans with training before the longest taper the race may have: the published peaks are
    reached before the taper, so a plan that starts inside it (race week only, the last two weeks of a half
    marathon) holds no peak to judge; its race-week sessions are judged by `taper` instead.
    """

    def evaluate(self, ctx: V2Context) -> EvaluatorOutput:
        expect = expectations(ctx)
        race, race_day = race_of(expect), race_plan_day(expect)
        if race is None or race_day is None:
            return not_applicable("peak_long", "the request names no race")
        view = plan_view(ctx)
        before = [s for s in view.training if s.plan_day < race_day]
        if not before:
            return not_applicable("peak_long", "the plan has no training before the race")
        taper_start = race_day - math.ceil(taper_days(race).max)
        if not any(s.plan_day < taper_start for s in before):
            return not_applicable("peak_long", "the plan starts inside the taper: the peak lies before it")
        result: dict[str, Reported] = {}
        failed: list[str] = []
        fitting = 0
        peaks = peak_long_sessions(race, ctx.inputs.level)
        for peak in peaks:
            fit, minutes, km = peak_fit([s for s in before if s.sport == peak.leg], peak)
            result[f"peak_long.{peak.leg}_minutes"] = minutes
            if km is not None:
                result[f"peak_long.{peak.leg}_km"] = km
            result[f"peak_long.{peak.leg}"] = fit or "not comparable"
            fitting += fit is not None and fit not in FAILING_FITS
            if fit in FAILING_FITS:
                failed.append(f"{peak.leg} {fit} ({minutes:.0f} min{f', {km:.1f} km' if km else ''})")
        result["peak_long"] = fitting / len(peaks)
        result["peak_long.ok"] = verdict(not failed, f"peak long session {', '.join(failed)}")
        return rounded(result)


def spikes(view: PlanView) -> tuple[int, float, list[str]]:
    """Sessions judged, the largest jump over the window's longest, and the sessions that fail."""
    judged, worst, failing = 0, 0.0, list[str]()
    by_sport = {sport: view.of_sport(sport) for sport in SPIKE_SPORTS}
    days = {sport: [s.plan_day for s in sessions] for sport, sessions in by_sport.items()}
    for session in view.training:
        if session.plan_day < SPIKE_WINDOW_DAYS or session.sport not in by_sport:
            continue
        same = by_sport[session.sport]
        start = bisect_left(days[session.sport], session.plan_day - SPIKE_WINDOW_DAYS)
        window = same[start : bisect_left(days[session.sport], session.plan_day)]
        if not window:
            continue
        judged += 1
        use_km = session.km is not None and all(s.km is not None for s in window)
        size = session.km if use_km and session.km is not None else session.minutes
        longest = max((s.km or 0.0) if use_km else s.minutes for s in window)
        if longest <= 0:
            continue
        jump = size / longest - 1
        worst = max(worst, jump)
        if spike_status(size, longest) == "fail":
            failing.append(f"week {session.week} {session.day} {session.sport} +{jump:.0%}")
    return judged, worst, failing


@dataclass
class SessionSpikes(Evaluator[DraftRequest, PlanOutcome, CaseExpectationsV2]):
    """`spikes`: the share of judged runs that do not spike past the longest run of the previous 30 days.

    Measured: `spikes.worst` (the largest jump, 0.5 = 50 % longer), `spikes.judged`. Applies to plans longer
    than the look-back window.
    """

    def evaluate(self, ctx: V2Context) -> EvaluatorOutput:
        judged, worst, failing = spikes(plan_view(ctx))
        if not judged:
            return not_applicable("spikes", f"no session has {SPIKE_WINDOW_DAYS} days of the plan before it")
        return rounded(
            {
                "spikes": 1 - len(failing) / judged,
                "spikes.worst": worst,
                "spikes.judged": float(judged),
                "spikes.ok": verdict(not failing, f"spikes: {', '.join(failing[:5])}"),
            }
        )


@dataclass
class LongSessionShare(Evaluator[DraftRequest, PlanOutcome, CaseExpectationsV2]):
    """Information only, never a failure (Q5): `long_share`, the largest share of a week in one session."""

    def evaluate(self, ctx: V2Context) -> EvaluatorOutput:
        view = plan_view(ctx)
        shares = [
            max(s.minutes for s in week) / total
            for w in range(1, view.weeks + 1)
            if (week := view.in_week(w)) and (total := sum(s.minutes for s in week)) > 0
        ]
        if not shares:
            return not_applicable("long_share", "the plan has no training")
        return rounded({"long_share": max(shares)})
