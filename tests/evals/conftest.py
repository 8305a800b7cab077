"""A small subset of the real dataset, scripted LLM stand-ins (some priced as a hosted model), and a tiny dataset
whose one check the test decides, for the runner, metering and comparison tests."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic_ai import models
from pydantic_ai.messages import ModelMessage, ModelResponse, ToolCallPart
from pydantic_ai.models.function import AgentInfo, FunctionModel
from pydantic_evals import Case
from pydantic_evals.evaluators import EvaluationReason, Evaluator, EvaluatorContext

from planforge.agents.draft import DRAFT_OUTPUT_TOOL
from planforge.domain.draft import Draft
from planforge.domain.requests import DraftRequest
from planforge.evals.dataset import PlanDataset
from planforge.evals.models import EvalModel
from planforge.evals.paths import dataset_path
from planforge.evals.schema import PlanOutcome
from planforge.testing import ScriptedCoach, request_sections, scripted_draft

SMOKE_CASES = (
    "beginner-general-fitness-1w",
    "advanced-5k-race-week-1w",
    "intermediate-base-no-race-trail-4w",
    "beginner-5k-strict-library-6w",
)


@pytest.fixture
def smoke_dataset(tmp_path: Path) -> Path:
    """plans.v1 cut down to SMOKE_CASES, as a dataset file."""
    data = yaml.safe_load(dataset_path("plans.v1").read_text(encoding="utf-8"))
    data["cases"] = [case for case in data["cases"] if case["name"] in SMOKE_CASES]
    path = tmp_path / "smoke.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def scripted_llm() -> EvalModel:
    """A careless 'LLM': the same three-run week whatever is asked, each session converted as an easy run."""

    def draft(messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
        weeks = json.loads(request_sections(messages)["draft_request"])["weeks"]
        return ModelResponse(parts=[ToolCallPart(DRAFT_OUTPUT_TOOL, scripted_draft(weeks).model_dump(mode="json"))])

    return EvalModel(FunctionModel(draft, model_name="scripted-draft"), ScriptedCoach().model(), label="scripted")


@pytest.fixture(autouse=True)
def _no_configured_server(monkeypatch: pytest.MonkeyPatch) -> None:
    """No eval test sees a base URL or fallback models from the developer's shell."""
    for name in ("PLANFORGE_BASE_URL", "PLANFORGE_API_KEY", "PLANFORGE_FALLBACK_MODELS"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def allow_model_requests() -> Iterator[None]:
    """Let pydantic-ai's OpenAI model send requests: they go to the fake server on 127.0.0.1, never further."""
    models.ALLOW_MODEL_REQUESTS = True
    yield
    models.ALLOW_MODEL_REQUESTS = False


class PricedFunctionModel(FunctionModel):
    """A scripted model that genai-prices prices as OpenAI's model of the same name (e.g. gpt-4o-mini)."""

    @property
    def system(self) -> str:
        return "openai"


DraftFor = Callable[[int], Awaitable[Draft]]
"""Writes the draft for a request of so many weeks (may sleep, count calls, or vary its answer)."""


def draft_model(write: DraftFor, name: str = "scripted-draft", *, priced: bool = False) -> FunctionModel:
    """A draft model answering the draft agent with `write(weeks)`."""

    async def answer(messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
        weeks = json.loads(request_sections(messages)["draft_request"])["weeks"]
        draft = await write(weeks)
        return ModelResponse(parts=[ToolCallPart(DRAFT_OUTPUT_TOOL, draft.model_dump(mode="json"))])

    return (PricedFunctionModel if priced else FunctionModel)(answer, model_name=name)


@dataclass
class SaysSteady(Evaluator[DraftRequest, PlanOutcome, Any]):
    """Stands in for a real check, decided by the test: the draft must say "Steady" (its title does)."""

    def evaluate(self, ctx: EvaluatorContext[DraftRequest, PlanOutcome, Any]) -> dict[str, float | EvaluationReason]:
        steady = "Steady" in ctx.output.draft
        return {
            "constraints": 1.0 if steady else 0.0,
            "constraints.ok": EvaluationReason(value=steady, reason=None if steady else "the draft is not steady"),
        }


def tiny_dataset(*weeks: int) -> PlanDataset:
    """One case per entry of `weeks` ("w2", "w3", …), judged only by `SaysSteady`."""
    cases = [Case(name=f"w{n}", inputs=DraftRequest(weeks=n, level="beginner", org_id="eval")) for n in weeks]
    return PlanDataset(name="tiny", cases=cases, evaluators=[SaysSteady()])


def titled(weeks: int, title: str) -> Draft:
    """The scripted draft of `weeks` weeks under `title`."""
    return scripted_draft(weeks).model_copy(update={"title": title})
