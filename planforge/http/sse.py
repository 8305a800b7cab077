"""Service events as Server-Sent Events, with keep-alive comments while the generation is quiet.

The service's async iterator runs in its own pump task so that waiting for the next event can time out
(and send a keep-alive) without cancelling the generation. When the response ends early (the client
disconnected), the pump is cancelled, and with it the service's stream and its in-flight model calls.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Collection
from typing import Final

from fastapi.sse import ServerSentEvent

from planforge.domain.events import DoneEvent, ErrorEvent, Event
from planforge.exceptions import PlanforgeError
from planforge.http.errors import message_for

logger = logging.getLogger(__name__)

KEEPALIVE: Final = ServerSentEvent(comment="keep-alive")
"""A comment line: ignored by EventSource clients, but it keeps proxies from closing an idle stream."""


class _EndOfEvents:
    """Marks the end of the pumped stream."""


_END: Final = _EndOfEvents()

_cancelling: set[asyncio.Task[None]] = set()
"""Pumps being cancelled: held here so the event loop's weak references cannot drop one half-way."""


def server_sent(event: Event) -> ServerSentEvent:
    """One event on the wire: `event: <type>` and `data: <the event model as JSON>`."""
    return ServerSentEvent(event=event.type, data=event)


async def _pump(events: AsyncIterator[Event], queue: asyncio.Queue[Event | _EndOfEvents]) -> None:
    try:
        async for event in events:
            queue.put_nowait(event)
    except PlanforgeError as error:
        # The service reports failures as events; this covers one raised before its stream began.
        queue.put_nowait(ErrorEvent(error=message_for(error), code=error.code))
        queue.put_nowait(DoneEvent())
    except Exception:
        # A bug. The response has started, so it cannot become a 500: end the stream the documented way
        # and keep the traceback in the server log, never in the client's stream.
        logger.exception("planforge stream failed")
        queue.put_nowait(ErrorEvent(error="internal error; the server log has the details", code="internal_error"))
        queue.put_nowait(DoneEvent())
    finally:
        queue.put_nowait(_END)


async def event_stream(
    events: AsyncIterator[Event], *, keepalive_seconds: float, kinds: Collection[str] | None = None
) -> AsyncIterator[ServerSentEvent]:
    """`events` as SSE, only those whose type is in `kinds` (all when None), with keep-alives when idle."""
    # Unbounded on purpose: a plan has at most a few hundred small events, and the pump must never block.
    queue: asyncio.Queue[Event | _EndOfEvents] = asyncio.Queue()
    pump = asyncio.create_task(_pump(events, queue))
    try:
        while True:
            try:
                async with asyncio.timeout(keepalive_seconds):
                    item = await queue.get()
            except TimeoutError:
                yield KEEPALIVE
                continue
            if isinstance(item, _EndOfEvents):
                break
            if kinds is None or item.type in kinds:
                yield server_sent(item)
    finally:
        if not pump.done():
            pump.cancel()
            _cancelling.add(pump)
            pump.add_done_callback(_cancelling.discard)
            # wait() does not raise the pump's CancelledError, so only our own cancellation propagates.
            await asyncio.wait({pump})
