"""One model call of a generation (a chunk, a draft, an outline, an expansion): its deadline, its streaming,
and its retry after a lost connection.

A call's deadline starts when the call starts, after it got its slot: calls queued behind others (a local server
answers one at a time) do not spend it waiting. A streamed call is used where cancelling must stop the server:
closing a stream closes the connection, and servers stop generating when they can no longer write. A call whose
connection broke (a dropped connection, a server restarting) is made again: calls are idempotent, and the
retry spends the same generation's token budget and deadline. Once the server has answered a call of the
generation, a lost connection most likely means it is restarting (reloading its model takes seconds), so later
calls wait longer for it; before that, a wrong URL or a server that is down fails within two seconds.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, AsyncIterable, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, Final, TypeVar

from pydantic_ai import ModelConnectionError, ModelTimeoutError, RunContext
from pydantic_ai.messages import AgentStreamEvent

from planforge.exceptions import ModelProviderError
from planforge.llm.errors import PROVIDER_TIMEOUT_STATUS

T = TypeVar("T")

CONNECTION_RETRIES: Final = 2
"""How often a call whose connection broke is made again while the server has not answered the generation yet."""
RESTART_RETRIES: Final = 5
"""How often once it has: a server restarting mid-generation gets 0.5 + 1 + 2 + 4 + 8 = 15.5 s to come back."""
CONNECTION_RETRY_WAIT: Final = 0.5
"""Seconds before the first such retry (doubling): a restarting server needs a moment."""


@dataclass
class ServerContact:
    """Whether the server has answered a call of this generation (shared by all its calls)."""

    answered: bool = False

    @property
    def retries(self) -> int:
        """How often a call whose connection broke is made again (more once the server is known to be there)."""
        return RESTART_RETRIES if self.answered else CONNECTION_RETRIES


async def retrying_lost_connections(call: Callable[[], Awaitable[T]], contact: ServerContact | None = None) -> T:
    """`call()`, made again when its connection was lost (`contact.retries` times); time-outs are not retried."""
    contact = contact or ServerContact()
    attempt = 0
    while True:
        try:
            result = await call()
        except ModelConnectionError as error:
            if isinstance(error, ModelTimeoutError) or attempt >= contact.retries:
                raise
        else:
            contact.answered = True
            return result
        await asyncio.sleep(CONNECTION_RETRY_WAIT * 2**attempt)
        attempt += 1


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
