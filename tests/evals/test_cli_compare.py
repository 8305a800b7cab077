"""`planforge eval` for comparisons: per-case regressions against a baseline, refused baselines, repeated runs,
and a local OpenAI-compatible model beside the offline coach, each served from its own URL."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from planforge.cli import app
from planforge.testing import FakeOpenAI, serve_fake_openai

runner = CliRunner()
NO_RACE_CASE = "intermediate-base-no-race-trail-4w"


def evaluate(*args: str) -> Any:
    return runner.invoke(app, ["eval", *args])


@pytest.fixture
def swim_dataset(smoke_dataset: Path, tmp_path: Path) -> Path:
    """The smoke dataset with one case no plan of its request meets: a swim every week of a trail-running block."""
    data = yaml.safe_load(smoke_dataset.read_text(encoding="utf-8"))
    for case in data["cases"]:
        if case["name"] == NO_RACE_CASE:
            case["metadata"]["recurring"] = ["swim"]
    path = tmp_path / "swim.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def test_a_case_that_passed_in_the_baseline_and_fails_now_is_a_regression(swim_dataset: Path, tmp_path: Path) -> None:
    first = evaluate("--dataset", str(swim_dataset), "--out", str(tmp_path / "first"))
    assert first.exit_code == 0, first.output
    saved = json.loads((tmp_path / "first" / "results.json").read_text())
    [case] = [c for c in saved["models"][0]["cases"] if c["name"] == NO_RACE_CASE]
    assert case["assertions"]["constraints.ok"] is False
    case["assertions"] = dict.fromkeys(case["assertions"], True)  # the baseline says this case passed
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps(saved))

    again = evaluate("--dataset", str(swim_dataset), "--baseline", str(baseline), "--out", str(tmp_path / "again"))

    assert again.exit_code == 1
    assert f"1 case(s) went from pass to fail: offline {NO_RACE_CASE} (constraints.ok" in again.output
    assert "1 regression(s)" in again.output
    assert "constraints.ok:" in again.output  # the failed evaluator, with its reason, in the case table
    html = (tmp_path / "again" / "report.html").read_text()
    assert "<h3>Cases that changed (1 regression(s))</h3>" in html


def test_a_baseline_of_another_prompt_version_is_refused_before_anything_runs(
    smoke_dataset: Path, tmp_path: Path
) -> None:
    first = evaluate("--dataset", str(smoke_dataset), "--out", str(tmp_path / "first"))
    assert first.exit_code == 0, first.output
    saved = json.loads((tmp_path / "first" / "results.json").read_text())
    saved["prompt_version"] = "v1"
    baseline = tmp_path / "v1.json"
    baseline.write_text(json.dumps(saved))

    refused = evaluate("--dataset", str(smoke_dataset), "--baseline", str(baseline), "--out", str(tmp_path / "no"))

    assert refused.exit_code == 2
    message = " ".join(refused.output.split())
    assert f"baseline '{baseline}' cannot be compared with this run" in message
    assert f"it is dataset '{saved['dataset']}' with prompt 'v1'" in message
    assert f"this run is dataset '{saved['dataset']}' with prompt 'v2'" in message
    assert not (tmp_path / "no").exists()


def test_repeat_runs_every_case_n_times_and_shows_the_spread(smoke_dataset: Path, tmp_path: Path) -> None:
    result = evaluate("--dataset", str(smoke_dataset), "--repeat", "2", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "mean ±stdev over 2 runs" in result.output
    assert "flaky cases" in result.output
    saved = json.loads((tmp_path / "results.json").read_text())
    assert saved["repeat"] == 2
    offline = saved["models"][0]
    assert sorted({(c["name"], c["run"]) for c in offline["cases"]}) == sorted(
        (name, run) for name in {c["name"] for c in offline["cases"]} for run in (1, 2)
    )
    assert offline["summary"]["spread"]["pass_rate"]["stdev"] == 0.0  # the offline coach is deterministic


@pytest.mark.usefixtures("allow_model_requests")
def test_a_local_model_on_its_own_url_runs_beside_the_offline_coach_and_its_price_is_unknown(
    smoke_dataset: Path, tmp_path: Path
) -> None:
    fake = FakeOpenAI()  # answers as the offline coach would, over real HTTP on 127.0.0.1
    with serve_fake_openai(fake) as url:
        result = evaluate(
            "--dataset", str(smoke_dataset), "--model", f"local=openai-chat:fake-coach@{url}", "--out", str(tmp_path)
        )
    assert result.exit_code == 0, result.output
    assert {logged.request.model for logged in fake.requests} == {"fake-coach"}
    saved = json.loads((tmp_path / "results.json").read_text())
    offline, local = saved["models"]
    assert (local["model"], local["base_url"]) == ("local", url)
    assert local["summary"]["scores"]["completion"] == 1.0
    assert local["summary"]["usage"]["requests"] == len(fake.requests)
    assert (offline["summary"]["usage"]["cost_usd"], local["summary"]["usage"]["cost_usd"]) == (0.0, "unknown")
    assert re.search(r"cost\s+│\s+\$0\.0000\s+│\s+unknown", result.output)
    assert "<td>unknown</td>" in (tmp_path / "report.html").read_text()


def test_an_anthropic_model_is_never_sent_to_a_local_server(
    smoke_dataset: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    own_url = evaluate(
        "--dataset", str(smoke_dataset), "--model", "anthropic:claude-sonnet-4-5@http://127.0.0.1:8001/v1"
    )
    assert own_url.exit_code == 2
    assert "'anthropic' is not an OpenAI-compatible provider" in " ".join(own_url.output.split())

    monkeypatch.setenv("PLANFORGE_BASE_URL", "http://127.0.0.1:8001/v1")
    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-test")
    configured = evaluate(
        "--dataset", str(smoke_dataset), "--model", "anthropic:claude-sonnet-4-5", "--out", str(tmp_path)
    )
    assert configured.exit_code == 2
    assert "PLANFORGE_BASE_URL 'http://127.0.0.1:8001/v1' cannot serve it" in " ".join(configured.output.split())
    assert not (tmp_path / "results.json").exists()


@pytest.mark.usefixtures("allow_model_requests")
def test_a_local_judge_that_fails_is_reported_as_an_error_never_as_a_zero(smoke_dataset: Path, tmp_path: Path) -> None:
    fake = FakeOpenAI()  # the offline coach cannot grade: it answers the judge's request with a 400
    with serve_fake_openai(fake) as url:
        result = evaluate(
            "--dataset", str(smoke_dataset), "--judge", f"judge=openai-chat:grader@{url}", "--out", str(tmp_path)
        )
    assert result.exit_code == 0, result.output
    assert "4 evaluator error(s): those results are missing, not 0" in " ".join(result.output.split())
    assert re.search(r"evaluator errors\s+│\s+4", result.output)
    assert re.search(r"judge cost\s+│\s+–", result.output)  # no answer was counted: nothing priced, not $0
    offline = json.loads((tmp_path / "results.json").read_text())["models"][0]
    assert "judge" not in offline["summary"]["scores"]
    assert offline["summary"]["evaluator_errors"] == 4
    assert all(case["evaluator_errors"][0].startswith("PlanJudge: ") for case in offline["cases"])
    assert all("judge" not in case["scores"] for case in offline["cases"])
