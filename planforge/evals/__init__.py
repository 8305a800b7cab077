"""The eval harness: run a dataset of golden plan cases against models and compare them.

load_dataset(name) → PlanDataset                       (evals/datasets/<name>.yaml or a folder of parts; plans.v2)
await run_eval(dataset, models, ...) → EvalResults     (offline coach first: the baseline row)
compare_runs(current, baseline) → list[ScoreChange]    (regressions beyond a threshold)
comparison_table(results) / render_html(results)       (rich table, self-contained HTML with SVG charts)
"""

from planforge.evals.compare import ScoreChange, compare_runs
from planforge.evals.dataset import PlanDataset, load_dataset
from planforge.evals.expectations import CaseExpectationsV2
from planforge.evals.html_report import render_html
from planforge.evals.paths import EvalDataError
from planforge.evals.report import comparison_table
from planforge.evals.results import EvalResults
from planforge.evals.runner import run_eval
from planforge.evals.schema import CaseExpectations, PlanOutcome
from planforge.evals.task import EvalModel

__all__ = [
    "CaseExpectations",
    "CaseExpectationsV2",
    "EvalDataError",
    "EvalModel",
    "EvalResults",
    "PlanDataset",
    "PlanOutcome",
    "ScoreChange",
    "compare_runs",
    "comparison_table",
    "load_dataset",
    "render_html",
    "run_eval",
]
