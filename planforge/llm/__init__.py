"""Choosing the model: a pydantic-ai model string, a Model instance, or the offline coach.

Without an explicit choice, planforge uses a provider whose key is configured, and otherwise the offline
coach, so it always runs, with no API key and no network.

Models planforge builds from a string get one HTTP retry layer (`planforge.llm.http`): backoff that honours
`Retry-After` on 429, 5xx and 529 (Anthropic's "overloaded"), and the last answer passed on with its body. The
provider SDKs' own retries are switched off for OpenAI and Anthropic so the two layers never multiply. With
`PLANFORGE_BASE_URL`, names are served by that OpenAI-compatible server as they are (`planforge.llm.local`).
"""

from __future__ import annotations

import os
from typing import Any, Final

from pydantic_ai import ModelAPIError, UserError
from pydantic_ai.models import Model, infer_model
from pydantic_ai.models.fallback import FallbackModel
from pydantic_ai.providers import Provider, infer_provider

from planforge.exceptions import ConfigurationError
from planforge.llm.http import RETRY_STATUSES, retrying_http_client
from planforge.settings import OFFLINE_MODEL, Settings

__all__ = [
    "DEFAULT_MODELS_BY_KEY",
    "RETRY_STATUSES",
    "ModelChoice",
    "close_model",
    "default_model_name",
    "resolve_model",
    "retrying_http_client",
]

ModelChoice = str | Model
"""A pydantic-ai model string (`openai:gpt-4o-mini`, `anthropic:claude-sonnet-4-6`, `offline`) or a Model."""

DEFAULT_MODELS_BY_KEY: Final[dict[str, str]] = {
    "OPENAI_API_KEY": "openai:gpt-4o-mini",
    "ANTHROPIC_API_KEY": "anthropic:claude-sonnet-4-6",
}
"""The model used when only a provider key is configured, by the key's environment variable."""


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


def resolve_model(choice: ModelChoice | None, settings: Settings) -> Model:
    """The Model for `choice` (None: the default), wrapped with the settings' fallback models if any."""
    primary = _single_model(choice if choice is not None else default_model_name(settings), settings)
    if not settings.fallback_models:
        return primary
    fallbacks = (_single_model(name, settings) for name in settings.fallback_models)
    return FallbackModel(primary, *fallbacks, fallback_on=(ModelAPIError,))


def _single_model(choice: ModelChoice, settings: Settings) -> Model:
    if isinstance(choice, Model):
        return choice
    if choice == OFFLINE_MODEL:
        # Imported here: the offline coach pulls in the engine and parser, which LLM-only hosts never need.
        from planforge.offline.model import OfflineCoachModel

        return OfflineCoachModel()
    if settings.base_url:
        # Imported here: the openai SDK takes seconds to import and most runs never need it.
        from planforge.llm.local import local_model, served_name

        if (name := served_name(choice)) is not None:
            return local_model(name, settings.base_url, settings)
    try:
        return infer_model(choice, provider_factory=lambda name: _provider(name, choice, settings))
    except (UserError, ValueError) as error:
        raise ConfigurationError(f"cannot use model {choice!r}: {error}") from error


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
