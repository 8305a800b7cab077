"""A self-contained HTML report: the comparison table with deltas against the baseline row, scores per model
(bars), latency against cost (scatter), the changes against a baseline run, and every case with why it failed.

With repeated runs a figure is its mean ± stdev (min–max) over the runs. A cost genai-prices cannot price is
"unknown", never $0. Charts are inline SVG written here; the page loads nothing from the network.
"""

from __future__ import annotations

from html import escape

from planforge.evals.compare import BaselineComparison
from planforge.evals.html_cases import baseline_section, case_table
from planforge.evals.metering import UNKNOWN
from planforge.evals.report import LABELS, cost_text, figure, score_names, seconds_text, spend_cost_text
from planforge.evals.results import LATENCY_P50, LATENCY_P95, EvalResults, ModelResult

PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#9c755f")
_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #ccc; padding: .3rem .6rem; text-align: right; }
th:first-child, td:first-child { text-align: left; }
.regression { color: #c00; font-weight: bold; }
.up { color: #080; } .down { color: #c00; } .spread { color: #666; font-size: .85em; }
td.case { text-align: left; vertical-align: top; } td.fail, td.flaky { background: #fff4f4; }
ul.reasons { margin: .2rem 0 0 1rem; padding: 0; font-size: .85em; color: #700; }
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
    """One point per model: p50 latency (x) against total cost (y); an unknown cost is drawn at 0 and labelled
    "cost unknown"."""
    left, bottom, top, right = 60, 40, 10, 20
    points = [(r.model, r.summary.latency_p50 or 0.0, _known(r)) for r in results.models]
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
        note = "" if y is not None else " (cost unknown)"
        parts.append(
            f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="6" fill="{_color(index)}"><title>'
            f"{escape(model)}: {seconds_text(x)}, {cost_text(UNKNOWN if y is None else y)}</title></circle>"
            f'<text x="{cx + 9:.1f}" y="{cy - 6:.1f}" font-size="11">{escape(model + note)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _known(result: ModelResult) -> float | None:
    cost = result.summary.cost_usd
    return None if cost == UNKNOWN else cost


def _figure_cell(result: ModelResult, key: str, reference: ModelResult | None, unit: str = "") -> str:
    value = figure(result, key)
    if value is None:
        return "<td>–</td>"
    digits = 2 if unit else 3
    text = f"{value:.{digits}f}{unit}"
    spread = result.summary.spread.get(key)
    if spread is not None and result.summary.runs > 1:
        low, high = f"{spread.min:.{digits}f}", f"{spread.max:.{digits}f}"
        text += f" <span class='spread'>± {spread.stdev:.{digits}f} ({low}–{high})</span>"
    base = None if reference is None or reference is result else figure(reference, key)
    if base is not None and round(value - base, digits):
        delta = value - base
        better = delta > 0 if not unit else delta < 0  # a higher score is better, a higher latency is not
        text += f" <span class='{'up' if better else 'down'}'>({delta:+.{digits}f}{unit})</span>"
    return f"<td>{text}</td>"


def _summary_table(results: EvalResults) -> str:
    """One row per model; every other model's figures show their difference from the baseline row."""
    names = score_names(results)
    reference = next((r for r in results.models if r.baseline), None)
    head = "".join(f"<th>{escape(LABELS.get(n, n))}</th>" for n in names)
    extra = "<th>flaky cases</th>" if results.repeat > 1 else ""
    judged = results.judge is not None
    rows: list[str] = []
    for r in results.models:
        s = r.summary
        cells = "".join(_figure_cell(r, n, reference) for n in names)
        cells += _figure_cell(r, LATENCY_P50, reference, " s") + _figure_cell(r, LATENCY_P95, reference, " s")
        cells += f"<td>{s.flaky_cases}</td>" if results.repeat > 1 else ""
        errors = f"<td class='regression'>{s.evaluator_errors}</td>" if s.evaluator_errors else "<td>0</td>"
        cells += (
            f"{errors}<td>{s.usage.input_tokens:,}/{s.usage.output_tokens:,}</td><td>{spend_cost_text(s.usage)}</td>"
        )
        cells += f"<td>{spend_cost_text(s.judge_usage)}</td>" if judged else ""
        name = escape(r.model) + (" (baseline)" if r.baseline else "")
        served = f"<br><small>{escape(r.base_url)}</small>" if r.base_url else ""
        rows.append(f"<tr><td>{name}{served}</td>{cells}</tr>")
    return (
        f"<table><tr><th>model</th>{head}<th>p50</th><th>p95</th>{extra}<th>evaluator errors</th>"
        f"<th>tokens in/out</th><th>cost</th>{'<th>judge cost</th>' if judged else ''}</tr>"
        + "".join(rows)
        + "</table>"
    )


def render_html(results: EvalResults, comparison: BaselineComparison | None = None) -> str:
    """The whole report page (`comparison`: the changes against a baseline run, if one was given)."""
    legend = "".join(
        f'<span><i class="swatch" style="background:{_color(i)}"></i>{escape(r.model)}</span>'
        for i, r in enumerate(results.models)
    )
    title = escape(f"planforge eval: {results.dataset} (prompt {results.prompt_version})")
    judge = f" · judge {escape(results.judge)}" if results.judge else ""
    runs = f" · {results.repeat} runs per case: mean ± stdev (min–max)" if results.repeat > 1 else ""
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        f"<style>{_STYLE}</style></head><body><h1>{title}</h1>"
        f"<p>{results.created_at.isoformat()}{judge}{runs}</p>{_summary_table(results)}"
        f"<h2>Scores per model</h2><div class='legend'>{legend}</div>{score_bars(results)}"
        f"<h2>Latency against cost</h2>{latency_cost_scatter(results)}"
        f"{baseline_section(comparison)}{case_table(results, comparison)}</body></html>\n"
    )
