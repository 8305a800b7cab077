"""What the table, the JSON and the HTML report show: spreads, deltas, unknown costs, why cases failed."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from rich.console import Console

from planforge.evals.compare import compare_with_baseline
from planforge.evals.html_report import render_html
from planforge.evals.metering import Spend
from planforge.evals.report import case_changes_table, comparison_table
from planforge.evals.results import CaseResult, EvalResults, ModelResult
from planforge.evals.summary import summarize

OFFLINE_COST = Spend(requests=4, input_tokens=400, output_tokens=900, cost_usd=0.0)
LOCAL_COST = Spend(requests=4, input_tokens=500, output_tokens=800, cost_usd="unknown")


def run(name: str, runs: list[dict[str, float]], spend: Spend, **failed: str) -> list[CaseResult]:
    """Case `name` once per entry of `runs` (its scores); runs after the first fail `failed` with their reasons."""
    return [
        CaseResult(
            name=name,
            run=index,
            scores=scores,
            assertions={"race.ok": True, **dict.fromkeys(failed, index == 1)},
            reasons={} if index == 1 else dict(failed),
            seconds=0.5 * index,
            usage=spend,
        )
        for index, scores in enumerate(runs, start=1)
    ]


def results(repeat: int = 2) -> EvalResults:
    offline = run("5k", [{"race": 1.0}] * repeat, OFFLINE_COST)
    local = run("5k", [{"race": 0.5}, {"race": 0.7}][:repeat], LOCAL_COST, **{"taper.ok": "no taper before the race"})
    local.append(CaseResult(name="10k", error="ModelHTTPError: 500 from the local server", usage=LOCAL_COST))
    local.append(CaseResult(name="half", evaluator_errors=["PlanJudge: RuntimeError: judge down"], usage=LOCAL_COST))
    return EvalResults(
        dataset="plans.v2",
        prompt_version="v2",
        judge="openai:gpt-4o-mini",
        repeat=repeat,
        created_at=dt.datetime(2026, 12, 1, tzinfo=dt.UTC),
        models=[
            ModelResult(model="offline", baseline=True, cases=offline, summary=summarize(offline)),
            ModelResult(model="local", base_url="http://127.0.0.1:8001/v1", cases=local, summary=summarize(local)),
        ],
    )


def text_of(table: object) -> str:
    console = Console(width=200, record=True)
    console.print(table)
    return console.export_text()


def test_the_table_shows_mean_and_stdev_deltas_against_the_baseline_row_errors_and_unknown_costs() -> None:
    table = text_of(comparison_table(results()))
    assert "mean ±stdev over 2 runs" in table
    assert "0.600 ±0.141 (-0.400)" in table  # race: mean of 0.5 and 0.7, against the offline coach's 1.000
    assert re.search(r"flaky cases\s+│\s+0\s+│\s+1", table)
    assert re.search(r"evaluator errors\s+│\s+0\s+│\s+1", table)
    assert re.search(r"cost\s+│\s+\$0\.0000\s+│\s+unknown", table)


def test_json_writes_an_unknown_cost_as_unknown_and_reads_it_back(tmp_path: Path) -> None:
    path = tmp_path / "results.json"
    results().save(path)
    local = json.loads(path.read_text())["models"][1]
    assert local["summary"]["usage"]["cost_usd"] == "unknown"
    assert local["cases"][0]["usage"]["cost_usd"] == "unknown"
    assert EvalResults.load(path).models[1].summary.usage.cost_usd == "unknown"


def test_results_written_before_unknown_costs_still_load_as_a_baseline(tmp_path: Path) -> None:
    old = json.loads(results(repeat=1).model_dump_json())
    for model in old["models"]:
        summary = model["summary"]
        model["summary"] = {
            "scores": summary["scores"],
            "latency_p50": None,
            "latency_p95": None,
            "requests": 4,
            "input_tokens": 1,
            "output_tokens": 1,
            "cost_usd": None,
        }
    for key in ("repeat", "case_digests"):
        del old[key]
    path = tmp_path / "old.json"
    path.write_text(json.dumps(old))
    assert EvalResults.load(path).models[1].summary.scores["race"] == 0.5


def test_the_html_report_shows_deltas_spreads_and_each_failed_cases_reasons() -> None:
    html = render_html(results())
    assert "0.600 <span class='spread'>± 0.141 (0.500–0.700)</span> <span class='down'>(-0.400)</span>" in html
    assert "<small>http://127.0.0.1:8001/v1</small>" in html
    assert "<td>$0.0000</td>" in html  # the offline coach's cost is known: nothing
    assert "<td>unknown</td>" in html  # the local model's is not: never shown as $0
    assert "≈ 1/2 passed" in html
    assert "<li>taper.ok: no taper before the race (1/2 runs)</li>" in html
    assert "<li>task: ModelHTTPError: 500 from the local server</li>" in html
    assert "<li>PlanJudge: error: RuntimeError: judge down</li>" in html
    assert "class='regression'>1</td>" in html  # the evaluator error is counted in the summary row


def test_the_html_and_table_list_regressions_against_a_baseline_run_with_their_reasons() -> None:
    before = results(repeat=1)
    before.models[1].cases[0].assertions["taper.ok"] = True
    now = results(repeat=1)
    now.models[1].cases[0].assertions["taper.ok"] = False
    now.models[1].cases[0].reasons["taper.ok"] = "no taper before the race"
    comparison = compare_with_baseline(now, before)

    table = text_of(case_changes_table(comparison))
    assert "1 regression(s)" in table
    assert re.search(r"local\s+│ 5k\s+│ pass\s+│ fail\s+│ taper\.ok: no taper before the race", table)
    html = render_html(now, comparison)
    assert "<h3>Cases that changed (1 regression(s))</h3>" in html
    assert "<tr class='regression'><td>local</td><td>5k</td><td>pass</td><td>fail</td>" in html
    assert "✘ fail</b> <span class='regression'>regression</span>" in html
