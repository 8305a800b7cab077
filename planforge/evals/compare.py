"""Comparing a run with a baseline run (a previous results JSON): per model and average score."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from planforge.evals.results import EvalResults

DEFAULT_MAX_REGRESSION: Final = 0.05


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
