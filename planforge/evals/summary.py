"""A model's figures over its case runs: per run first, then the mean and spread over repeated runs.

With `--repeat N` each case runs N times. Each run gets its own figures (mean score per evaluator, completion,
pass rate, latency p50/p95); the summary is their mean, and `Spread` says how far the runs were apart, so a
difference between two models can be read against the noise of one. A case's outcome over its runs is `pass`
(every run passed), `fail` (none did) or `flaky`.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from functools import reduce
from typing import Literal

from planforge.evals.evaluators import MAIN_SCORES
from planforge.evals.metering import Spend
from planforge.evals.results import COMPLETION, LATENCY_P50, LATENCY_P95, PASS_RATE, CaseResult, ModelSummary, Spread

CaseStatus = Literal["pass", "fail", "flaky"]


def percentile(values: Sequence[float], share: float) -> float | None:
    """Nearest-rank percentile (share 0.5 → median); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def spread(values: Sequence[float]) -> Spread:
    """Mean, sample standard deviation (0 for one value), min and max of `values` (at least one)."""
    return Spread(
        mean=round(statistics.fmean(values), 4),
        stdev=round(statistics.stdev(values), 4) if len(values) > 1 else 0.0,
        min=round(min(values), 4),
        max=round(max(values), 4),
    )


def run_figures(cases: Sequence[CaseResult]) -> dict[str, float]:
    """One run's figures: mean of each main score, completion, pass rate, latency p50 and p95."""
    figures: dict[str, float] = {}
    for name in MAIN_SCORES:
        values = [case.scores[name] for case in cases if name in case.scores]
        if values:
            figures[name] = statistics.fmean(values)
    total = len(cases) or 1
    figures[COMPLETION] = sum(case.error is None for case in cases) / total
    figures[PASS_RATE] = sum(case.passed for case in cases) / total
    seconds = [case.seconds for case in cases if case.error is None and case.seconds is not None]
    for key, share in ((LATENCY_P50, 0.5), (LATENCY_P95, 0.95)):
        if (value := percentile(seconds, share)) is not None:
            figures[key] = value
    return figures


def summarize(cases: Sequence[CaseResult]) -> ModelSummary:
    """The mean and spread over runs of each run's figures, flaky cases, evaluator errors, and what was spent."""
    runs = sorted({case.run for case in cases}) or [1]
    per_run = [run_figures([case for case in cases if case.run == run]) for run in runs]
    keys = list(dict.fromkeys(key for figures in per_run for key in figures))
    spreads = {key: spread([figures[key] for figures in per_run if key in figures]) for key in keys}
    latency = {LATENCY_P50, LATENCY_P95}
    return ModelSummary(
        runs=len(runs),
        scores={key: value.mean for key, value in spreads.items() if key not in latency},
        spread=spreads,
        latency_p50=spreads[LATENCY_P50].mean if LATENCY_P50 in spreads else None,
        latency_p95=spreads[LATENCY_P95].mean if LATENCY_P95 in spreads else None,
        flaky_cases=sum(outcome.status == "flaky" for outcome in case_outcomes(cases).values()),
        evaluator_errors=sum(bool(case.evaluator_errors) for case in cases),
        usage=reduce(Spend.__add__, (case.usage for case in cases), Spend()),
        judge_usage=reduce(Spend.__add__, (case.judge_usage for case in cases), Spend()),
    )


@dataclass(frozen=True)
class CaseOutcome:
    """One case over its runs: how many passed, and why the others did not."""

    runs: int
    passed_runs: int
    failures: dict[str, tuple[str, int]]
    """Assertion (or `task`, or an evaluator that raised) → the first reason given, and in how many runs it failed."""

    @property
    def status(self) -> CaseStatus:
        if self.passed_runs == self.runs:
            return "pass"
        return "fail" if self.passed_runs == 0 else "flaky"

    @property
    def verdict(self) -> str:
        """`pass`, `fail`, or `2/3 passed` for a flaky case."""
        return f"{self.passed_runs}/{self.runs} passed" if self.status == "flaky" else self.status


def case_outcomes(cases: Sequence[CaseResult]) -> dict[str, CaseOutcome]:
    """Each case's outcome over its runs, in the order the cases first appear."""
    grouped: dict[str, list[CaseResult]] = {}
    for case in cases:
        grouped.setdefault(case.name, []).append(case)
    outcomes: dict[str, CaseOutcome] = {}
    for name, runs in grouped.items():
        failures: dict[str, tuple[str, int]] = {}
        for run in sorted(runs, key=lambda case: case.run):
            for evaluator, reason in run.failures().items():
                first, count = failures.get(evaluator, (reason, 0))
                failures[evaluator] = (first, count + 1)
        outcomes[name] = CaseOutcome(len(runs), sum(run.passed for run in runs), failures)
    return outcomes
