"""`planforge eval` end to end (JSON + HTML, baseline exit codes) and the dataset's own consistency."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic_evals.evaluators import EvaluatorContext
from typer.testing import CliRunner

from planforge.cli import app
from planforge.domain.plan import Plan, PlanWorkout
from planforge.evals.dataset import dataset_schema, load_dataset
from planforge.evals.evaluators import PlanStructure, RequestConstraints
from planforge.evals.paths import datasets_dir
from planforge.evals.schema import PlanOutcome
from planforge.offline.parser import parse_to_workouts

runner = CliRunner()


def test_eval_writes_json_and_html_and_checks_a_baseline(smoke_dataset: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = runner.invoke(app, ["eval", "--dataset", str(smoke_dataset), "--model", "offline", "--out", str(out)])
    assert first.exit_code == 0, first.output
    assert "offline (baseline)" in first.output
    assert "pass rate" in first.output
    results = json.loads((out / "results.json").read_text())
    assert [m["model"] for m in results["models"]] == ["offline"]
    html = (out / "report.html").read_text()
    assert html.count("<svg") == 2
    assert "http" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")

    same = runner.invoke(app, ["eval", "--dataset", str(smoke_dataset), "--baseline", str(out / "results.json"),
                               "--out", str(tmp_path / "again")])  # fmt: skip
    assert same.exit_code == 0, same.output

    better = results
    better["models"][0]["summary"]["scores"]["constraints"] = 1.1  # a baseline the current run falls behind
    baseline = tmp_path / "better.json"
    baseline.write_text(json.dumps(better))
    worse = runner.invoke(app, ["eval", "--dataset", str(smoke_dataset), "--baseline", str(baseline),
                                "--out", str(tmp_path / "worse")])  # fmt: skip
    assert worse.exit_code == 1
    assert "REGRESSION" in worse.output


def test_eval_rejects_an_unknown_dataset_and_a_bad_baseline(tmp_path: Path) -> None:
    unknown = runner.invoke(app, ["eval", "--dataset", "nope", "--out", str(tmp_path)])
    assert unknown.exit_code == 2
    assert "no dataset 'nope'" in unknown.output
    bad = tmp_path / "bad.json"
    bad.write_text("{}")
    broken = runner.invoke(app, ["eval", "--baseline", str(bad), "--out", str(tmp_path)])
    assert broken.exit_code == 2
    assert "not planforge eval results" in broken.output


def test_the_committed_schema_matches_the_case_types() -> None:
    assert (datasets_dir() / "plans.v1_schema.json").read_text() == dataset_schema()


def test_dataset_v1_stays_loadable_as_history() -> None:
    cases = load_dataset("plans.v1").cases
    assert len(cases) >= 20
    assert {c.inputs.level for c in cases} == {"beginner", "intermediate", "advanced"}
    assert {c.inputs.workout_preference for c in cases} == {"ai_generate", "prefer_existing", "strict_existing"}
    assert {1, 52} <= {c.inputs.weeks for c in cases}
    tags = {tag for c in cases if c.metadata for tag in c.metadata.tags}
    assert {"5k", "10k", "half", "marathon", "ultra", "triathlon", "cycling", "trail", "principle-override"} <= tags


@pytest.mark.parametrize("case", load_dataset("plans.v1").cases, ids=lambda case: case.name or "")
def test_each_golden_draft_has_the_properties_its_case_demands(case: object) -> None:
    from pydantic_evals import Case

    assert isinstance(case, Case)
    request, expect = case.inputs, case.metadata
    workouts, info = parse_to_workouts(expect.golden_draft, weeks=request.weeks)
    plan = Plan(content=[PlanWorkout.model_validate(w.model_dump()) for w in workouts], weekly_info=info)
    ctx = EvaluatorContext(name=case.name, inputs=request, metadata=expect, expected_output=None,
                           output=PlanOutcome(draft=expect.golden_draft, plan=plan), duration=0.0,
                           _span_tree=None, attributes={}, metrics={})  # type: ignore[arg-type]  # fmt: skip
    assert PlanStructure().evaluate(ctx)["structure.ok"] is True
    assert RequestConstraints().evaluate(ctx).get("constraints.ok", True) is True


def test_library_quality_workouts_state_their_work_steps() -> None:
    # A quality workout without steps counts wholly hard (a 60-min tempo ride with 30 min at tempo would count 60),
    # so a plan that uses the library would fail the intensity distribution for the library's sake.
    from planforge.evals.paths import load_library, sample_library_path
    from planforge.quality.measures import is_hard

    missing = [w.workout_name for w in load_library(sample_library_path()) if is_hard(w) and not w.content_blocks]  # pyright: ignore[reportArgumentType]
    assert missing == ["Race: 5K", "Race: 10K"]
