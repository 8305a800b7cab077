"""What the layers below a model call tell the one that scheduled it: a request left, the answer began, a retry
waits after a refusal.

The HTTP retry layer (`planforge.llm.http`), streamed calls (`signal_output_start`) and test models report here;
a generation's concurrency limit (`planforge.pipeline.adaptive`) listens through `current_listener`, which
`planforge.pipeline.concurrency.as_finished` sets for each call it runs. Outside such a call every signal is a
no-op and a retry wait is a plain sleep. The hooks live in llm/ so that the model layer does not depend on the
pipeline that schedules it.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterable
from contextvars import ContextVar
from typing import Any, Protocol

from pydantic_ai import RunContext
from pydantic_ai.messages import AgentStreamEvent
from pydantic_ai.models import Model
from pydantic_ai.models.fallback import FallbackModel
from pydantic_ai.models.function import FunctionModel
from pydantic_ai.models.wrapper import WrapperModel


class CallListener(Protocol):
    """Hears what happens below one model call."""

    def request_sent(self) -> None:
        """A request of the call is leaving for the provider (once per attempt)."""
        ...

    def output_started(self) -> None:
        """The call's answer began: the provider has processed the whole prompt (and cached its prefix)."""
        ...

    async def wait_before_retry(self, status: int | None, seconds: float) -> None:
        """Wait `seconds` before the call's request is sent again after the provider answered `status`."""
        ...


current_listener: ContextVar[CallListener | None] = ContextVar("planforge_call_listener", default=None)
"""The listener of the model call the current task runs (set per call by the scheduler; tasks inherit it)."""


def request_sent() -> None:
    """Tell the current call's listener that a request is leaving for the provider."""
    if (listener := current_listener.get()) is not None:
        listener.request_sent()


def output_started() -> None:
    """Tell the current call's listener that its answer began."""
    if (listener := current_listener.get()) is not None:
        listener.output_started()


async def wait_before_retry(status: int | None, seconds: float) -> None:
    """Wait `seconds` before retrying a request the provider answered with `status`, as the listener decides
    (it may give the call's slot back meanwhile); without a listener, only sleep."""
    listener = current_listener.get()
    if listener is None:
        await asyncio.sleep(seconds)
        return
    await listener.wait_before_retry(status, seconds)


async def signal_output_start(ctx: RunContext[Any], events: AsyncIterable[AgentStreamEvent]) -> None:
    """An event-stream handler that consumes a streamed answer and signals `output_started` at its first event.

    Passing it to `agent.run` makes pydantic-ai stream the answer; the first event comes with the first output
    token, once the provider has read the whole prompt.
    """
    started = False
    async for _ in events:
        if not started:
            started = True
            output_started()


def signals_output_start(model: Model) -> bool:
    """Whether a call to `model` can signal when its answer begins: only a streamed answer shows that."""
    if isinstance(model, WrapperModel):
        return signals_output_start(model.wrapped)
    if isinstance(model, FallbackModel):
        return all(signals_output_start(inner) for inner in model.models)
    if isinstance(model, FunctionModel):
        return model.stream_function is not None
    return type(model).request_stream is not Model.request_stream
