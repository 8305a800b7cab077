"""Local OpenAI-compatible servers (issue 14): names kept whole, the server profile, output modes, cache points."""

from __future__ import annotations

import pytest
from pydantic_ai import NativeOutput, PromptedOutput, ToolOutput
from pydantic_ai.messages import CachePoint
from pydantic_ai.models.anthropic import AnthropicModel
from pydantic_ai.models.fallback import FallbackModel
from pydantic_ai.models.test import TestModel
from pydantic_ai.providers.anthropic import AnthropicProvider

from planforge import ConfigurationError, Settings
from planforge.domain.draft import Draft
from planforge.llm import resolve_model
from planforge.llm.caching import PREFIX_ONLY, shared_prefix_settings, with_cache_point
from planforge.llm.local import LocalChatModel, served_name
from planforge.llm.output_mode import output_mode_for, output_spec
from planforge.llm.profile import effective_settings, streams_requests

LOCAL = "http://127.0.0.1:9/v1"


@pytest.mark.parametrize(
    ("choice", "sent"),
    [
        ("llama3.2:3b", "llama3.2:3b"),  # Ollama's tag, whole (it used to go out as "3b")
        ("qwen2.5:7b-instruct", "qwen2.5:7b-instruct"),
        ("hf.co/bartowski/Llama-3.2-3B-Instruct-GGUF:Q4_K_M", "hf.co/bartowski/Llama-3.2-3B-Instruct-GGUF:Q4_K_M"),
        ("mistral:7b", "mistral:7b"),
        ("openai-chat:llama3.2:3b", "llama3.2:3b"),
        ("openai:gpt-oss-20b", "gpt-oss-20b"),
        ("local-model", "local-model"),
    ],
)
def test_a_local_model_name_is_sent_as_the_server_knows_it(choice: str, sent: str) -> None:
    model = resolve_model(choice, Settings(base_url=LOCAL))
    assert isinstance(model, LocalChatModel)
    assert model.model_name == sent
    assert str(model.base_url).rstrip("/") == LOCAL


def test_a_model_of_a_provider_with_its_own_api_is_never_sent_to_the_local_server(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert served_name("anthropic:claude-sonnet-4-6") is None
    with pytest.raises(ConfigurationError, match="ANTHROPIC_API_KEY"):
        resolve_model("anthropic:claude-sonnet-4-6", Settings(base_url=LOCAL))
    monkeypatch.setenv("ANTHROPIC_API_KEY", "test-key")
    model = resolve_model("anthropic:claude-sonnet-4-6", Settings(base_url=LOCAL))
    assert isinstance(model, AnthropicModel)
    assert "127.0.0.1" not in str(model.base_url)


def test_a_base_url_picks_the_local_profile_but_explicit_settings_win() -> None:
    local = effective_settings(Settings(base_url=LOCAL, model="m"))
    assert (local.concurrency, local.call_timeout_seconds, local.request_timeout_seconds) == (1, 600.0, 3_600.0)
    assert streams_requests(local)
    chosen = effective_settings(Settings(base_url=LOCAL, model="m", concurrency=4, stream_requests=False))
    assert (chosen.concurrency, streams_requests(chosen)) == (4, False)
    hosted = effective_settings(Settings(base_url=LOCAL, model="m", server_profile="hosted"))
    assert (hosted.concurrency, hosted.call_timeout_seconds, streams_requests(hosted)) == (16, None, False)
    assert effective_settings(Settings()).concurrency == 16


def test_the_environment_counts_as_explicit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLANFORGE_BASE_URL", LOCAL)
    monkeypatch.setenv("PLANFORGE_CONCURRENCY", "2")
    assert effective_settings(Settings()).concurrency == 2


def test_the_output_mode_defaults_by_provider_and_can_be_set_per_model() -> None:
    local = resolve_model("llama3.2:3b", Settings(base_url=LOCAL))
    assert output_mode_for(local, Settings()) == "prompted"
    assert output_mode_for(TestModel(), Settings()) == "tool"
    assert output_mode_for(local, Settings(output_mode="native")) == "native"
    per_model = Settings(output_mode="native", output_modes={"llama3.2:3b": "tool"})
    assert output_mode_for(local, per_model) == "tool"
    assert output_mode_for(FallbackModel(local, TestModel()), Settings()) == "prompted"


def test_each_output_mode_asks_for_the_answer_under_the_contracts_name() -> None:
    specs = {mode: output_spec(Draft, name="submit_draft", description="d", mode=mode) for mode in ("tool", "native")}
    assert isinstance(specs["tool"], ToolOutput)
    assert specs["tool"].name == "submit_draft"
    assert isinstance(specs["native"], NativeOutput)
    assert specs["native"].name == "submit_draft"
    prompted = output_spec(Draft, name="submit_draft", description="d", mode="prompted")
    assert isinstance(prompted, PromptedOutput)
    assert prompted.name == "submit_draft"


def test_the_output_mode_setting_names_its_choices() -> None:
    with pytest.raises(ValueError, match="output_mode"):
        Settings(output_mode="json")  # type: ignore[arg-type]


def test_anthropic_gets_a_cache_point_after_the_shared_part_others_the_same_text() -> None:
    prompt = "<training_principle>\nslow\n</training_principle>\n\n<chunk>\n{}\n</chunk>\n"
    claude = AnthropicModel("claude-sonnet-4-6", provider=AnthropicProvider(api_key="test-key"))
    cached = with_cache_point(prompt, "<chunk>\n", claude, calls=3)
    assert isinstance(cached, list)
    assert cached[0] == prompt[: prompt.index("<chunk>")]
    assert isinstance(cached[1], CachePoint)
    assert "".join(part for part in cached if isinstance(part, str)) == prompt
    assert with_cache_point(prompt, "<chunk>\n", claude, calls=1) == prompt  # nothing would read the cache
    assert with_cache_point(prompt, "<chunk>\n", TestModel(), calls=3) == prompt
    assert shared_prefix_settings(3) == PREFIX_ONLY
    assert shared_prefix_settings(1) == {}
