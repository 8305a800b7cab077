"""Model specs: each row names its model and where it is served; nothing is silently served by a local server."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack

import pytest
from pydantic_ai.models.fallback import FallbackModel
from pydantic_ai.models.openai import OpenAIChatModel

from planforge.evals.models import EvalModel, ModelRow, ModelSpecError, build_judge, eval_settings, resolve_rows
from planforge.evals.runner import with_offline_baseline
from planforge.exceptions import ConfigurationError
from planforge.settings import Settings

pytestmark = pytest.mark.anyio

LOCAL = "http://127.0.0.1:8001/v1"


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("offline", EvalModel("offline")),
        ("openai:gpt-4o-mini", EvalModel("openai:gpt-4o-mini")),
        ("anthropic:claude-sonnet-4-5", EvalModel("anthropic:claude-sonnet-4-5")),
        (f"local=openai-chat:llama3.2:3b@{LOCAL}", EvalModel("openai-chat:llama3.2:3b", label="local", base_url=LOCAL)),
        (f"llama3.2:3b@{LOCAL}", EvalModel("llama3.2:3b", base_url=LOCAL)),
        ("mini=openai:gpt-4o-mini", EvalModel("openai:gpt-4o-mini", label="mini")),
        ("openai:gpt-4o-mini#v1", EvalModel("openai:gpt-4o-mini", prompt_version="v1")),
        (f"local=llama3.2:3b#v2@{LOCAL}", EvalModel("llama3.2:3b", label="local", base_url=LOCAL, prompt_version="v2")),
    ],
)
def test_a_spec_names_the_model_its_row_and_its_server(spec: str, expected: EvalModel) -> None:
    assert EvalModel.parse(spec) == expected


@pytest.mark.parametrize(
    ("spec", "problem"),
    [
        (f"anthropic:claude-sonnet-4-5@{LOCAL}", "'anthropic' is not an OpenAI-compatible provider"),
        (f"claude=anthropic:claude-sonnet-4-5@{LOCAL}", "its base URL 'http://127.0.0.1:8001/v1' cannot serve it"),
        (f"mistral:mistral-large-latest@{LOCAL}", "'mistral' is not an OpenAI-compatible provider"),
        (f"offline@{LOCAL}", "the offline coach runs in-process"),
        ("two words", "write it as NAME, LABEL=NAME or NAME@BASE_URL"),
        ("local=@http://127.0.0.1:8001/v1", "write it as NAME"),
    ],
)
def test_a_spec_that_cannot_be_served_as_written_is_refused(spec: str, problem: str) -> None:
    with pytest.raises(ModelSpecError, match="model ") as raised:
        EvalModel.parse(spec)
    assert problem in str(raised.value)


@pytest.fixture
async def stack() -> AsyncIterator[AsyncExitStack]:
    async with AsyncExitStack() as stack:
        yield stack


def rows(specs: list[str], settings: Settings, stack: AsyncExitStack) -> dict[str, ModelRow]:
    built = resolve_rows(with_offline_baseline([EvalModel.parse(s) for s in specs]), settings, stack)
    return {row.name: row for row in built}


async def test_a_local_and_a_hosted_model_compare_in_one_run_each_served_from_its_own_url(
    stack: AsyncExitStack, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    built = rows([f"local=openai-chat:llama3.2:3b@{LOCAL}", "openai:gpt-4o-mini"], Settings(), stack)

    assert list(built) == ["offline", "local", "openai:gpt-4o-mini"]
    local, hosted = built["local"], built["openai:gpt-4o-mini"]
    assert isinstance(local.model, OpenAIChatModel)
    assert (local.model.model_name, local.model.base_url, local.base_url) == ("llama3.2:3b", f"{LOCAL}/", LOCAL)
    assert str(hosted.model.base_url).startswith("https://api.openai.com")
    assert hosted.base_url is None
    assert built["offline"].model.model_name == "offline"


async def test_planforge_base_url_never_serves_another_providers_model(
    stack: AsyncExitStack, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(base_url=LOCAL)
    served = rows(["openai-chat:llama3", "qwen2.5:7b"], settings, stack)
    assert (served["openai-chat:llama3"].model.model_name, served["openai-chat:llama3"].base_url) == ("llama3", LOCAL)
    assert served["qwen2.5:7b"].model.model_name == "qwen2.5:7b"
    assert served["offline"].base_url is None

    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-test")
    with pytest.raises(ModelSpecError) as raised:
        rows(["anthropic:claude-sonnet-4-5"], settings, stack)
    assert str(raised.value).startswith("model 'anthropic:claude-sonnet-4-5': 'anthropic' is not an OpenAI-compatible")
    assert f"PLANFORGE_BASE_URL {LOCAL!r} cannot serve it" in str(raised.value)


async def test_a_row_is_exactly_its_model_never_a_fallback(
    stack: AsyncExitStack, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    settings = eval_settings(Settings(fallback_models=["openai:gpt-4o"]))
    model = rows(["openai:gpt-4o-mini"], settings, stack)["openai:gpt-4o-mini"].model
    assert not isinstance(model, FallbackModel)


async def test_rows_need_distinct_names_and_hosted_models_their_keys(stack: AsyncExitStack) -> None:
    with pytest.raises(ModelSpecError, match="two models have this row name"):
        rows([f"llama3@{LOCAL}", "llama3@http://127.0.0.1:9000/v1"], Settings(), stack)
    with pytest.raises(ConfigurationError, match="OPENAI_API_KEY"):
        rows(["openai:gpt-4o-mini"], Settings(), stack)


async def test_the_judge_takes_the_same_spec_but_the_offline_coach_cannot_judge(stack: AsyncExitStack) -> None:
    name, judge = build_judge(EvalModel.parse(f"local-judge=openai-chat:qwen2.5:7b@{LOCAL}"), Settings(), stack)
    assert (name, judge.model_name, judge.base_url) == ("local-judge", "qwen2.5:7b", f"{LOCAL}/")
    with pytest.raises(ModelSpecError, match="cannot judge"):
        build_judge("offline", Settings(), stack)


def test_a_row_on_its_own_prompt_version_is_named_by_it_and_an_unknown_version_is_refused() -> None:
    assert EvalModel.parse("openai:gpt-4o-mini#v1").name == "openai:gpt-4o-mini#v1"
    with pytest.raises(ModelSpecError, match="v9"):
        EvalModel.parse("openai:gpt-4o-mini#v9")


async def test_prompt_versions_compare_in_one_run_each_row_drafting_on_its_own() -> None:
    from pydantic_ai.messages import ModelMessage, ModelRequest, ModelResponse
    from pydantic_ai.models.function import AgentInfo, FunctionModel

    from planforge.evals.dataset import load_dataset
    from planforge.evals.runner import run_eval
    from planforge.testing import scripted_draft, scripted_draft_model

    seen: dict[str, bool] = {}
    dataset = load_dataset("plans.v2")
    one_case = type(dataset)(name=dataset.name, cases=dataset.cases[:1], evaluators=[])

    def recording(version: str) -> FunctionModel:
        """A scripted drafting model that notes whether its instructions carried the coaching figures."""
        answer = scripted_draft_model(scripted_draft(one_case.cases[0].inputs.weeks)).function
        assert answer is not None

        def function(messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
            instructions = " ".join(m.instructions or "" for m in messages if isinstance(m, ModelRequest))
            seen[version] = "Coaching figures" in instructions
            return answer(messages, info)  # type: ignore[return-value]  # the scripted answer is synchronous

        return FunctionModel(function, model_name=f"scripted-{version}")

    rows = [
        EvalModel(recording("v1"), plan_model="offline", label="v1", prompt_version="v1"),
        EvalModel(recording("v2"), plan_model="offline", label="v2"),
    ]
    results = await run_eval(one_case, rows, prompt_version="v2")
    assert [m.model for m in results.models] == ["offline", "v1", "v2"]
    assert seen == {"v1": False, "v2": True}  # only v2's instructions carry the coaching figures
    assert all(case.error is None for row in results.models for case in row.cases)
