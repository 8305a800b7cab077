"""A small subset of the real dataset and a scripted LLM stand-in, for the smoke runs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from pydantic_ai.messages import ModelMessage, ModelResponse, ToolCallPart
from pydantic_ai.models.function import AgentInfo, FunctionModel

from planforge.agents.draft import DRAFT_OUTPUT_TOOL
from planforge.evals.paths import dataset_path
from planforge.evals.task import EvalModel
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
