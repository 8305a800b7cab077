"""Prompt caching for calls that share a long prefix (the chunks of one plan, the expansions of one draft).

Each chunk's request starts with what every chunk of the plan shares, byte for byte: the output schema and
tools, the instructions, the training principle and the plan context; only then come the chunk's own weeks.
OpenAI caches such prefixes by itself (from 1,024 tokens, billed at a fraction of the input price). Anthropic
caches only where it is told to: the unified `cache` setting of pydantic-ai puts cache points after the tool
definitions and the instructions, and a `CachePoint` after the shared part of the user message caches that too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from pydantic_ai.messages import CachePoint, UserContent
from pydantic_ai.models import Model
from pydantic_ai.models.fallback import FallbackModel
from pydantic_ai.settings import ModelSettings

PREFIX_ONLY: Final[ModelSettings] = {"cache": {"messages": False}}
"""Cache the tool definitions and instructions, not each call's own conversation (it is never read again)."""


def caches_explicitly(model: Model) -> bool:
    """Whether `model` (or one inside a FallbackModel) is Anthropic's, which caches only at cache points."""
    if isinstance(model, FallbackModel):
        return any(caches_explicitly(inner) for inner in model.models)
    return model.system == "anthropic"


def shared_prefix_settings(calls: int) -> ModelSettings:
    """Model settings for one of `calls` calls sharing a prefix: cache it when a later call can read it."""
    return PREFIX_ONLY if calls > 1 else {}


def with_cache_point(prompt: str, shared_until: str, model: Model, calls: int) -> str | Sequence[UserContent]:
    """`prompt` with a cache point before `shared_until` (where the call's own part starts), for Anthropic.

    Other models get the same text unchanged: their caches match prefixes without being told.
    """
    cut = prompt.find(shared_until)
    if calls <= 1 or cut <= 0 or not caches_explicitly(model):
        return prompt
    return [prompt[:cut], CachePoint(), prompt[cut:]]
