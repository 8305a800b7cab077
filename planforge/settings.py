"""Settings, read from the environment (prefix `PLANFORGE_`) or passed explicitly.

No instance is built at import time: `Settings()` reads the environment when called.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import platformdirs
from pydantic import Field, field_validator
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
    `openai:gpt-4o-mini` or `anthropic:claude-sonnet-4-6`, or `offline`. None: `offline` unless a provider key
    is configured (OPENAI_API_KEY → openai:gpt-4o-mini, ANTHROPIC_API_KEY → anthropic:claude-sonnet-4-6)."""
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
    """A fixed number of model calls run at the same time per generation (plan chunks, draft expansions), used
    when set explicitly (or with concurrency_mode `fixed`; a local server's profile sets 1). A 52-week plan in
    1-week chunks takes ceil(52 / 16) = 4 rounds at 16."""
    concurrency_mode: Literal["auto", "adaptive", "fixed"] = "auto"
    """How many model calls run at once (PLANFORGE_CONCURRENCY_MODE). `adaptive`: a generation's calls start all at
    once (at most max_concurrency; after a first wave of 16, see concurrency_probe_seconds); the limit drops to
    half of what the provider still serves when it refuses for overload (429, 503, 529), shrinks when answers slow
    down as if queued, and grows back by one per round of calls that went well (planforge.pipeline.adaptive).
    `fixed`: always `concurrency` at once. `auto`: `fixed` when `concurrency` is set explicitly (argument or
    PLANFORGE_CONCURRENCY) or by a local server's profile, else `adaptive`."""
    max_concurrency: int = Field(default=64, ge=1, le=256)
    """Most model calls at once per generation under the adaptive limit (PLANFORGE_MAX_CONCURRENCY); lower it
    for a provider with a known concurrency cap."""
    concurrency_probe_seconds: float = Field(default=0.5, ge=0)
    """Under the adaptive limit, the first 16 calls go out first and the rest this many seconds after the last of
    them was sent, unless the provider refused one for overload meanwhile (about the time a 429 takes to come
    back; PLANFORGE_CONCURRENCY_PROBE_SECONDS). 0: all at once."""
    cache_warm_up: bool = True
    """Let a plan's first chunk call run alone until its answer begins, so that the provider has cached the prompt
    prefix all chunks share before the others start (about one time-to-first-token later; the call is streamed
    to see its answer begin, so models that cannot stream get no warm-up). Off: all start together and miss the
    cache (PLANFORGE_CACHE_WARM_UP)."""
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
    output_mode: Literal["auto", "tool", "native", "prompted"] = "auto"
    """How agents ask for their typed answer: `tool` (a forced tool call), `native` (JSON-schema output),
    `prompted` (the schema in the prompt, JSON text back). `auto`: `tool` for hosted providers, `prompted` for a
    model served from base_url (see planforge.llm.output_mode for what a server must support for each)."""
    output_modes: dict[str, Literal["auto", "tool", "native", "prompted"]] = Field(default_factory=dict)
    """The output mode per model name, over output_mode: e.g. `{"qwen2.5:7b": "native"}`."""
    server_profile: Literal["auto", "hosted", "local"] = "auto"
    """`local`: defaults for a server that answers one request at a time (concurrency 1, streamed requests, a
    per-call deadline, a longer generation deadline); `hosted`: the defaults as they are. `auto`: `local` when
    base_url is set. Settings given explicitly always win over the profile's."""
    call_timeout_seconds: float | None = Field(default=None, gt=0)
    """Deadline of one model call (a chunk, a draft or a part of one, its retries included), counted from when
    it starts: time queued for a free slot does not count. None: only the generation's deadline (the local
    profile uses 600 s)."""
    stream_requests: bool | None = None
    """Stream model answers, so a cancelled generation stops the server generating at once; None: by profile
    (on for local servers, which otherwise finish a request the client has left)."""
    sse_keepalive_seconds: float = Field(default=15.0, gt=0)
    """Idle seconds after which an SSE stream sends a keep-alive comment, so proxies keep it open."""
    cpu_workers: int = Field(default=2, ge=1, le=64)
    """Worker processes per server process for CPU-bound work on large inputs (parsing drafts, the offline coach,
    exports), started with the server at a lower CPU priority; more work queues."""
    cpu_worker_niceness: int = Field(default=10, ge=0, le=19)
    """How much lower the worker processes' CPU priority is than the server's (Unix nice): under contention the
    server's event loop, which answers every request, runs first; 0 for equal priority."""
    cpu_budget_seconds: float = Field(default=20.0, gt=0)
    """CPU seconds of that work one request may use (the worker is stopped there); a request needing more fails with
    a 422."""
    max_body_bytes: int = Field(default=1_048_576, ge=1_024)
    """Largest request body accepted (413 beyond it), checked from Content-Length and while reading."""
    body_timeout_seconds: float = Field(default=30.0, gt=0)
    """Seconds a client may take to send its request body (408 after them)."""
    header_timeout_seconds: float = Field(default=10.0, gt=0)
    """Seconds `planforge serve` waits for a request's headers before closing the connection (slow clients)."""
    keep_alive_seconds: int = Field(default=5, ge=1)
    """Seconds `planforge serve` keeps an idle connection open between requests."""
    rate_limit_per_minute: int | None = Field(default=120, ge=1)
    """Requests one token may make per minute on average (429 with Retry-After beyond); None: no limit."""
    rate_limit_burst: int = Field(default=60, ge=1)
    """Requests one token may make at once before `rate_limit_per_minute` applies."""
    auth_failures_per_minute: int | None = Field(default=30, ge=1)
    """Unknown credentials one client address may send per minute (after a burst of 10) before it gets 429s
    with Retry-After; None: no brake."""
    refusals_per_minute: int = Field(default=60, ge=1)
    """Refused requests (any 4xx of the API: unknown credential, too large, not JSON, invalid, rate-limited) one
    client address gets answered at once per minute, after a burst of 30; beyond, each waits
    `refusal_delay_seconds` for its answer. Valid requests never wait."""
    refusal_delay_seconds: float = Field(default=1.0, ge=0)
    """How long a refusal beyond `refusals_per_minute` waits for its answer: a client sending refused requests one
    after another gets one answer per connection this often, so it cannot keep the server busy (the wait costs a
    timer, not CPU); 0: no wait."""
    cors_allow_origins: list[str] = Field(default_factory=list)
    """Origins browsers may call the API from (e.g. `https://app.example.com`, or `*`); empty: CORS off."""

    library_match_threshold: float = Field(default=70.0, ge=0, le=100)
    """Match score (0-100) from which a session takes a library workout (prefer_existing, strict_existing)."""

    data_dir: Path = Field(default_factory=default_data_dir)
    """Where the SQLite file lives (principles, library, tokens)."""

    # Storage and observability.
    database_url: str | None = None
    """A PostgreSQL URL (`postgresql://user:password@host:5432/db`) for principles, libraries, tokens and the
    shared chunk cache, so several replicas share them; None: the SQLite file in `data_dir`. Run
    `planforge db upgrade` once per new planforge version before starting the service on Postgres."""
    database_pool_size: int = Field(default=10, ge=1, le=100)
    """Most Postgres connections one process holds open."""
    chunk_cache_size: int = Field(default=2_048, ge=1)
    """Converted chunks kept: per process in memory (SQLite), or shared by every replica (Postgres)."""
    chunk_cache_ttl_seconds: float = Field(default=7 * 24 * 3600.0, gt=0)
    """A converted chunk older than this is converted again (Postgres cache)."""
    tracing: bool = False
    """OpenTelemetry spans for each request, generation, agent run and model request (tokens and cost),
    exported where the standard OTEL_EXPORTER_OTLP_* variables point (needs the `otel` extra)."""
    trace_content: bool = False
    """Put prompts and model answers into the spans too (they contain the coaches' texts)."""
    log_format: Literal["text", "json"] = "text"
    """`json`: one JSON object per log line, with the request id and trace id, for log collectors."""
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    """Least severe level logged by planforge's loggers."""

    @field_validator("database_url")
    @classmethod
    def _postgres_url(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        if not value.startswith(("postgresql://", "postgres://")):
            raise ValueError("must be a PostgreSQL URL starting with postgresql:// (unset it to use SQLite)")
        return value
