"""Translating what pydantic-ai and the providers raise into planforge's error tree, in one place.

Every message keeps the reason: the last validation problem of an answer the model could not get right
("weeks: Field required"), an answer cut at the output token cap named as such, the provider's status with the
message of its error body, the URL and cause of a connection that failed, and a prompt that overflowed the
context window named as such (a refusal saying so, or a stream that ended empty, which is how llama.cpp says it).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncGenerator, Callable, Mapping, Sequence
from contextlib import asynccontextmanager
from typing import Any, Final, cast

import httpx2
from pydantic_ai import (
    FallbackExceptionGroup,
    ModelAPIError,
    ModelConnectionError,
    ModelHTTPError,
    ModelRateLimitError,
    ModelRequestTimeout,
    ModelTimeoutError,
    ModelUnavailableError,
    UnexpectedModelBehavior,
    UsageLimitExceeded,
)
from pydantic_ai.exceptions import IncompleteToolCall, ToolRetryError

from planforge.exceptions import GenerationError, GenerationTimeoutError, ModelProviderError, PlanforgeError


def provider_error(error: ModelAPIError | FallbackExceptionGroup) -> ModelProviderError:
    """A ModelProviderError that says which provider failed and how."""
    if isinstance(error, FallbackExceptionGroup):
        last = error.exceptions[-1]
        inner = provider_error(last) if isinstance(last, ModelAPIError) else None
        message = f"every model failed; the last: {inner.message if inner else last}"
        return ModelProviderError(message, status_code=inner.status_code if inner else None)
    status = _status_of(error)
    if isinstance(error, ModelHTTPError):
        said = body_message(error.body)
        message = f"model provider error from {error.model_name!r}: HTTP {error.status_code}" + (
            f": {said}{output_mode_hint(said)}{context_hint(said)}" if said else ""
        )
    elif status == PROVIDER_TIMEOUT_STATUS:
        message = f"model provider {error.model_name!r} timed out: {error.message}"
    elif isinstance(error, ModelConnectionError):
        message = f"model provider {error.model_name!r} could not be reached: {connection_problem(error)}"
    else:
        message = f"model provider error from {error.model_name!r}: {error.message}"
    return ModelProviderError(message, status_code=status, model_name=error.model_name)


MAX_EXCERPT: Final = 300
"""Longest excerpt of a provider's error body or a validation problem kept in a message."""


def shorten(text: str, limit: int = MAX_EXCERPT) -> str:
    """`text` on one line, cut to `limit` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def body_message(body: object) -> str:
    """The message of a provider's error body (OpenAI, Anthropic and llama.cpp shapes), shortened; else ''."""
    if isinstance(body, bytes | str):
        text = body.decode(errors="replace") if isinstance(body, bytes) else body
        try:
            body = json.loads(text)
        except ValueError:
            return shorten(text)
    if isinstance(body, dict):
        content: dict[str, Any] = body  # pyright: ignore[reportUnknownVariableType]
        inner = content.get("error", content)
        if isinstance(inner, dict):
            fields: dict[str, Any] = inner  # pyright: ignore[reportUnknownVariableType]
            if isinstance(message := fields.get("message"), str):
                return shorten(message)
        if isinstance(inner, str):
            return shorten(inner)
        if isinstance(detail := content.get("detail"), str):
            return shorten(detail)
    return "" if body is None else shorten(str(body))  # pyright: ignore[reportUnknownArgumentType]


def output_mode_hint(said: str) -> str:
    """A hint when a server's refusal says it lacks what the output mode needs (forced tool calls, JSON schema)."""
    lowered = said.lower()
    if "tool_choice" in lowered:
        return " (this server cannot force a tool call: set PLANFORGE_OUTPUT_MODE=prompted or native)"
    if "response_format" in lowered or "json_schema" in lowered:
        return " (this server lacks JSON-schema output: set PLANFORGE_OUTPUT_MODE=prompted)"
    return ""


def connection_problem(error: BaseException) -> str:
    """Where a connection failed and why: "http://127.0.0.1:8080/v1/chat/completions: connection refused (…)"."""
    url: str | None = None
    causes: list[str] = []
    current: BaseException | None = error.__cause__
    while current is not None and len(causes) < 4:
        request = getattr(current, "request", None)
        if url is None and request is not None and (request_url := getattr(request, "url", None)) is not None:
            url = str(request_url)
        text = str(current).strip()
        if text and text not in causes and text != getattr(error, "message", None):
            causes.append(text)
        current = current.__cause__ or current.__context__
    reason = "; ".join(causes) or getattr(error, "message", str(error))
    return f"{url or 'the server'}: {shorten(reason)}"


LARGER_CONTEXT: Final = (
    "give the server a larger context (llama.cpp `-c`, Ollama `num_ctx`, vLLM `--max-model-len`) or lower"
    " PLANFORGE_CHUNK_WEEKS / PLANFORGE_MAX_OUTPUT_TOKENS"
)
CONTEXT_WORDS: Final = ("context length", "context size", "context window", "context_length_exceeded")
"""How servers say a prompt is too long: OpenAI and vLLM ("maximum context length"), llama.cpp ("context size")."""


