"""The one HTTP retry layer of the models planforge builds.

Retryable statuses (429, 5xx, Anthropic's 529) are retried with exponential backoff that honours
`Retry-After` / `retry-after-ms` (a 500 only once). When the retries are spent, the last response is handed to
the provider SDK as it came, body included, so the error the user sees carries the server's own message
("HTTP 500: tool_choice 'required' is not supported") instead of a bare status.
"""

from __future__ import annotations

import email.utils
import time
from typing import Final

import httpx2
from pydantic_ai.models import create_async_httpx2_client

from planforge.llm.call_signals import request_sent, wait_before_retry
from planforge.settings import Settings

RETRY_STATUSES: Final = frozenset({429, 500, 502, 503, 504, 529})
"""Statuses worth retrying: rate limits, server errors, gateway errors, Anthropic's 529 overloaded."""
DETERMINISTIC_RETRIES: Final = 1
"""A 500 is retried once only: local servers answer a request they cannot serve (a feature they lack) with a
500, and the same request gets the same answer."""


def retry_after_seconds(response: httpx2.Response) -> float | None:
    """The wait a response asks for (`retry-after-ms`, or `Retry-After` in seconds or as an HTTP date)."""
    milliseconds = response.headers.get("retry-after-ms")
    if milliseconds is not None:
        try:
            return max(0.0, float(milliseconds) / 1000)
        except ValueError:
            pass
    value = response.headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        parsed = email.utils.parsedate_to_datetime(value) if value else None
        return max(0.0, parsed.timestamp() - time.time()) if parsed else None


class RetryingTransport(httpx2.AsyncBaseTransport):
    """Retries retryable statuses `settings.http_retries` times, then returns the last response unchanged."""

    def __init__(self, settings: Settings, wrapped: httpx2.AsyncBaseTransport | None = None) -> None:
        self._wrapped = wrapped or httpx2.AsyncHTTPTransport()
        self._retries = settings.http_retries
        self._initial_wait = settings.retry_initial_wait_seconds
        self._max_wait = settings.retry_max_wait_seconds

    def _wait(self, attempt: int, response: httpx2.Response) -> float:
        asked = retry_after_seconds(response)
        backoff = self._initial_wait * 2**attempt
        return min(asked if asked is not None else backoff, self._max_wait)

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        attempt = 0
        while True:
            request_sent()  # the adaptive limit's probe counts from when requests left, not when calls started
            response = await self._wrapped.handle_async_request(request)
            limit = min(self._retries, DETERMINISTIC_RETRIES) if response.status_code == 500 else self._retries
            if response.status_code not in RETRY_STATUSES or attempt >= limit:
                return response
            await response.aclose()
            await wait_before_retry(response.status_code, self._wait(attempt, response))
            attempt += 1

    async def aclose(self) -> None:
        await self._wrapped.aclose()


def retrying_http_client(settings: Settings, transport: httpx2.AsyncBaseTransport | None = None) -> httpx2.AsyncClient:
    """An HTTP client that retries retryable statuses with backoff, honouring Retry-After.

    `transport` replaces the network (tests pass an ASGI transport to a fake server).
    """
    return create_async_httpx2_client(transport=RetryingTransport(settings, transport))
