"""Against a baseline: case by case, pass → fail is a regression with its reasons; another dataset is refused."""

from __future__ import annotations

import datetime as dt

import pytest

from planforge.evals.compare import IncomparableBaselineError, check_comparable, compare_with_baseline
from planforge.evals.results import CaseResult, EvalResults, ModelResult
from planforge.evals.summary import summarize


def case(name: str, run: int = 1, **failed: str) -> CaseResult:
    """A case run passing `race.ok`, `constraints.ok` and `taper.ok`, except the ones given with their reason."""
    assertions = {check: check not in failed for check in ("race.ok", "constraints.ok", "taper.ok", *failed)}
    return CaseResult(name=name, run=run, assertions=assertions, reasons=dict(failed), scores={"race": 1.0})


def model(name: str, *cases: CaseResult) -> ModelResult:
    return ModelResult(model=name, baseline=name == "offline", cases=list(cases), summary=summarize(cases))


def results(*models: ModelResult, digests: dict[str, str] | None = None, **fields: str) -> EvalResults:
    return EvalResults(
        dataset=fields.get("dataset", "plans.v2"),
        prompt_version=fields.get("prompt_version", "v2"),
        judge=fields.get("judge"),
        case_digests=digests or {},
        created_at=dt.datetime(2026, 12, 1, tzinfo=dt.UTC),
        models=list(models),
    )


def test_a_case_going_from_pass_to_fail_is_a_regression_listed_by_evaluator_with_reasons() -> None:
    before = results(model("local", case("5k"), case("marathon", **{"taper.ok": "no taper"}), case("10k")))
    now = results(
        model(
            "local",
            case("5k", **{"race.ok": "no race in week 8", "constraints.ok": "runs on Monday, a day off"}),
            case("marathon"),
            case("10k"),
        )
    )
    comparison = compare_with_baseline(now, before)

    [regression] = comparison.regressions
    assert (regression.model, regression.case, regression.statuses) == ("local", "5k", ("pass", "fail"))
    assert regression.now.failures == {
        "race.ok": ("no race in week 8", 1),
        "constraints.ok": ("runs on Monday, a day off", 1),
    }
    [fixed] = [change for change in comparison.cases if not change.regression]
    assert (fixed.case, fixed.statuses) == ("marathon", ("fail", "pass"))


def test_with_repeats_a_case_that_passed_every_run_and_now_passes_only_some_is_a_regression() -> None:
    before = results(model("local", case("5k", 1), case("5k", 2), case("10k", 1), case("10k", 2)))
    now = results(
        model("local", case("5k", 1), case("5k", 2, **{"race.ok": "no race"}), case("10k", 1), case("10k", 2))
    )
    [regression] = compare_with_baseline(now, before).regressions
    assert (regression.case, regression.now.verdict) == ("5k", "1/2 passed")
    assert regression.now.failures == {"race.ok": ("no race", 1)}


def test_edited_cases_and_new_models_are_not_compared_and_say_so() -> None:
    before = results(model("offline", case("5k"), case("10k")), digests={"5k": "aaa", "10k": "bbb"})
    now = results(
        model("offline", case("5k", **{"race.ok": "x"}), case("10k", **{"race.ok": "y"})),
        model("local", case("5k")),
        digests={"5k": "aaa", "10k": "ccc"},
    )
    comparison = compare_with_baseline(now, before)
    assert [change.case for change in comparison.regressions] == ["5k"]
    assert comparison.not_compared == [
        "offline: 10k: edited since the baseline, not compared",
        "local: not in the baseline",
    ]


def test_a_fall_of_an_average_score_beyond_the_threshold_is_a_regression_too() -> None:
    before = results(model("local", case("5k")))
    now = results(model("local", case("5k").model_copy(update={"scores": {"race": 0.9}})))
    [change] = [c for c in compare_with_baseline(now, before, max_regression=0.05).scores if c.score == "race"]
    assert (change.delta, change.regression) == (-0.1, True)


@pytest.mark.parametrize(
    ("baseline", "named"),
    [
        ({"dataset": "plans.v1"}, ["dataset 'plans.v1' with prompt 'v2'", "dataset 'plans.v2' with prompt 'v2'"]),
        ({"prompt_version": "v1"}, ["dataset 'plans.v2' with prompt 'v1'", "dataset 'plans.v2' with prompt 'v2'"]),
        ({"judge": "openai:gpt-4o-mini"}, ["judge 'openai:gpt-4o-mini'", "no judge"]),
    ],
)
def test_a_baseline_of_another_dataset_prompt_or_judge_is_refused_naming_both(
    baseline: dict[str, str], named: list[str]
) -> None:
    with pytest.raises(IncomparableBaselineError) as raised:
        check_comparable(
            results(model("offline"), **baseline), dataset="plans.v2", prompt_version="v2", judge=None, source="b.json"
        )
    message = str(raised.value)
    assert message.startswith("baseline 'b.json' cannot be compared with this run: it is ")
    assert all(part in message for part in named)


def test_a_baseline_of_the_same_dataset_prompt_and_judge_compares() -> None:
    check_comparable(results(model("offline")), dataset="plans.v2", prompt_version="v2", judge=None, source="b.json")
