"""The eval harness: run a dataset of golden plan cases against models and compare them.

load_dataset(name) → PlanDataset                       (evals/datasets/<name>.yaml or a folder of parts; plans.v2)
EvalModel.parse("local=openai-chat:llama3@http://…")   (a model, its row name, the server it is served from)
await run_eval(dataset, models, repeat=N, ...)          (offline coach first: the baseline row) → EvalResults
check_comparable(baseline, ...) / compare_with_baseline (per-case pass → fail regressions, average scores)
comparison_table(results) / render_html(results)        (rich table, self-contained HTML with SVG charts)
"""

from planforge.evals.compare import (
    BaselineComparison,
    CaseChange,
    IncomparableBaselineError,
    ScoreChange,
    check_comparable,
    compare_runs,
    compare_with_baseline,
)
from planforge.evals.dataset import PlanDataset, load_dataset
from planforge.evals.expectations import CaseExpectationsV2
from planforge.evals.html_report import render_html
from planforge.evals.models import EvalModel, ModelSpecError
from planforge.evals.paths import EvalDataError
from planforge.evals.report import comparison_table
from planforge.evals.results import EvalResults
from planforge.evals.runner import run_eval
from planforge.evals.schema import CaseExpectations, PlanOutcome

__all__ = [
    "BaselineComparison",
    "CaseChange",
    "CaseExpectations",
    "CaseExpectationsV2",
    "EvalDataError",
    "EvalModel",
    "EvalResults",
    "IncomparableBaselineError",
    "ModelSpecError",
    "PlanDataset",
    "PlanOutcome",
    "ScoreChange",
    "check_comparable",
    "compare_runs",
    "compare_with_baseline",
    "comparison_table",
    "load_dataset",
    "render_html",
    "run_eval",
]
