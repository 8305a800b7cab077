"""A generation as a stream of events: the one pump the service's streams and the SSE endpoints share.

The generation runs in its own task and hands its events to a queue, so a consumer can wait for the next
event with a time-out (SSE sends a keep-alive then) without cancelling the generation. Closing the stream,
leaving its `async with` block or dropping it cancels the generation and its in-flight model calls.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Awaitable, Callable
from contextlib import suppress
from typing import Generic

from planforge.domain.events import DoneEvent, Emit, ErrorEvent, GenerationEvent, ResultEvent, ResultT, StreamEvent
from planforge.exceptions import GenerationError, PlanforgeError, user_message

Generation = Callable[[Emit], Awaitable[ResultT]]
"""A generation that reports its events through the `Emit` it is given and returns its result."""


async def _produce(generation: Generation[ResultT], queue: asyncio.Queue[StreamEvent[ResultT] | None]) -> None:
    async def emit(event: GenerationEvent) -> None:
        queue.put_nowait(event)

    try:
        queue.put_nowait(ResultEvent[ResultT](data=await generation(emit)))
    except PlanforgeError as error:
        usage = error.usage if isinstance(error, GenerationError) else None
        queue.put_nowait(ErrorEvent(error=user_message(error), code=error.code, usage=usage))
    finally:
        queue.put_nowait(None)


class EventStream(Generic[ResultT]):
    """The events of one generation: progress …, week and workout events, then result (or error), then done.

    Iterate it (`async for event in stream`), or use it as an async context manager so the generation is
    cancelled when the block is left early. The generation starts at the first event asked for.
    """

    def __init__(self, generation: Generation[ResultT]) -> None:
        self._generation = generation
        # Unbounded on purpose: a plan has at most a few hundred small events, and emitting must never block.
        self._queue: asyncio.Queue[StreamEvent[ResultT] | None] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None
        self._ended = False

    def _start(self) -> asyncio.Task[None]:
        if self._task is None:
            self._task = asyncio.create_task(_produce(self._generation, self._queue))
            # The task does not hold the stream: a stream its consumer dropped cancels its generation.
            weakref.finalize(self, self._task.cancel).atexit = False
        return self._task

    async def next_event(self) -> StreamEvent[ResultT] | None:
        """The next event, or None after `done`.

        Waiting may be cancelled (e.g. by `asyncio.timeout`, for a keep-alive) without losing an event or
        stopping the generation.
        """
        task = self._start()
        if self._ended:
            return None
        event = await self._queue.get()
        if event is None:
            self._ended = True
            task.result()  # re-raises a bug instead of ending the stream quietly
            return DoneEvent()
        return event

    def __aiter__(self) -> EventStream[ResultT]:
        return self

    async def __anext__(self) -> StreamEvent[ResultT]:
        event = await self.next_event()
        if event is None:
            raise StopAsyncIteration
        return event

    async def aclose(self) -> None:
        """Cancel the generation if it is still running (its model calls with it)."""
        self._ended = True
        if self._task is not None and not self._task.done():
            self._task.cancel()
            with suppress(asyncio.CancelledError):
                await self._task

    async def __aenter__(self) -> EventStream[ResultT]:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()
