"""An offline smoke run of the eval suite: the offline coach and a scripted model, no network."""

from __future__ import annotations

from pathlib import Path

import pytest

from planforge.evals.dataset import load_dataset
from planforge.evals.results import COMPLETION, PASS_RATE
from planforge.evals.runner import run_eval
from tests.evals.conftest import SMOKE_CASES, scripted_llm


@pytest.mark.anyio
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
    assert offline.summary.cost_usd == 0.0
    assert scripted.summary.cost_usd is None  # genai-prices does not know a FunctionModel
    assert offline.summary.latency_p50 is not None
    assert offline.summary.output_tokens > 0


@pytest.mark.anyio
async def test_a_failing_model_is_recorded_not_raised(smoke_dataset: Path) -> None:
    from pydantic_ai.models.function import FunctionModel

    def broken(*_: object) -> None:
        raise RuntimeError("model down")

    results = await run_eval(load_dataset(str(smoke_dataset)), [FunctionModel(broken, model_name="broken")])
    broken_run = results.models[1]
    assert broken_run.summary.scores[COMPLETION] == 0.0
    assert all(case.error and "model down" in case.error for case in broken_run.cases)
