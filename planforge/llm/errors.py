"""Translating what pydantic-ai and the providers raise into planforge's error tree, in one place."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, Callable
from contextlib import asynccontextmanager

import httpx2
from pydantic_ai import (
    FallbackExceptionGroup,
    ModelAPIError,
    ModelHTTPError,
    ModelRateLimitError,
    ModelRequestTimeout,
    ModelTimeoutError,
    ModelUnavailableError,
    UnexpectedModelBehavior,
    UsageLimitExceeded,
)

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
        message = f"model provider error from {error.model_name!r}: HTTP {error.status_code}"
    elif status == PROVIDER_TIMEOUT_STATUS:
        message = f"model provider {error.model_name!r} timed out: {error.message}"
    else:
        message = f"model provider error from {error.model_name!r}: {error.message}"
    return ModelProviderError(message, status_code=status, model_name=error.model_name)


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
    except httpx2.HTTPStatusError as error:
        # The retry transport re-raises the last retryable status as it is, unwrapped by the SDK.
        status = error.response.status_code
        raise ModelProviderError(f"model provider error: HTTP {status} after retries", status_code=status) from error
    except httpx2.HTTPError as error:
        raise ModelProviderError(f"model provider connection failed: {error}") from error
    except UnexpectedModelBehavior as error:
        raise on_invalid_output(error.message) from error
    except UsageLimitExceeded as error:
        raise GenerationError(
            f"the generation hit its usage limit ({error.message}); raise PLANFORGE_MAX_REQUESTS_PER_GENERATION"
            " or PLANFORGE_MAX_TOKENS_PER_GENERATION if this plan really needs more"
        ) from error


@asynccontextmanager
async def deadline(seconds: float) -> AsyncGenerator[None]:
    """A total deadline over a whole generation (provider SDK time-outs are per read, not total)."""
    try:
        async with asyncio.timeout(seconds):
            yield
    except TimeoutError as error:
        raise GenerationTimeoutError(seconds) from error
