"""Comparing a run with a baseline run (a previous results JSON): case by case, and average score by score.

Only runs of the same dataset, prompt version and judge compare (`check_comparable`, else
`IncomparableBaselineError`). Then, for each model in both runs, a case that passed in the baseline (in every
run) and does not now (fails, or passes only in some runs) is a regression, listed with the evaluators that
failed and their reasons; a case edited since the baseline (another digest) is not compared. Average scores
that fell by more than a threshold are regressions too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from planforge.evals.paths import EvalDataError
from planforge.evals.results import EvalResults, ModelResult
from planforge.evals.summary import CaseOutcome, CaseStatus, case_outcomes

DEFAULT_MAX_REGRESSION: Final = 0.05


class IncomparableBaselineError(EvalDataError):
    """The baseline is a run of another dataset, prompt version or judge: its cases mean something else."""

    def __init__(self, source: str, baseline: EvalResults, current: tuple[str, str, str | None]) -> None:
        dataset, prompt_version, judge = current
        then = _describe(baseline.dataset, baseline.prompt_version, baseline.judge)
        super().__init__(
            f"baseline {source!r} cannot be compared with this run: it is {then}, this run is"
            f" {_describe(dataset, prompt_version, judge)}; compare runs of the same dataset, prompt version and"
            " judge (run the baseline again with this run's options)"
        )
        self.baseline = (baseline.dataset, baseline.prompt_version, baseline.judge)
        self.current = current


def _describe(dataset: str, prompt_version: str, judge: str | None) -> str:
    return f"dataset {dataset!r} with prompt {prompt_version!r}, " + (f"judge {judge!r}" if judge else "no judge")


def check_comparable(
    baseline: EvalResults, *, dataset: str, prompt_version: str, judge: str | None, source: str
) -> None:
    """Raise `IncomparableBaselineError` unless `baseline` ran the same dataset, prompt version and judge."""
    current = (dataset, prompt_version, judge)
    if (baseline.dataset, baseline.prompt_version, baseline.judge) != current:
        raise IncomparableBaselineError(source, baseline, current)


@dataclass(frozen=True)
class ScoreChange:
    """One average score of one model, before and now."""

    model: str
    score: str
    baseline: float
    current: float
    regression: bool
    """The score fell by more than the allowed threshold."""

    @property
    def delta(self) -> float:
        """current − baseline."""
        return round(self.current - self.baseline, 4)


@dataclass(frozen=True)
class CaseChange:
    """A case of one model whose outcome differs from the baseline's."""

    model: str
    case: str
    before: CaseOutcome
    now: CaseOutcome

    @property
    def regression(self) -> bool:
        """It passed in the baseline (every run) and does not pass in every run now."""
        return self.before.status == "pass" and self.now.status != "pass"

    @property
    def statuses(self) -> tuple[CaseStatus, CaseStatus]:
        return self.before.status, self.now.status


@dataclass(frozen=True)
class BaselineComparison:
    """Everything that changed against the baseline, and what could not be compared."""

    scores: list[ScoreChange]
    cases: list[CaseChange]
    """Cases whose outcome changed (regressions and fixes), model by model in dataset order."""
    not_compared: list[str] = field(default_factory=list[str])
    """Why some models or cases were left out (not in the baseline, edited since)."""

    @property
    def regressions(self) -> list[CaseChange]:
        """Cases that went from pass to not passing."""
        return [change for change in self.cases if change.regression]

    @property
    def score_regressions(self) -> list[ScoreChange]:
        return [change for change in self.scores if change.regression]


def compare_runs(
    current: EvalResults, baseline: EvalResults, *, max_regression: float = DEFAULT_MAX_REGRESSION
) -> list[ScoreChange]:
    """Every average score present in both runs for models present in both, flagged when it fell by more than
    `max_regression`. (A model that stops producing plans shows as a fall in `completion` and `pass_rate`.)"""
    changes: list[ScoreChange] = []
    for result in current.models:
        before = baseline.model(result.model)
        if before is None:
            continue
        now = result.summary.scores
        for name, old in before.summary.scores.items():
            if name not in now:
                continue
            new = now[name]
            changes.append(ScoreChange(result.model, name, old, new, regression=old - new > max_regression + 1e-9))
    return changes


def compare_cases(current: EvalResults, baseline: EvalResults) -> tuple[list[CaseChange], list[str]]:
    """The cases whose outcome changed, model by model, and notes on what was not compared."""
    changes: list[CaseChange] = []
    notes: list[str] = []
    for result in current.models:
        before = baseline.model(result.model)
        if before is None:
            notes.append(f"{result.model}: not in the baseline")
            continue
        changed, skipped = _case_changes(result, before, current.case_digests, baseline.case_digests)
        changes += changed
        notes += [f"{result.model}: {name}: edited since the baseline, not compared" for name in skipped]
    return changes, notes


def _case_changes(
    result: ModelResult, before: ModelResult, digests: dict[str, str], old_digests: dict[str, str]
) -> tuple[list[CaseChange], list[str]]:
    then = case_outcomes(before.cases)
    changes: list[CaseChange] = []
    skipped: list[str] = []
    for name, outcome in case_outcomes(result.cases).items():
        if name not in then:
            continue
        if name in digests and name in old_digests and digests[name] != old_digests[name]:
            skipped.append(name)
        elif then[name].status != outcome.status:
            changes.append(CaseChange(result.model, name, then[name], outcome))
    return changes, skipped


def compare_with_baseline(
    current: EvalResults, baseline: EvalResults, *, max_regression: float = DEFAULT_MAX_REGRESSION
) -> BaselineComparison:
    """Average scores and case outcomes of `current` against `baseline` (check `check_comparable` first)."""
    cases, notes = compare_cases(current, baseline)
    return BaselineComparison(compare_runs(current, baseline, max_regression=max_regression), cases, notes)
