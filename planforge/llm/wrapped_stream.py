"""A streamed model answer that wraps another: the base of streams that change how events or usage arrive.

pydantic-ai's `StreamedResponse` is abstract; a wrapper must forward its identity, state and control to the stream
it wraps. Subclasses override `_events` (how the inner events are passed on) and, where they change it, `usage`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime

from pydantic_ai.messages import FinalResultEvent, ModelResponse, ModelResponseStreamEvent
from pydantic_ai.models import StreamedResponse
from pydantic_ai.usage import RequestUsage


@dataclass
class WrappedStream(StreamedResponse):
    """Forwards everything to `inner`; the events pass through `_events`, which subclasses override."""

    inner: StreamedResponse | None = None

    def __aiter__(self) -> AsyncIterator[ModelResponseStreamEvent]:
        return self._events()

    async def _events(self) -> AsyncIterator[ModelResponseStreamEvent]:
        async for event in self._inner:
            self._note(event)
            yield event

    def _note(self, event: ModelResponseStreamEvent) -> None:
        """Keep the final-result event, which pydantic-ai reads from the stream it iterates (this one)."""
        if isinstance(event, FinalResultEvent):
            self.final_result_event = event

    async def _get_event_iterator(self) -> AsyncIterator[ModelResponseStreamEvent]:  # pragma: no cover
        async for event in self._events():  # __aiter__ is overridden and never calls this
            yield event

    @property
    def _inner(self) -> StreamedResponse:
        if self.inner is None:
            raise ValueError(f"{type(self).__name__} needs the stream it wraps")
        return self.inner

    def get(self) -> ModelResponse:
        return self._inner.get()

    @property
    def usage(self) -> RequestUsage:
        return self._inner.usage

    async def cancel(self) -> None:
        await self._inner.cancel()

    async def close_stream(self) -> None:
        await self._inner.close_stream()

    @property
    def model_name(self) -> str:
        return self._inner.model_name

    @property
    def provider_name(self) -> str | None:
        return self._inner.provider_name

    @property
    def provider_url(self) -> str | None:
        return self._inner.provider_url

    @property
    def timestamp(self) -> datetime:
        return self._inner.timestamp
