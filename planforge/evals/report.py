"""The comparison tables (rich): one column per model, the offline coach first, deltas against it; and the
changes against a baseline run, case by case with the reasons a case failed.

With repeated runs every figure is `mean ±stdev` over the runs. A cost that genai-prices cannot price is shown
as "unknown", never as $0.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text

from planforge.evals.compare import BaselineComparison, ScoreChange
from planforge.evals.metering import UNKNOWN, Cost, Spend
from planforge.evals.results import COMPLETION, LATENCY_P50, LATENCY_P95, PASS_RATE, EvalResults, ModelResult
from planforge.evals.summary import CaseOutcome

LABELS = {COMPLETION: "completed", PASS_RATE: "pass rate", LATENCY_P50: "latency p50", LATENCY_P95: "latency p95"}


def score_names(results: EvalResults) -> list[str]:
    """The average scores any model has, main scores first, then completion and pass rate."""
    names: dict[str, None] = {}
    for result in results.models:
        names.update(dict.fromkeys(n for n in result.summary.scores if n not in LABELS))
    return [*names, COMPLETION, PASS_RATE]


def seconds_text(value: float | None) -> str:
    """`1.23 s`, or `n/a` when no case completed."""
    return "n/a" if value is None else f"{value:.2f} s"


def cost_text(value: Cost) -> str:
    """`$0.0123`, or `unknown` when genai-prices does not know a model used."""
    return UNKNOWN if value == UNKNOWN else f"${value:.4f}"


def spend_cost_text(spend: Spend) -> str:
    """The cost of `spend` (`cost_text`), or `–` when no request was counted (nothing to price)."""
    return "–" if spend.requests == 0 else cost_text(spend.cost_usd)


def figure(result: ModelResult, key: str) -> float | None:
    """The model's mean of a score or latency figure, if it has it."""
    if key in (LATENCY_P50, LATENCY_P95):
        return result.summary.latency_p50 if key == LATENCY_P50 else result.summary.latency_p95
    return result.summary.scores.get(key)


def spread_text(result: ModelResult, key: str) -> str:
    """` ±0.012` for a figure of repeated runs, else nothing."""
    spread = result.summary.spread.get(key)
    return f" ±{spread.stdev:.3f}" if spread is not None and result.summary.runs > 1 else ""


def _score_cell(result: ModelResult, key: str, reference: float | None) -> Text:
    value = figure(result, key)
    if value is None:
        return Text("–", style="dim")
    text = Text(f"{value:.3f}{spread_text(result, key)}")
    if reference is not None and round(value - reference, 3):
        delta = value - reference
        text.append(f" ({delta:+.3f})", style="green" if delta > 0 else "red")
    return text


def _latency_cell(result: ModelResult, key: str) -> str:
    value = figure(result, key)
    spread = result.summary.spread.get(key)
    if value is not None and spread is not None and result.summary.runs > 1:
        return f"{value:.2f} ±{spread.stdev:.2f} s"
    return seconds_text(value)


def comparison_table(results: EvalResults) -> Table:
    """One column per model (the baseline first), one row per average score, then latency, flaky cases,
    evaluator errors, and what the coach and the judge spent; other models' scores show their difference from
    the baseline."""
    runs = f", mean ±stdev over {results.repeat} runs" if results.repeat > 1 else ""
    table = Table(title=f"planforge eval: {results.dataset} (prompt {results.prompt_version}{runs})")
    table.add_column("", style="bold")
    for result in results.models:
        table.add_column(result.model + (" (baseline)" if result.baseline else ""), justify="right")
    reference = next((r for r in results.models if r.baseline), None)
    for name in score_names(results):
        cells = [
            _score_cell(r, name, None if r.baseline or reference is None else figure(reference, name))
            for r in results.models
        ]
        table.add_row(LABELS.get(name, name), *cells)
    for key in (LATENCY_P50, LATENCY_P95):
        table.add_row(LABELS[key], *(_latency_cell(r, key) for r in results.models))
    if results.repeat > 1:
        table.add_row("flaky cases", *(str(r.summary.flaky_cases) for r in results.models))
    if any(r.summary.evaluator_errors for r in results.models):
        table.add_row(
            Text("evaluator errors", style="bold red"),
            *(
                Text(str(r.summary.evaluator_errors), style="red" if r.summary.evaluator_errors else "")
                for r in results.models
            ),
        )
    table.add_row(
        "tokens in/out",
        *(f"{r.summary.usage.input_tokens:,}/{r.summary.usage.output_tokens:,}" for r in results.models),
    )
    table.add_row("cost", *(spend_cost_text(r.summary.usage) for r in results.models))
    if results.judge is not None:
        table.add_row("judge cost", *(spend_cost_text(r.summary.judge_usage) for r in results.models))
    return table


def baseline_table(changes: Sequence[ScoreChange], max_regression: float) -> Table:
    """Every compared score: baseline, now, delta; regressions beyond `max_regression` in red."""
    table = Table(title=f"against the baseline (regression: a fall of more than {max_regression:.3f})")
    for column in ("model", "score", "baseline", "now", "delta", ""):
        table.add_column(column, justify="left" if column in {"model", "score", ""} else "right")
    for change in changes:
        style = "red" if change.regression else "green" if change.delta > 0 else ""
        table.add_row(
            change.model,
            LABELS.get(change.score, change.score),
            f"{change.baseline:.3f}",
            f"{change.current:.3f}",
            Text(f"{change.delta:+.3f}", style=style),
            Text("REGRESSION", style="bold red") if change.regression else "",
        )
    return table


def failure_lines(outcome: CaseOutcome) -> list[str]:
    """`evaluator: reason` for each failed evaluator of a case (`(2/3 runs)` when it failed in only some)."""
    return [
        f"{evaluator}: {reason}" + (f" ({count}/{outcome.runs} runs)" if outcome.runs > 1 else "")
        for evaluator, (reason, count) in outcome.failures.items()
    ]


def case_changes_table(comparison: BaselineComparison) -> Table:
    """Cases whose outcome changed against the baseline: regressions first, each failed evaluator with why."""
    regressions = len(comparison.regressions)
    others = len(comparison.cases) - regressions
    table = Table(title=f"cases against the baseline: {regressions} regression(s), {others} other change(s)")
    for column in ("model", "case", "baseline", "now", "evaluator: reason"):
        table.add_column(column, overflow="fold")
    for change in sorted(comparison.cases, key=lambda change: not change.regression):
        why = "\n".join(failure_lines(change.now)) if change.now.status != "pass" else ""
        table.add_row(
            change.model,
            change.case,
            change.before.verdict,
            Text(change.now.verdict, style="bold red" if change.regression else "green"),
            why,
        )
    for note in comparison.not_compared:
        table.add_row("", Text(note, style="dim"), "", "", "")
    return table
