"""The HTML report's case sections: every case per model with why it failed, and the changes against a baseline."""

from __future__ import annotations

import statistics
from html import escape

from planforge.evals.compare import BaselineComparison, CaseChange
from planforge.evals.report import LABELS, failure_lines
from planforge.evals.results import EvalResults, ModelResult
from planforge.evals.summary import CaseOutcome, case_outcomes

_MARKS = {"pass": "✔", "fail": "✘", "flaky": "≈"}


def _reasons(outcome: CaseOutcome) -> str:
    if outcome.status == "pass":
        return ""
    items = "".join(f"<li>{escape(line)}</li>" for line in failure_lines(outcome))
    return f"<ul class='reasons'>{items}</ul>"


def _main_scores(result: ModelResult, case: str) -> str:
    runs = [c for c in result.cases if c.name == case]
    names = dict.fromkeys(k for c in runs for k in c.scores if "." not in k)
    means = {n: statistics.fmean(c.scores[n] for c in runs if n in c.scores) for n in names}
    return ", ".join(f"{name} {value:.2f}" for name, value in means.items())


def _case_cell(result: ModelResult, case: str, outcome: CaseOutcome | None, regressed: bool) -> str:
    if outcome is None:
        return "<td class='case'>–</td>"
    mark = f"{_MARKS[outcome.status]} {escape(outcome.verdict)}"
    flag = " <span class='regression'>regression</span>" if regressed else ""
    scores = escape(_main_scores(result, case))
    return f"<td class='case {outcome.status}'><b>{mark}</b>{flag}<br><small>{scores}</small>{_reasons(outcome)}</td>"


def case_table(results: EvalResults, comparison: BaselineComparison | None = None) -> str:
    """One row per case, one column per model: pass, fail or flaky, main scores, and each failed evaluator with
    its reason (a generation that failed shows its error, an evaluator that raised shows `error: …`)."""
    regressed = (
        {(c.model, c.case) for c in comparison.regressions} if comparison is not None else set[tuple[str, str]]()
    )
    outcomes = {r.model: case_outcomes(r.cases) for r in results.models}
    names = list(dict.fromkeys(c.name for r in results.models for c in r.cases))
    heads = "".join(f"<th>{escape(r.model)}</th>" for r in results.models)
    rows = "".join(
        f"<tr><td>{escape(name)}</td>"
        + "".join(
            _case_cell(r, name, outcomes[r.model].get(name), (r.model, name) in regressed) for r in results.models
        )
        + "</tr>"
        for name in names
    )
    return f"<h2>Cases</h2><table class='cases'><tr><th>case</th>{heads}</tr>{rows}</table>"


def _change_row(change: CaseChange) -> str:
    why = _reasons(change.now)
    css = " class='regression'" if change.regression else ""
    return (
        f"<tr{css}><td>{escape(change.model)}</td><td>{escape(change.case)}</td>"
        f"<td>{escape(change.before.verdict)}</td><td>{escape(change.now.verdict)}</td><td class='case'>{why}</td></tr>"
    )


def baseline_section(comparison: BaselineComparison | None) -> str:
    """Average scores against the baseline run, then every case whose outcome changed, with why it fails now."""
    if comparison is None:
        return ""
    scores = "".join(
        f"<tr{' class=regression' if c.regression else ''}><td>{escape(c.model)}</td>"
        f"<td>{escape(LABELS.get(c.score, c.score))}</td><td>{c.baseline:.3f}</td><td>{c.current:.3f}</td>"
        f"<td>{c.delta:+.3f}</td></tr>"
        for c in comparison.scores
    )
    ordered = sorted(comparison.cases, key=lambda change: not change.regression)
    changes = "".join(_change_row(change) for change in ordered) or "<tr><td colspan=5>no case changed</td></tr>"
    notes = "".join(f"<li>{escape(note)}</li>" for note in comparison.not_compared)
    return (
        "<h2>Against the baseline run</h2><table><tr><th>model</th><th>score</th><th>baseline</th><th>now</th>"
        f"<th>delta</th></tr>{scores}</table>"
        f"<h3>Cases that changed ({len(comparison.regressions)} regression(s))</h3><table><tr><th>model</th>"
        f"<th>case</th><th>baseline</th><th>now</th><th>why it does not pass now</th></tr>{changes}</table>"
        + (f"<ul class='notes'>{notes}</ul>" if notes else "")
    )
