"""Choosing the model: a pydantic-ai model string, a Model instance, or the offline coach.

Without an explicit choice, planforge uses a provider whose key is configured, and otherwise the offline
coach, so it always runs, with no API key and no network.

Models planforge builds from a string get one HTTP retry layer: pydantic-ai's tenacity transport, which backs
off exponentially and honours `Retry-After`, on 429, 5xx and 529 (Anthropic's "overloaded"). The provider
SDKs' own retries are switched off for OpenAI and Anthropic so the two layers never multiply.
"""

from __future__ import annotations

import os
from typing import Any, Final

import httpx2
from pydantic_ai import ModelAPIError, UserError
from pydantic_ai.models import Model, create_async_httpx2_client, infer_model
from pydantic_ai.models.fallback import FallbackModel
from pydantic_ai.providers import Provider, infer_provider
from pydantic_ai.retries import AsyncHTTPX2TenacityTransport, RetryConfig, wait_retry_after
from tenacity import retry_if_exception_type, stop_after_attempt, wait_exponential

from planforge.exceptions import ConfigurationError
from planforge.settings import OFFLINE_MODEL, Settings

ModelChoice = str | Model
"""A pydantic-ai model string (`openai:gpt-4o-mini`, `anthropic:claude-sonnet-4-5`, `offline`) or a Model."""

DEFAULT_MODELS_BY_KEY: Final[dict[str, str]] = {
    "OPENAI_API_KEY": "openai:gpt-4o-mini",
    "ANTHROPIC_API_KEY": "anthropic:claude-sonnet-4-5",
}
"""The model used when only a provider key is configured, by the key's environment variable."""

RETRY_STATUSES: Final = frozenset({429, 500, 502, 503, 504, 529})
"""Statuses worth retrying: rate limits, server errors, gateway errors, Anthropic's 529 overloaded."""


def default_model_name(settings: Settings) -> str:
    """settings.model, else a model for the first configured provider key, else `offline`."""
    if settings.model:
        return settings.model
    if settings.base_url:
        raise ConfigurationError("PLANFORGE_BASE_URL is set but PLANFORGE_MODEL is not: name the model it serves")
    for variable, name in DEFAULT_MODELS_BY_KEY.items():
        if os.environ.get(variable):
            return name
    return OFFLINE_MODEL


def retrying_http_client(settings: Settings, transport: httpx2.AsyncBaseTransport | None = None) -> httpx2.AsyncClient:
    """An HTTP client that retries retryable statuses with backoff, honouring Retry-After.

    `transport` replaces the network (tests pass an ASGI transport to a fake server).
    """

    def raise_retryable(response: httpx2.Response) -> None:
        if response.status_code in RETRY_STATUSES:
            response.raise_for_status()

    config = RetryConfig(
        retry=retry_if_exception_type(httpx2.HTTPStatusError),
        wait=wait_retry_after(
            fallback_strategy=wait_exponential(multiplier=settings.retry_initial_wait_seconds, max=60),
            max_wait=settings.retry_max_wait_seconds,
        ),
        stop=stop_after_attempt(settings.http_retries + 1),
        reraise=True,
    )
    retrying = AsyncHTTPX2TenacityTransport(config, wrapped=transport, validate_response=raise_retryable)
    return create_async_httpx2_client(transport=retrying)


def resolve_model(choice: ModelChoice | None, settings: Settings) -> Model:
    """The Model for `choice` (None: the default), wrapped with the settings' fallback models if any."""
    primary = _single_model(choice if choice is not None else default_model_name(settings), settings)
    if not settings.fallback_models:
        return primary
    fallbacks = (_single_model(name, settings) for name in settings.fallback_models)
    # The retry transport re-raises the last retryable status as a plain httpx2 error, not a ModelAPIError:
    # without it here, a provider that stays at 503 after its retries would never hand over to the fallback.
    return FallbackModel(primary, *fallbacks, fallback_on=(ModelAPIError, httpx2.HTTPStatusError))


def _single_model(choice: ModelChoice, settings: Settings) -> Model:
    if isinstance(choice, Model):
        return choice
    if choice == OFFLINE_MODEL:
        # Imported here: the offline coach pulls in the engine and parser, which LLM-only hosts never need.
        from planforge.offline.model import OfflineCoachModel

        return OfflineCoachModel()
    if settings.base_url:
        return _local_model(choice, settings)
    try:
        return infer_model(choice, provider_factory=lambda name: _provider(name, choice, settings))
    except (UserError, ValueError) as error:
        raise ConfigurationError(f"cannot use model {choice!r}: {error}") from error


def _local_model(choice: str, settings: Settings) -> Model:
    # Imported here: the openai SDK takes seconds to import and most runs never need it.
    from openai import AsyncOpenAI
    from pydantic_ai.models.openai import OpenAIChatModel
    from pydantic_ai.providers.openai import OpenAIProvider

    # Local OpenAI-compatible servers implement chat completions, not the Responses API.
    name = choice.split(":", 1)[1] if ":" in choice else choice
    client = AsyncOpenAI(
        base_url=settings.base_url,
        api_key=settings.api_key or "not-needed",
        max_retries=0,
        http_client=retrying_http_client(settings),
    )
    return OpenAIChatModel(name, provider=OpenAIProvider(openai_client=client))


def _require_key(variable: str, choice: str) -> None:
    if not os.environ.get(variable):
        raise ConfigurationError(f"model {choice!r} needs the {variable} environment variable")


def _provider(name: str, choice: str, settings: Settings) -> Provider[Any]:
    if name.startswith("openai"):
        _require_key("OPENAI_API_KEY", choice)
        from openai import AsyncOpenAI
        from pydantic_ai.providers.openai import OpenAIProvider

        return OpenAIProvider(openai_client=AsyncOpenAI(max_retries=0, http_client=retrying_http_client(settings)))
    if name == "anthropic":
        _require_key("ANTHROPIC_API_KEY", choice)
        from anthropic import AsyncAnthropic
        from pydantic_ai.providers.anthropic import AnthropicProvider

        client = AsyncAnthropic(max_retries=0, http_client=retrying_http_client(settings))
        return AnthropicProvider(anthropic_client=client)
    return infer_provider(name)  # other providers keep their SDK's own retries


async def close_model(model: Model) -> None:
    """Close the HTTP client of a model planforge built (and of each model inside a FallbackModel)."""
    if isinstance(model, FallbackModel):
        for inner in model.models:
            await close_model(inner)
        return
    client: Any = getattr(model, "client", None)
    close = getattr(client, "close", None)
    if close is not None:
        await close()
