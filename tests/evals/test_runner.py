"""Running the eval: the offline smoke run, latency per model, repeated runs, and what every case spends."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest
from pydantic_ai.messages import ModelMessage, ModelResponse, TextPart, ToolCallPart
from pydantic_ai.models.function import AgentInfo, FunctionModel

from planforge.domain.draft import Draft
from planforge.evals.dataset import load_dataset
from planforge.evals.models import EvalModel
from planforge.evals.results import COMPLETION, PASS_RATE
from planforge.evals.runner import run_eval
from planforge.testing import ScriptedCoach
from tests.evals.conftest import (
    SMOKE_CASES,
    PricedFunctionModel,
    draft_model,
    scripted_llm,
    tiny_dataset,
    titled,
)

pytestmark = pytest.mark.anyio


async def test_smoke_run_puts_the_offline_coach_first_and_separates_it_from_a_careless_model(
    smoke_dataset: Path,
) -> None:
    finished: list[str] = []
    results = await run_eval(
        load_dataset(str(smoke_dataset)), [scripted_llm()], max_concurrency=3, on_case_done=finished.append
    )
    offline, scripted = results.models
    assert (offline.model, offline.baseline, scripted.model) == ("offline", True, "scripted")
    assert [case.name for case in offline.cases] == list(SMOKE_CASES)
    assert sorted(finished) == sorted(["offline"] * 4 + ["scripted"] * 4)
    assert offline.summary.scores[COMPLETION] == 1.0
    assert offline.summary.scores["structure"] == 1.0
    # Under ai_generate the offline plan is exactly its draft; library cases swap in library workouts.
    assert all(case.scores["fidelity"] == 1.0 for case in offline.cases if "library" not in case.name)
    # The scripted model writes the same week whatever the request asks.
    assert scripted.summary.scores["constraints"] < offline.summary.scores["constraints"]
    assert scripted.summary.scores[PASS_RATE] < offline.summary.scores[PASS_RATE]
    assert offline.summary.usage.cost_usd == 0.0
    assert scripted.summary.usage.cost_usd == "unknown"  # genai-prices does not know a FunctionModel: not $0
    assert scripted.summary.usage.requests > 0
    assert offline.summary.latency_p50 is not None
    assert offline.summary.usage.output_tokens > 0
    assert set(results.case_digests) == set(SMOKE_CASES)


async def test_a_failing_model_is_recorded_not_raised(smoke_dataset: Path) -> None:
    def broken(*_: object) -> None:
        raise RuntimeError("model down")

    results = await run_eval(load_dataset(str(smoke_dataset)), [FunctionModel(broken, model_name="broken")])
    broken_run = results.models[1]
    assert broken_run.summary.scores[COMPLETION] == 0.0
    assert all(case.error and "model down" in case.error for case in broken_run.cases)
    assert all(case.failures() == {"task": case.error} for case in broken_run.cases)


async def test_each_model_has_its_own_limit_and_a_case_is_timed_from_its_own_start() -> None:
    """With one case at a time per model, a fast model never waits for a slow one, nor a case for its own
    model's earlier cases: the latency is the case's own time."""
    running = peak = 0

    def paced(seconds: float) -> EvalModel:
        async def write(weeks: int) -> Draft:
            nonlocal running, peak
            running += 1
            peak = max(peak, running)
            await asyncio.sleep(seconds)
            running -= 1
            return titled(weeks, "Steady")

        return EvalModel(draft_model(write, f"{seconds}s"), ScriptedCoach().model(), label=f"{seconds}s")

    started = time.perf_counter()
    results = await run_eval(tiny_dataset(1, 2, 3), [paced(0.3), paced(0.0)], max_concurrency=1)
    _, slow, fast = results.models
    assert peak == 2  # the two models ran side by side: no limit shared across models
    assert fast.summary.scores[COMPLETION] == 1.0
    assert (fast.summary.latency_p95 or 0.0) < 0.25  # it never waited behind the slow model
    slow_seconds = [case.seconds for case in slow.cases if case.seconds is not None]
    assert len(slow_seconds) == 3
    assert all(0.3 <= seconds < 0.55 for seconds in slow_seconds)  # not 0.6 and 0.9: waiting is not counted
    assert time.perf_counter() - started >= 0.9  # yet its three cases did run one at a time


async def test_repeated_runs_report_mean_and_spread_and_flag_flaky_cases() -> None:
    calls: dict[int, int] = {}

    async def every_second_call_wobbles(weeks: int) -> Draft:
        calls[weeks] = calls.get(weeks, 0) + 1
        return titled(weeks, "Wobbly" if calls[weeks] == 2 else "Steady")

    flaky = EvalModel(draft_model(every_second_call_wobbles), ScriptedCoach().model(), label="flaky")
    results = await run_eval(tiny_dataset(1, 2), [flaky], repeat=3, max_concurrency=2)

    assert results.repeat == 3
    offline, model = results.models
    assert [(case.name, case.run) for case in model.cases] == [(n, r) for n in ("w1", "w2") for r in (1, 2, 3)]
    summary = model.summary
    assert summary.runs == 3
    assert summary.flaky_cases == 2  # each case passed in two runs of three
    # Each run's pass rate is 1, 0.5 or 0 depending on which run got the wobbly draft; their mean is exact.
    assert summary.scores[PASS_RATE] == pytest.approx(2 / 3, abs=1e-4)
    pass_rate = summary.spread[PASS_RATE]
    assert pass_rate.stdev > 0
    assert pass_rate.min < pass_rate.max
    assert summary.spread["constraints"].mean == pytest.approx(2 / 3, abs=1e-4)
    assert summary.spread["latency_p50"].min <= summary.spread["latency_p50"].max
    assert offline.summary.spread[COMPLETION].stdev == 0.0  # the offline coach is deterministic


def _unconvertible(messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
    return ModelResponse(parts=[TextPart("I would rather not convert this.")])


async def test_a_failed_case_still_counts_what_its_requests_cost() -> None:
    async def write(weeks: int) -> Draft:
        return titled(weeks, "Steady")

    drafts = draft_model(write, "gpt-4o-mini", priced=True)
    converts = PricedFunctionModel(_unconvertible, model_name="gpt-4o-mini")
    results = await run_eval(tiny_dataset(2), [EvalModel(drafts, converts, label="hosted")])

    [case] = results.models[1].cases
    assert "could not convert" in str(case.error)
    assert case.usage.requests >= 2  # the draft, and every attempt to convert it
    assert isinstance(case.usage.cost_usd, float)
    assert case.usage.cost_usd > 0
    assert results.models[1].summary.usage == case.usage


def _judge(verdict: bool) -> PricedFunctionModel:
    def grade(messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
        args = {"reason": "steady enough" if verdict else "too wobbly", "pass": verdict, "score": 0.8}
        return ModelResponse(parts=[ToolCallPart(info.output_tools[0].name, args)])

    return PricedFunctionModel(grade, model_name="gpt-4o-mini")


async def test_judge_calls_are_counted_and_priced_apart_from_the_coach() -> None:
    results = await run_eval(tiny_dataset(1, 2), [scripted_llm()], judge=_judge(False))
    scripted = results.models[1]
    assert results.judge == "gpt-4o-mini"
    assert scripted.summary.scores["judge"] == 0.8
    assert all(case.failures()["judge.pass"] == "too wobbly" for case in scripted.cases)
    assert scripted.summary.judge_usage.requests == 2
    judge_cost = scripted.summary.judge_usage.cost_usd
    assert isinstance(judge_cost, float)
    assert judge_cost > 0
    assert scripted.summary.usage.cost_usd == "unknown"  # the scripted coach itself has no price
    assert scripted.summary.cost_usd == "unknown"  # so the total is not known either


async def test_a_judge_that_fails_is_an_error_in_the_report_never_a_zero_score() -> None:
    def down(messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
        raise RuntimeError("judge provider down")

    results = await run_eval(tiny_dataset(1, 2), [], judge=FunctionModel(down, model_name="judge"))
    offline = results.models[0]
    assert "judge" not in offline.summary.scores  # no score at all rather than a silent 0
    assert all("judge" not in case.scores and not case.passed for case in offline.cases)
    assert offline.summary.evaluator_errors == 2
    assert all(case.failures()["PlanJudge"] == "error: RuntimeError: judge provider down" for case in offline.cases)
