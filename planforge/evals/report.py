"""The comparison table (rich): one row per model, the offline coach first, deltas against it."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text

from planforge.evals.compare import ScoreChange
from planforge.evals.results import COMPLETION, PASS_RATE, EvalResults, ModelSummary

LABELS = {COMPLETION: "completed", PASS_RATE: "pass rate"}


def score_names(results: EvalResults) -> list[str]:
    """The average scores any model has, main scores first, then completion and pass rate."""
    names: dict[str, None] = {}
    for result in results.models:
        names.update(dict.fromkeys(n for n in result.summary.scores if n not in LABELS))
    return [*names, COMPLETION, PASS_RATE]


def seconds_text(value: float | None) -> str:
    """`1.23 s`, or `n/a`."""
    return "n/a" if value is None else f"{value:.2f} s"


def cost_text(value: float | None) -> str:
    """`$0.0123`, or `n/a` when genai-prices does not know the model."""
    return "n/a" if value is None else f"${value:.4f}"


def _score_cell(value: float | None, reference: float | None) -> Text:
    if value is None:
        return Text("–", style="dim")
    text = Text(f"{value:.3f}")
    if reference is not None and round(value - reference, 3):
        delta = value - reference
        text.append(f" ({delta:+.3f})", style="green" if delta > 0 else "red")
    return text


def comparison_table(results: EvalResults) -> Table:
    """One column per model (the baseline first), one row per average score, then latency, tokens and cost;
    other models' scores show their difference from the baseline."""
    table = Table(title=f"planforge eval: {results.dataset} (prompt {results.prompt_version})")
    table.add_column("", style="bold")
    for result in results.models:
        table.add_column(result.model + (" (baseline)" if result.baseline else ""), justify="right")
    reference = next((r.summary for r in results.models if r.baseline), None)
    for name in score_names(results):
        cells = [
            _score_cell(
                r.summary.scores.get(name), None if r.baseline or reference is None else reference.scores.get(name)
            )
            for r in results.models
        ]
        table.add_row(LABELS.get(name, name), *cells)
    for index, label in enumerate(("latency p50", "latency p95", "tokens in/out", "cost")):
        table.add_row(label, *(_usage_cells(r.summary)[index] for r in results.models))
    return table


def _usage_cells(summary: ModelSummary) -> list[str | Text]:
    return [
        seconds_text(summary.latency_p50),
        seconds_text(summary.latency_p95),
        f"{summary.input_tokens:,}/{summary.output_tokens:,}",
        cost_text(summary.cost_usd),
    ]


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
