"""Settings, read from the environment (prefix `PLANFORGE_`) or passed explicitly.

No instance is built at import time: `Settings()` reads the environment when called.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

OFFLINE_MODEL = "offline"
"""The model name of the offline coach, the default when no provider key is configured."""


def default_data_dir() -> Path:
    """The per-user data folder (e.g. ~/.local/share/planforge on Linux)."""
    return Path(platformdirs.user_data_dir("planforge", appauthor=False))


class Settings(BaseSettings):
    """Everything that can be configured. Environment variables: PLANFORGE_<FIELD>, e.g. PLANFORGE_MODEL."""

    model_config = SettingsConfigDict(env_prefix="PLANFORGE_", extra="ignore")

    model: str | None = None
    """Model for drafting (and converting, unless plan_model is set): a pydantic-ai model string such as
    `openai:gpt-4o-mini` or `anthropic:claude-sonnet-4-5`, or `offline`. None: `offline` unless a provider key
    is configured (OPENAI_API_KEY → openai:gpt-4o-mini, ANTHROPIC_API_KEY → anthropic:claude-sonnet-4-5)."""
    plan_model: str | None = None
    """Model for converting drafts into workouts; defaults to `model`."""
    base_url: str | None = None
    """An OpenAI-compatible base URL (Ollama, llama.cpp, vLLM …); model names are then served from there."""
    api_key: str | None = None
    """API key for base_url, if the local server needs one."""
    fallback_models: list[str] = Field(default_factory=list)
    """Models tried in order when the main model fails with a provider error."""

    outline_from_weeks: int = Field(default=16, ge=1, le=53)
    """Drafts of this many weeks or more are written outline first, then expanded in groups concurrently."""
    expand_weeks: int = Field(default=4, ge=1, le=52)
    """Weeks written out per expansion call of an outlined draft."""
    chunk_weeks: int = Field(default=1, ge=1, le=52)
    """Weeks converted per plan-agent call. One week per call is fastest (a week converts in seconds); larger
    chunks repeat the instructions less often, so they cost fewer input tokens."""
    concurrency: int = Field(default=16, ge=1, le=64)
    """Model calls run at the same time per generation (plan chunks, draft expansions). A 52-week plan in 1-week
    chunks takes ceil(52 / 16) = 4 rounds; lower it for providers with tight rate limits."""
    http_retries: int = Field(default=3, ge=0, le=10)
    """Retries of a model request on 429, 5xx and 529, with backoff that honours Retry-After."""
    retry_initial_wait_seconds: float = Field(default=1.0, ge=0)
    """First backoff wait when the provider sends no Retry-After; it doubles on each retry."""
    retry_max_wait_seconds: float = Field(default=30.0, ge=0)
    """Longest single wait between retries (a longer Retry-After is capped to this)."""
    output_retries: int = Field(default=2, ge=0, le=10)
    """How often an agent may fix an answer its validators rejected."""
    max_requests_per_generation: int = Field(default=300, ge=1)
    """Model requests one draft or plan may make in all (retries and tool calls included)."""
    max_tokens_per_generation: int | None = Field(default=2_000_000, ge=1)
    """Input plus output tokens one draft or plan may use in all; None for no limit."""
    request_timeout_seconds: float = Field(default=300.0, gt=0)
    """Deadline for a whole generation (draft, or plan with all its chunks)."""
    max_output_tokens: int = Field(default=8_000, ge=256)
    """max_tokens per model call; chunks keep each call well below common output limits."""
    sse_keepalive_seconds: float = Field(default=15.0, gt=0)
    """Idle seconds after which an SSE stream sends a keep-alive comment, so proxies keep it open."""

    library_match_threshold: float = Field(default=70.0, ge=0, le=100)
    """Match score (0-100) from which a session takes a library workout (prefer_existing, strict_existing)."""

    data_dir: Path = Field(default_factory=default_data_dir)
    """Where the SQLite file lives (principles, library, tokens)."""
