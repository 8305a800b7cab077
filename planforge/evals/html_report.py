"""A self-contained HTML report: comparison table, scores per model (bars), latency against cost (scatter).

Charts are inline SVG written here; the page loads nothing from the network.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from planforge.evals.compare import ScoreChange
from planforge.evals.report import LABELS, cost_text, score_names, seconds_text
from planforge.evals.results import EvalResults

PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#9c755f")
_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #ccc; padding: .3rem .6rem; text-align: right; }
th:first-child, td:first-child { text-align: left; }
.regression { color: #c00; font-weight: bold; }
.legend span { display: inline-block; margin-right: 1rem; }
.swatch { display: inline-block; width: .8rem; height: .8rem; margin-right: .3rem; }
"""


def _color(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def score_bars(results: EvalResults, *, width: int = 720, height: int = 260) -> str:
    """Grouped bars: for each average score, one bar per model (0 to 1)."""
    names = score_names(results)
    models = results.models
    left, bottom, top = 40, 40, 10
    group = (width - left) / max(len(names), 1)
    bar = group * 0.8 / max(len(models), 1)
    plot = height - bottom - top
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img">']
    for tick in (0.0, 0.5, 1.0):
        y = top + plot * (1 - tick)
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width}" y2="{y:.1f}" stroke="#ddd"/>')
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="11" text-anchor="end">{tick:.1f}</text>')
    for g, name in enumerate(names):
        x0 = left + g * group + group * 0.1
        for m, result in enumerate(models):
            value = result.summary.scores.get(name)
            if value is None:
                continue
            h = plot * value
            x, y = x0 + m * bar, top + plot - h
            label = escape(f"{result.model}: {LABELS.get(name, name)} {value:.3f}")
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar * 0.9:.1f}" height="{h:.1f}" fill="{_color(m)}">'
                f"<title>{label}</title></rect>"
            )
        label = escape(LABELS.get(name, name))
        parts.append(
            f'<text x="{x0 + group * 0.4:.1f}" y="{height - bottom + 16}" font-size="11" text-anchor="middle">'
            f"{label}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def latency_cost_scatter(results: EvalResults, *, width: int = 480, height: int = 300) -> str:
    """One point per model: p50 latency (x) against total cost (y); unknown cost is drawn at 0 and marked."""
    left, bottom, top, right = 60, 40, 10, 20
    points = [(r.model, r.summary.latency_p50 or 0.0, r.summary.cost_usd) for r in results.models]
    max_x = max((x for _, x, _ in points), default=0.0) or 1.0
    max_y = max((y or 0.0 for _, _, y in points), default=0.0) or 1.0
    plot_w, plot_h = width - left - right, height - top - bottom
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img">']
    parts.append(f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="none" stroke="#ccc"/>')
    parts.append(f'<text x="{left + plot_w / 2}" y="{height - 8}" font-size="12" text-anchor="middle">'
                 f"latency p50 (s, max {max_x:.2f})</text>")  # fmt: skip
    parts.append(f'<text x="14" y="{top + plot_h / 2}" font-size="12" transform="rotate(-90 14 {top + plot_h / 2})"'
                 f' text-anchor="middle">cost (USD, max {max_y:.4f})</text>')  # fmt: skip
    for index, (model, x, y) in enumerate(points):
        cx = left + plot_w * x / max_x
        cy = top + plot_h * (1 - (y or 0.0) / max_y)
        note = "" if y is not None else " (cost n/a)"
        parts.append(
            f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="6" fill="{_color(index)}"><title>'
            f"{escape(model)}: {seconds_text(x)}, {cost_text(y)}</title></circle>"
            f'<text x="{cx + 9:.1f}" y="{cy - 6:.1f}" font-size="11">{escape(model + note)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _summary_table(results: EvalResults) -> str:
    names = score_names(results)
    head = "".join(f"<th>{escape(LABELS.get(n, n))}</th>" for n in names)
    rows: list[str] = []
    for r in results.models:
        cells = "".join(f"<td>{'–' if (v := r.summary.scores.get(n)) is None else f'{v:.3f}'}</td>" for n in names)
        s = r.summary
        usage = (
            f"<td>{seconds_text(s.latency_p50)}</td><td>{seconds_text(s.latency_p95)}</td>"
            f"<td>{s.input_tokens:,}/{s.output_tokens:,}</td><td>{cost_text(s.cost_usd)}</td>"
        )
        name = escape(r.model) + (" (baseline)" if r.baseline else "")
        rows.append(f"<tr><td>{name}</td>{cells}{usage}</tr>")
    return (
        f"<table><tr><th>model</th>{head}<th>p50</th><th>p95</th><th>tokens in/out</th><th>cost</th></tr>"
        + "".join(rows)
        + "</table>"
    )


def _baseline_section(changes: Sequence[ScoreChange] | None) -> str:
    if changes is None:
        return ""
    rows = "".join(
        f"<tr{' class=regression' if c.regression else ''}><td>{escape(c.model)}</td>"
        f"<td>{escape(LABELS.get(c.score, c.score))}</td><td>{c.baseline:.3f}</td><td>{c.current:.3f}</td>"
        f"<td>{c.delta:+.3f}</td></tr>"
        for c in changes
    )
    return (
        "<h2>Against the baseline</h2><table><tr><th>model</th><th>score</th><th>baseline</th><th>now</th>"
        f"<th>delta</th></tr>{rows}</table>"
    )


def _case_table(results: EvalResults) -> str:
    heads = "".join(f"<th>{escape(r.model)}</th>" for r in results.models)
    names = [case.name for case in results.models[0].cases] if results.models else []
    rows: list[str] = []
    for name in names:
        cells: list[str] = []
        for r in results.models:
            case = next((c for c in r.cases if c.name == name), None)
            if case is None or case.error is not None:
                cells.append(f"<td title='{escape(case.error or '') if case else ''}'>failed</td>")
            else:
                scores = ", ".join(f"{k} {case.scores[k]:.2f}" for k in case.scores if "." not in k)
                cells.append(f"<td>{'✔' if case.passed else '✘'} {escape(scores)}</td>")
        rows.append(f"<tr><td>{escape(name)}</td>{''.join(cells)}</tr>")
    return f"<h2>Cases</h2><table><tr><th>case</th>{heads}</tr>{''.join(rows)}</table>"


def render_html(results: EvalResults, changes: Sequence[ScoreChange] | None = None) -> str:
    """The whole report page."""
    legend = "".join(
        f'<span><i class="swatch" style="background:{_color(i)}"></i>{escape(r.model)}</span>'
        for i, r in enumerate(results.models)
    )
    title = escape(f"planforge eval: {results.dataset} (prompt {results.prompt_version})")
    judge = f" · judge {escape(results.judge)}" if results.judge else ""
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        f"<style>{_STYLE}</style></head><body><h1>{title}</h1>"
        f"<p>{results.created_at.isoformat()}{judge}</p>{_summary_table(results)}"
        f"<h2>Scores per model</h2><div class='legend'>{legend}</div>{score_bars(results)}"
        f"<h2>Latency against cost</h2>{latency_cost_scatter(results)}"
        f"{_baseline_section(changes)}{_case_table(results)}</body></html>\n"
    )