def context_hint(said: str) -> str:
    """A hint when a server's refusal says the prompt does not fit the model's context window."""
    if any(words in said.lower() for words in CONTEXT_WORDS):
        return f" (a context overflow: the prompt does not fit the model's context window; {LARGER_CONTEXT})"
    return ""


EMPTY_STREAM_MESSAGE: Final = "Streamed response ended without content"
CONTEXT_OVERFLOW_HINT: Final = (
    "a context overflow: the server ended its answer without any content, which is what llama.cpp-style servers"
    f" do when the prompt exceeds the model's context window; {LARGER_CONTEXT}"
)
RAISE_TOKEN_CAP: Final = (
    "raise PLANFORGE_MAX_OUTPUT_TOKENS, or lower PLANFORGE_CHUNK_WEEKS so that each answer is shorter"
)
TOKEN_CAP_HINT: Final = f"the answer was cut at the output token cap (finish reason 'length'); {RAISE_TOKEN_CAP}"
UNFINISHED_JSON: Final = "EOF while parsing"
"""How pydantic reports JSON that stops in the middle: in a text answer, usually one cut at the token cap."""


def validation_problem(error: UnexpectedModelBehavior) -> str:
    """Why the model's answers were rejected: the last validation problem (fields and messages), shortened, and
    what an answer cut at the output token cap means.

    pydantic-ai reports "Exceeded maximum output retries (2)" and keeps the reason in the exception's cause. A
    tool call cut at the cap is its own error; a JSON text answer cut there is only unfinished JSON (the finish
    reason is not kept with the error), so that is named as the likely cause.
    """
    if error.message.startswith(EMPTY_STREAM_MESSAGE):
        return CONTEXT_OVERFLOW_HINT
    if isinstance(error, IncompleteToolCall):
        return TOKEN_CAP_HINT
    problem = _last_problem(error)
    if UNFINISHED_JSON in problem:
        return (
            f"{problem} (the answer stopped mid-JSON, most often because it was cut at the output token cap:"
            f" {RAISE_TOKEN_CAP})"
        )
    return problem


def _last_problem(error: UnexpectedModelBehavior) -> str:
    cause = error.__cause__
    if isinstance(cause, ToolRetryError):
        content: object = cause.tool_retry.content
        if isinstance(content, list):
            details = cast("Sequence[Mapping[str, Any]]", content)
            problems = [f"{_location(detail.get('loc', ()))}: {detail.get('msg', '')}" for detail in details]
            return f"{error.message}; the last problem: {shorten('; '.join(problems))}"
        return f"{error.message}; the last problem: {shorten(str(content))}"
    return error.message


def _location(loc: Sequence[object]) -> str:
    return ".".join(str(part) for part in loc) or "answer"


PROVIDER_TIMEOUT_STATUS = 504
"""The status a provider time-out is reported with (it has none of its own)."""


def _status_of(error: ModelAPIError) -> int | None:
    """The provider's HTTP status, or the one its error category stands for (streams fail without a status)."""
    if isinstance(error, ModelHTTPError):
        return error.status_code
    if isinstance(error, ModelTimeoutError | ModelRequestTimeout):
        return PROVIDER_TIMEOUT_STATUS
    if isinstance(error, ModelRateLimitError):
        return 429
    if isinstance(error, ModelUnavailableError):
        return 503
    return None


@asynccontextmanager
async def model_errors(on_invalid_output: Callable[[str], PlanforgeError]) -> AsyncGenerator[None]:
    """Run model calls, turning provider failures and exhausted retries into planforge errors."""
    try:
        yield
    except (ModelAPIError, FallbackExceptionGroup) as error:
        raise provider_error(error) from error
    except httpx2.HTTPError as error:
        where = f"{error.request.url}: " if _has_request(error) else ""
        raise ModelProviderError(f"model provider connection failed: {where}{error}") from error
    except UnexpectedModelBehavior as error:
        raise on_invalid_output(validation_problem(error)) from error
    except UsageLimitExceeded as error:
        raise GenerationError(
            f"the generation hit its usage limit ({error.message}); raise PLANFORGE_MAX_REQUESTS_PER_GENERATION"
            " or PLANFORGE_MAX_TOKENS_PER_GENERATION if this plan really needs more"
        ) from error


def _has_request(error: httpx2.HTTPError) -> bool:
    try:
        error.request  # noqa: B018 - raises RuntimeError when the error has no request
    except RuntimeError:
        return False
    return True


@asynccontextmanager
async def deadline(seconds: float) -> AsyncGenerator[None]:
    """A total deadline over a whole generation (provider SDK time-outs are per read, not total)."""
    try:
        async with asyncio.timeout(seconds):
            yield
    except TimeoutError as error:
        raise GenerationTimeoutError(seconds) from error
