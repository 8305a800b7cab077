"""Service events as Server-Sent Events, with keep-alive comments while the generation is quiet.

The service's `EventStream` already runs the generation in its own task, so waiting for its next event can
time out (and send a keep-alive) without cancelling the generation. When the response ends early (the client
disconnected), the generation and its in-flight model calls are cancelled and waited for, shielded from the
response's own cancellation so they end cleanly, and one info line is logged: no traceback, no task left
pending.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncGenerator, AsyncIterator, Collection
from contextlib import asynccontextmanager
from typing import Final

import anyio
from fastapi.sse import ServerSentEvent

from planforge.domain.events import DoneEvent, ErrorEvent, ResultT, StreamEvent
from planforge.pipeline.streaming import EventStream

logger = logging.getLogger(__name__)

KEEPALIVE: Final = ServerSentEvent(comment="keep-alive")
"""A comment line: ignored by EventSource clients, but it keeps proxies from closing an idle stream."""


def server_sent(event: StreamEvent[ResultT]) -> ServerSentEvent:
    """One event on the wire: `event: <type>` and `data: <the event model as JSON>`."""
    return ServerSentEvent(event=event.type, data=event)


@asynccontextmanager
async def closing_stream(events: EventStream[ResultT]) -> AsyncGenerator[EventStream[ResultT]]:
    """`events`, cancelled and waited for when the request ends, however it ends.

    Used as the stream routes' dependency: FastAPI leaves a response generator whose client left to the garbage
    collector, and a generation ended that way leaves tasks pending; the dependency's exit runs for sure.
    """
    try:
        yield events
    finally:
        with anyio.CancelScope(shield=True):
            await events.aclose()


async def event_stream(
    events: EventStream[ResultT], *, keepalive_seconds: float, kinds: Collection[str] | None = None
) -> AsyncIterator[ServerSentEvent]:
    """`events` as SSE, only those whose type is in `kinds` (all when None), with keep-alives when idle."""
    try:
        while True:
            try:
                async with asyncio.timeout(keepalive_seconds):
                    event = await events.next_event()
            except TimeoutError:
                yield KEEPALIVE
                continue
            except Exception:
                # A bug. The response has started, so it cannot become a 500: end the stream the documented
                # way and keep the traceback in the server log, never in the client's stream.
                logger.exception("planforge stream failed")
                yield server_sent(
                    ErrorEvent(error="internal error; the server log has the details", code="internal_error")
                )
                yield server_sent(DoneEvent())
                return
            if event is None:
                return
            if kinds is None or event.type in kinds:
                yield server_sent(event)
    except (asyncio.CancelledError, GeneratorExit):
        logger.info("planforge stream closed before its end (the client left); its generation is cancelled")
        raise
