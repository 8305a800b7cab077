"""One model call of a generation (a chunk, a draft, an outline, an expansion): its deadline, its streaming,
and its retry after a lost connection.

A call's deadline starts when the call starts, after it got its slot: calls queued behind others (a local server
answers one at a time) do not spend it waiting. A streamed call is used where cancelling must stop the server:
closing a stream closes the connection, and servers stop generating when they can no longer write. A call whose
connection broke (a dropped connection, a server restarting) is made again: calls are idempotent, and the
retry spends the same generation's token budget and deadline.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, AsyncIterable, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any, Final, TypeVar

from pydantic_ai import ModelConnectionError, ModelTimeoutError, RunContext
from pydantic_ai.messages import AgentStreamEvent

from planforge.exceptions import ModelProviderError
from planforge.llm.errors import PROVIDER_TIMEOUT_STATUS

T = TypeVar("T")

CONNECTION_RETRIES: Final = 2
"""How often a call whose connection broke is made again."""
CONNECTION_RETRY_WAIT: Final = 0.5
"""Seconds before the first such retry (doubling): a restarting server needs a moment."""


async def retrying_lost_connections(call: Callable[[], Awaitable[T]], retries: int = CONNECTION_RETRIES) -> T:
    """`call()`, made again (up to `retries` times) when its connection was lost; time-outs are not retried."""
    for attempt in range(retries + 1):
        try:
            return await call()
        except ModelConnectionError as error:
            if isinstance(error, ModelTimeoutError) or attempt == retries:
                raise
        await asyncio.sleep(CONNECTION_RETRY_WAIT * 2**attempt)
    raise AssertionError("unreachable: the last attempt returns or raises")  # pragma: no cover


async def drain_events(ctx: RunContext[Any], events: AsyncIterable[AgentStreamEvent]) -> None:
    """An event-stream handler that only consumes the events: it makes pydantic-ai stream the answer."""
    async for _ in events:
        pass


@asynccontextmanager
async def call_deadline(seconds: float | None, what: str) -> AsyncGenerator[None]:
    """Fail the call `what` after `seconds` (None: no deadline of its own) with a provider time-out error."""
    if seconds is None:
        yield
        return
    try:
        async with asyncio.timeout(seconds):
            yield
    except TimeoutError as error:
        raise ModelProviderError(
            f"{what}: the model did not answer within {seconds:g} s (PLANFORGE_CALL_TIMEOUT_SECONDS)",
            status_code=PROVIDER_TIMEOUT_STATUS,
        ) from error
