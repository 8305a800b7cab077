"""Choosing the model: a pydantic-ai model string, a Model instance, or the offline coach.

Without an explicit choice, planforge uses a provider whose key is configured, and otherwise the offline
coach, so it always runs, with no API key and no network.
"""

from __future__ import annotations

import os

from pydantic_ai.models import Model, infer_model
from pydantic_ai.models.fallback import FallbackModel

from planforge.settings import OFFLINE_MODEL, Settings

ModelChoice = str | Model
"""A pydantic-ai model string (`openai:gpt-4o-mini`, `anthropic:claude-sonnet-4-5`, `offline`) or a Model."""

DEFAULT_MODELS_BY_KEY: dict[str, str] = {
    "OPENAI_API_KEY": "openai:gpt-4o-mini",
    "ANTHROPIC_API_KEY": "anthropic:claude-sonnet-4-5",
}
"""The model used when only a provider key is configured, by the key's environment variable."""


def default_model_name(settings: Settings) -> str:
    """settings.model, else a model for the first configured provider key, else `offline`."""
    if settings.model:
        return settings.model
    if settings.base_url:
        raise ValueError("PLANFORGE_BASE_URL is set but PLANFORGE_MODEL is not: name the model the server serves")
    for variable, name in DEFAULT_MODELS_BY_KEY.items():
        if os.environ.get(variable):
            return name
    return OFFLINE_MODEL


def resolve_model(choice: ModelChoice | None, settings: Settings) -> Model:
    """The Model for `choice` (None: the default), wrapped with the settings' fallback models if any."""
    primary = _single_model(choice if choice is not None else default_model_name(settings), settings)
    if not settings.fallback_models:
        return primary
    return FallbackModel(primary, *(_single_model(name, settings) for name in settings.fallback_models))


def _single_model(choice: ModelChoice, settings: Settings) -> Model:
    if isinstance(choice, Model):
        return choice
    if choice == OFFLINE_MODEL:
        # Imported here: the offline coach pulls in the engine and parser, which a host using only
        # LLMs never needs.
        from planforge.offline.model import OfflineCoachModel

        return OfflineCoachModel()
    if settings.base_url:
        # Imported here: the openai SDK takes seconds to import and most runs never need it.
        from pydantic_ai.models.openai import OpenAIChatModel
        from pydantic_ai.providers.openai import OpenAIProvider

        # Local OpenAI-compatible servers implement chat completions, not the Responses API.
        name = choice.split(":", 1)[1] if ":" in choice else choice
        provider = OpenAIProvider(base_url=settings.base_url, api_key=settings.api_key or "not-needed")
        return OpenAIChatModel(name, provider=provider)
    return infer_model(choice)
