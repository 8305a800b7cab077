"""`planforge eval`: run an eval dataset against models, compare them, and check against a baseline."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from planforge.cli.output import BAD_INPUT_EXIT, fail, stderr, stdout
from planforge.evals.compare import DEFAULT_MAX_REGRESSION, BaselineComparison, check_comparable, compare_with_baseline
from planforge.evals.dataset import PlanDataset, load_dataset
from planforge.evals.html_report import render_html
from planforge.evals.models import EvalModel, ModelSpecError
from planforge.evals.paths import DEFAULT_DATASET, EvalDataError
from planforge.evals.report import baseline_table, case_changes_table, comparison_table
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
    typer.Option(
        "--model",
        help="Model to compare (repeatable): NAME, LABEL=NAME, or NAME@BASE_URL for an OpenAI-compatible server,"
        " e.g. local=openai-chat:llama3.2:3b@http://127.0.0.1:8001/v1. The offline coach is always the baseline row.",
    ),
]
PromptVersionOption = Annotated[str, typer.Option("--prompt-version", help="Prompt version under prompts/.")]
RepeatOption = Annotated[
    int, typer.Option("--repeat", min=1, help="Runs of every case per model; figures show mean ±stdev over them.")
]
BaselineOption = Annotated[
    Path | None,
    typer.Option(
        "--baseline",
        help="A previous results.json of the same dataset, prompt version and judge: exit 1 when a case that passed"
        " there fails now (or an average score fell beyond --max-regression).",
    ),
]
OutOption = Annotated[Path, typer.Option("--out", help="Folder for results.json and report.html.")]
ConcurrencyOption = Annotated[
    int, typer.Option("--max-concurrency", min=1, help="Cases run at once per model (each model has its own limit).")
]
RegressionOption = Annotated[
    float, typer.Option("--max-regression", min=0.0, help="Largest allowed fall of any average score vs the baseline.")
]
JudgeOption = Annotated[
    str | None,
    typer.Option("--judge", help="Model for the LLM-judge evaluator, same syntax as --model (off by default)."),
]


def eval_command(
    dataset: DatasetOption = DEFAULT_DATASET,
    model: ModelsOption = None,
    prompt_version: PromptVersionOption = DEFAULT_PROMPT_VERSION,
    repeat: RepeatOption = 1,
    baseline: BaselineOption = None,
    out: OutOption = Path("eval-results"),
    max_concurrency: ConcurrencyOption = DEFAULT_MAX_CONCURRENCY,
    max_regression: RegressionOption = DEFAULT_MAX_REGRESSION,
    judge: JudgeOption = None,
) -> None:
    """Run an eval dataset against models and print a comparison table (the offline coach is the baseline row)."""
    try:
        cases = load_dataset(dataset)
        models = [EvalModel.parse(spec) for spec in model or []]
        judge_model = EvalModel.parse(judge) if judge is not None else None
        previous = EvalResults.load(baseline) if baseline is not None else None
        if previous is not None:
            judge_name = judge_model.name if judge_model is not None else None
            check_comparable(
                previous, dataset=cases.name, prompt_version=prompt_version, judge=judge_name, source=str(baseline)
            )
    except (EvalDataError, ModelSpecError) as error:
        raise fail(str(error), code=BAD_INPUT_EXIT) from None
    try:
        results = asyncio.run(_run(cases, models, prompt_version, max_concurrency, repeat, judge_model))
    except ModelSpecError as error:
        raise fail(str(error), code=BAD_INPUT_EXIT) from None
    except PlanforgeError as error:
        raise fail(error.message) from None
    stdout.print(comparison_table(results))
    if errors := [(r.model, c, e) for r in results.models for c in r.cases for e in c.evaluator_errors]:
        row, case, error = errors[0]
        stderr.print(
            f"[bold red]{len(errors)} evaluator error(s)[/]: those results are missing, not 0 (first: {row}"
            f" {case.name}: {error})",
            highlight=False,
            soft_wrap=True,
        )
    comparison = compare_with_baseline(results, previous, max_regression=max_regression) if previous else None
    if comparison is not None:
        stdout.print(baseline_table(comparison.scores, max_regression))
        stdout.print(case_changes_table(comparison))
    out.mkdir(parents=True, exist_ok=True)
    results.save(out / RESULTS_FILE)
    (out / REPORT_FILE).write_text(render_html(results, comparison), encoding="utf-8")
    stderr.print(f"wrote {out / RESULTS_FILE} and {out / REPORT_FILE}", style="dim", highlight=False)
    if comparison is not None and (problems := _regressions(comparison, max_regression)):
        raise fail(problems)


def _regressions(comparison: BaselineComparison, max_regression: float) -> str | None:
    """One line naming the regressions, or None when there are none."""
    parts: list[str] = []
    if cases := comparison.regressions:
        named = ", ".join(f"{c.model} {c.case} ({', '.join(c.now.failures)})" for c in cases[:5])
        more = f" and {len(cases) - 5} more" if len(cases) > 5 else ""
        parts.append(f"{len(cases)} case(s) went from pass to fail: {named}{more}")
    if scores := comparison.score_regressions:
        worst = min(scores, key=lambda change: change.delta)
        parts.append(
            f"{len(scores)} score(s) fell beyond {max_regression}; worst: {worst.model} {worst.score}"
            f" {worst.baseline:.3f} → {worst.current:.3f}"
        )
    return "; ".join(parts) or None


async def _run(
    dataset: PlanDataset,
    models: list[EvalModel],
    prompt_version: str,
    max_concurrency: int,
    repeat: int,
    judge: EvalModel | None,
) -> EvalResults:
    names = [m.name for m in with_offline_baseline(models)]
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=stderr, transient=True) as progress:
        tasks = {name: progress.add_task(name, total=len(dataset.cases) * repeat) for name in names}
        return await run_eval(
            dataset,
            models,
            prompt_version=prompt_version,
            max_concurrency=max_concurrency,
            repeat=repeat,
            judge=judge,
            on_case_done=lambda name: progress.advance(tasks[name]),
        )
