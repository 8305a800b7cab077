"""Models served by an OpenAI-compatible server at `PLANFORGE_BASE_URL` (Ollama, llama.cpp, vLLM, LM Studio).

Names are sent as the server knows them: `llama3.2:3b` stays `llama3.2:3b` (Ollama's tags contain colons). A
leading `openai:` / `openai-chat:` only says "served over chat completions" and is dropped; the names of
providers with their own API (`anthropic:…`, `google-gla:…`) are never sent to the local server.

Prompted output asks for nothing but chat completions (no `response_format`). The output token cap goes out
as `max_completion_tokens` (what OpenAI reads) and as `max_tokens` (what llama.cpp, llama-cpp-python and older
servers read; the others take either). A server that reports no token usage gets it estimated
(`planforge.llm.usage`).
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager
from typing import Any, Final

from openai import AsyncOpenAI
from pydantic_ai import RunContext
from pydantic_ai.messages import ModelMessage, ModelResponse
from pydantic_ai.models import ModelRequestParameters, StreamedResponse
from pydantic_ai.models.openai import OpenAIChatModel
from pydantic_ai.profiles.openai import OpenAIModelProfile
from pydantic_ai.providers.openai import OpenAIProvider
from pydantic_ai.settings import ModelSettings

from planforge.llm.http import retrying_http_client
from planforge.llm.usage import EstimatingStream, with_estimated_usage
from planforge.settings import Settings

CHAT_COMPLETIONS_PREFIXES: Final = frozenset({"openai", "openai-chat"})
"""Prefixes that only say "a chat-completions model": dropped before the name is sent to the server."""
OTHER_API_PREFIXES: Final = frozenset(
    {"anthropic", "bedrock", "cohere", "google-gla", "google-vertex", "groq", "huggingface", "xai"}
)
"""Providers with an API of their own: a model named with one of them is never sent to the local server.

`mistral:` is not among them on purpose: `mistral:7b` is an Ollama tag."""


def served_name(choice: str) -> str | None:
    """The model name to send to the local server for `choice`, or None when another provider serves it."""
    prefix, separator, rest = choice.partition(":")
    if not separator:
        return choice
    if prefix in CHAT_COMPLETIONS_PREFIXES:
        return rest
    if prefix in OTHER_API_PREFIXES:
        return None
    return choice  # `llama3.2:3b`, `qwen2.5:7b-instruct`, `hf.co/org/model:Q4_K_M`


LOCAL_PROFILE: Final[OpenAIModelProfile] = OpenAIModelProfile(supports_json_object_output=False)
"""Prompted output sends no `response_format` (LM Studio refuses `json_object`): it needs nothing of a server."""


class LocalChatModel(OpenAIChatModel):
    """A chat-completions model on a local OpenAI-compatible server."""

    def prepare_request(
        self, model_settings: ModelSettings | None, model_request_parameters: ModelRequestParameters
    ) -> tuple[ModelSettings | None, ModelRequestParameters]:
        settings, parameters = super().prepare_request(model_settings, model_request_parameters)
        if settings is None or "max_tokens" not in settings:
            return settings, parameters
        # llama.cpp-style servers ignore `max_completion_tokens`; without `max_tokens` they write until the
        # context is full. Keys the caller put in extra_body win.
        given: Any = settings.get("extra_body") or {}
        extra_body: dict[str, Any] = {"max_tokens": settings["max_tokens"], **given}
        return {**settings, "extra_body": extra_body}, parameters

    async def request(
        self,
        messages: list[ModelMessage],
        model_settings: ModelSettings | None,
        model_request_parameters: ModelRequestParameters,
    ) -> ModelResponse:
        response = await super().request(messages, model_settings, model_request_parameters)
        return with_estimated_usage(response, messages, model_request_parameters)

    @asynccontextmanager
    async def request_stream(
        self,
        messages: list[ModelMessage],
        model_settings: ModelSettings | None,
        model_request_parameters: ModelRequestParameters,
        run_context: RunContext[Any] | None = None,
    ) -> AsyncGenerator[StreamedResponse]:
        async with super().request_stream(messages, model_settings, model_request_parameters, run_context) as inner:
            yield EstimatingStream(model_request_parameters, inner=inner, messages=messages)


def local_model(name: str, base_url: str, settings: Settings) -> LocalChatModel:
    """`name` on the OpenAI-compatible server at `base_url`, with planforge's retry layer (the SDK's is off)."""
    client = AsyncOpenAI(
        base_url=base_url,
        api_key=settings.api_key or "not-needed",
        max_retries=0,
        http_client=retrying_http_client(settings),
    )
    return LocalChatModel(name, provider=OpenAIProvider(openai_client=client), profile=LOCAL_PROFILE)
