"""`planforge eval`: run an eval dataset against models, compare them, and check against a baseline."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from planforge.cli.output import BAD_INPUT_EXIT, fail, stderr, stdout
from planforge.evals.compare import DEFAULT_MAX_REGRESSION, compare_runs
from planforge.evals.dataset import PlanDataset, load_dataset
from planforge.evals.html_report import render_html
from planforge.evals.paths import DEFAULT_DATASET, EvalDataError
from planforge.evals.report import baseline_table, comparison_table
from planforge.evals.results import EvalResults
from planforge.evals.runner import DEFAULT_MAX_CONCURRENCY, run_eval, with_offline_baseline
from planforge.exceptions import PlanforgeError
from planforge.prompts import DEFAULT_PROMPT_VERSION

RESULTS_FILE = "results.json"
REPORT_FILE = "report.html"

DatasetOption = Annotated[
    str, typer.Option("--dataset", help="Dataset name under evals/datasets (e.g. plans.v1) or a YAML file.")
]
ModelsOption = Annotated[
    list[str] | None,
    typer.Option("--model", help="Model to evaluate (repeatable); the offline coach is always run as the baseline."),
]
PromptVersionOption = Annotated[str, typer.Option("--prompt-version", help="Prompt version under prompts/.")]
BaselineOption = Annotated[
    Path | None, typer.Option("--baseline", help="A previous results.json: show the differences, exit 1 on regression.")
]
OutOption = Annotated[Path, typer.Option("--out", help="Folder for results.json and report.html.")]
ConcurrencyOption = Annotated[int, typer.Option("--max-concurrency", min=1, help="Cases run at once over all models.")]
RegressionOption = Annotated[
    float, typer.Option("--max-regression", min=0.0, help="Largest allowed fall of any average score vs the baseline.")
]
JudgeOption = Annotated[str | None, typer.Option("--judge", help="Model for the LLM-judge evaluator (off by default).")]


def eval_command(
    dataset: DatasetOption = DEFAULT_DATASET,
    model: ModelsOption = None,
    prompt_version: PromptVersionOption = DEFAULT_PROMPT_VERSION,
    baseline: BaselineOption = None,
    out: OutOption = Path("eval-results"),
    max_concurrency: ConcurrencyOption = DEFAULT_MAX_CONCURRENCY,
    max_regression: RegressionOption = DEFAULT_MAX_REGRESSION,
    judge: JudgeOption = None,
) -> None:
    """Run an eval dataset against models and print a comparison table (the offline coach is the baseline row)."""
    try:
        cases = load_dataset(dataset)
        previous = EvalResults.load(baseline) if baseline is not None else None
    except EvalDataError as error:
        raise fail(str(error), code=BAD_INPUT_EXIT) from None
    try:
        results = asyncio.run(_run(cases, model or [], prompt_version, max_concurrency, judge))
    except PlanforgeError as error:
        raise fail(error.message) from None
    stdout.print(comparison_table(results))
    changes = compare_runs(results, previous, max_regression=max_regression) if previous else None
    if changes is not None:
        stdout.print(baseline_table(changes, max_regression))
    out.mkdir(parents=True, exist_ok=True)
    results.save(out / RESULTS_FILE)
    (out / REPORT_FILE).write_text(render_html(results, changes), encoding="utf-8")
    stderr.print(f"wrote {out / RESULTS_FILE} and {out / REPORT_FILE}", style="dim", highlight=False)
    regressions = [change for change in changes or [] if change.regression]
    if regressions:
        worst = min(regressions, key=lambda change: change.delta)
        raise fail(
            f"{len(regressions)} score(s) regressed beyond {max_regression}; worst: {worst.model} {worst.score}"
            f" {worst.baseline:.3f} → {worst.current:.3f}"
        )


async def _run(
    dataset: PlanDataset, models: list[str], prompt_version: str, max_concurrency: int, judge: str | None
) -> EvalResults:
    names = [m.name for m in with_offline_baseline(models)]
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=stderr, transient=True) as progress:
        tasks = {name: progress.add_task(name, total=len(dataset.cases)) for name in names}
        return await run_eval(
            dataset,
            models,
            prompt_version=prompt_version,
            max_concurrency=max_concurrency,
            judge=judge,
            on_case_done=lambda name: progress.advance(tasks[name]),
        )
