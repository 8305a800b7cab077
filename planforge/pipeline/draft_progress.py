"""Real progress while a draft streams in: weeks written so far / weeks requested.

The draft agent's output arrives as the streamed arguments of its output tool (tool output mode) or as streamed
JSON text (native and prompted modes); every `"week":` key that arrives means the week before it is complete.
"""

from __future__ import annotations

from collections.abc import AsyncIterable
from typing import Any

from pydantic_ai import RunContext
from pydantic_ai.messages import (
    AgentStreamEvent,
    PartDeltaEvent,
    PartStartEvent,
    TextPart,
    TextPartDelta,
    ToolCallPart,
    ToolCallPartDelta,
)

from planforge.agents.contract import STREAMED_WEEK_KEY
from planforge.domain.events import Emit, ProgressEvent

_START, _WRITING_SPAN = 5, 90
"""Progress is 5% once the model starts, 5–95% while weeks stream in, 100% when the draft is checked."""


class DraftProgress:
    """Turns the draft agent's stream events into progress events."""

    def __init__(self, weeks: int, emit: Emit) -> None:
        self._weeks = weeks
        self._emit = emit
        self._reported = -1

    async def start(self) -> None:
        await self._emit(ProgressEvent(status="thinking", message="Writing the draft", progress=0))

    async def finish(self) -> None:
        await self._emit(ProgressEvent(status="finishing", message="Draft ready", progress=100))

    async def handle(self, ctx: RunContext[Any], events: AsyncIterable[AgentStreamEvent]) -> None:
        """pydantic-ai's event_stream_handler: called once per model response, with its events."""
        arguments = ""
        async for event in events:
            if isinstance(event, PartStartEvent) and isinstance(event.part, ToolCallPart):
                arguments = event.part.args_as_json_str() if event.part.args else ""
            elif isinstance(event, PartStartEvent) and isinstance(event.part, TextPart):
                arguments = event.part.content
            elif isinstance(event, PartDeltaEvent) and isinstance(event.delta, ToolCallPartDelta):
                delta = event.delta.args_delta
                arguments += delta if isinstance(delta, str) else ""
            elif isinstance(event, PartDeltaEvent) and isinstance(event.delta, TextPartDelta):
                arguments += event.delta.content_delta
            else:
                continue
            # The week being written is not done yet.
            await self._report(max(0, arguments.count(STREAMED_WEEK_KEY) - 1))

    async def _report(self, weeks_done: int) -> None:
        weeks_done = min(weeks_done, self._weeks)
        if weeks_done <= self._reported:
            return  # a retried answer starts counting again; progress never goes back
        self._reported = weeks_done
        percent = _START + round(_WRITING_SPAN * weeks_done / self._weeks)
        message = f"Wrote {weeks_done} of {self._weeks} weeks"
        await self._emit(ProgressEvent(status="drafting", message=message, progress=percent))
