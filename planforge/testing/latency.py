"""A model that answers like another model, only as slowly as a real provider would.

`LatencyModel(inner, Latency(time_to_first_token=0.5, tokens_per_second=80))` asks `inner` (the offline coach,
a scripted FunctionModel …) and then holds the answer back until `time_to_first_token + output_tokens /
tokens_per_second` seconds have passed since the request started: a real model emits its output one token at a
time, so its wall time follows the size of its answer. Benchmarks use it to measure chunking, concurrency and
outline-then-expand without a network; no real time passes beyond the simulated waits.

Output tokens are estimated from the answer's size (about four characters a token, as the fake OpenAI server
counts them), or taken from the inner response's usage with `use_reported_usage=True`. Streamed requests are
paced too: nothing arrives before the first token, then each event after the time its characters take.

`ServerLimits` makes the provider a limited one: it refuses requests beyond `concurrent` with a 429 and a
Retry-After, or serves `one_at_a_time` while the rest wait in its queue. A refusal is retried `client_retries`
times as planforge's HTTP layer retries, and the client side tells the calling generation's concurrency limit
what a retry layer below it should: each attempt leaving (`request_sent`) and each wait (`wait_before_retry`).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncGenerator, AsyncIterator, Generator
from contextlib import AbstractAsyncContextManager, asynccontextmanager, contextmanager, nullcontext
from dataclasses import dataclass, field
from typing import Any, Final

from pydantic_ai import ModelHTTPError, RunContext
from pydantic_ai.messages import (
    ModelMessage,
    ModelResponse,
    ModelResponsePart,
    ModelResponseStreamEvent,
    PartDeltaEvent,
    PartStartEvent,
    TextPart,
    TextPartDelta,
    ThinkingPart,
    ThinkingPartDelta,
    ToolCallPart,
    ToolCallPartDelta,
)
from pydantic_ai.models import KnownModelName, Model, ModelRequestParameters, StreamedResponse
from pydantic_ai.models.wrapper import WrapperModel
from pydantic_ai.settings import ModelSettings

from planforge.llm.wrapped_stream import WrappedStream
from planforge.pipeline.adaptive import CallLimiter, current_limiter, request_sent, wait_before_retry
from planforge.testing.fake_openai.app import Latency
from planforge.testing.fake_openai.protocol import estimate_tokens

__all__ = ["Latency", "LatencyModel", "ServerLimits", "answer_tokens"]

RATE_LIMITED: Final = 429
"""The status of a refusal (`ServerLimits.concurrent` exceeded)."""


@dataclass(frozen=True)
class ServerLimits:
    """What the simulated provider does with more requests than it serves at once."""

    concurrent: int | None = None
    """Requests it serves at once; one more is refused with a 429 and `retry_after` (None: no cap)."""
    one_at_a_time: bool = False
    """Serve one request after the other, the rest waiting in the server's queue (a local server)."""
    retry_after: float = 1.0
    """The Retry-After of a refusal, in seconds."""
    refusal_seconds: float = 0.0
    """How long a refusal takes to come back (the network's round trip)."""
    client_retries: int = 3
    """Retries of a refused request before its 429 reaches the caller (Settings.http_retries' default)."""


def _part_text(part: ModelResponsePart) -> str:
    if isinstance(part, TextPart | ThinkingPart):
        return part.content
    if isinstance(part, ToolCallPart):
        return part.args_as_json_str()
    return ""


def _delta_text(event: ModelResponseStreamEvent) -> str:
    if isinstance(event, PartStartEvent):
        return _part_text(event.part)
    if isinstance(event, PartDeltaEvent):
        delta = event.delta
        if isinstance(delta, TextPartDelta):
            return delta.content_delta
        if isinstance(delta, ThinkingPartDelta):
            return delta.content_delta or ""
        if isinstance(delta, ToolCallPartDelta):
            args = delta.args_delta
            return args if isinstance(args, str) else str(args or "")
    return ""


def answer_tokens(response: ModelResponse) -> int:
    """Output tokens of `response` estimated from its size: text, thinking and tool-call arguments."""
    return estimate_tokens("".join(_part_text(part) for part in response.parts))


@dataclass(init=False)
class LatencyModel(WrapperModel):
    """Answers what `wrapped` answers, after the time a provider with `latency` would take to produce it.

    `calls` counts the requests it served, `peak_running` the most it had in flight at once, and
    `output_tokens_total` the tokens it simulated for plain (non-streamed) requests. With `server` limits,
    `refused` counts its 429 answers and `peak_serving` the most requests it served at once; `limits_seen` holds
    the calling generation's concurrency limit at each request and retry, and `limiter` the last limiter that called
    (`planforge.pipeline.adaptive`).
    """

    latency: Latency
    use_reported_usage: bool
    server: ServerLimits
    calls: int
    running: int
    peak_running: int
    output_tokens_total: int
    refused: int
    serving: int
    peak_serving: int
    limits_seen: list[int] = field(default_factory=lambda: list[int]())
    limiter: CallLimiter | None = None

    def __init__(
        self,
        wrapped: Model | KnownModelName,
        latency: Latency,
        *,
        use_reported_usage: bool = False,
        server: ServerLimits | None = None,
    ) -> None:
        super().__init__(wrapped)
        self.latency = latency
        self.use_reported_usage = use_reported_usage
        self.server = server or ServerLimits()
        self.calls = self.running = self.peak_running = self.output_tokens_total = 0
        self.refused = self.serving = self.peak_serving = 0
        self.limits_seen = []
        self.limiter = None
        self._queue = asyncio.Lock()

    def output_tokens(self, response: ModelResponse) -> int:
        """The tokens the simulated provider emits for `response` (at least one)."""
        if self.use_reported_usage and response.usage.output_tokens:
            return response.usage.output_tokens
        return max(answer_tokens(response), 1)

    def seconds_for(self, response: ModelResponse) -> float:
        """Wall time of `response` from the request: time to the first token plus the output time."""
        return self.latency.time_to_first_token + self.latency.seconds_for(self.output_tokens(response))

    async def request(
        self,
        messages: list[ModelMessage],
        model_settings: ModelSettings | None,
        model_request_parameters: ModelRequestParameters,
    ) -> ModelResponse:
        with self._in_flight():
            async with self._served():
                started = time.monotonic()
                response = await self.wrapped.request(messages, model_settings, model_request_parameters)
                # The inner model's own time counts toward the simulated one: a fast inner model adds nothing.
                self.output_tokens_total += self.output_tokens(response)
                remaining = self.seconds_for(response) - (time.monotonic() - started)
                await asyncio.sleep(max(remaining, 0.0))
        return response

    @asynccontextmanager
    async def request_stream(
        self,
        messages: list[ModelMessage],
        model_settings: ModelSettings | None,
        model_request_parameters: ModelRequestParameters,
        run_context: RunContext[Any] | None = None,
    ) -> AsyncGenerator[StreamedResponse]:
        with self._in_flight():
            async with self._served():
                await asyncio.sleep(self.latency.time_to_first_token)
                async with self.wrapped.request_stream(
                    messages, model_settings, model_request_parameters, run_context
                ) as inner:
                    yield _PacedStream(model_request_parameters, inner=inner, latency=self.latency)

    @asynccontextmanager
    async def _served(self) -> AsyncGenerator[None]:
        """Once the server takes the request: refused (and retried) while full, queued if one at a time."""
        self._note_limit()
        await self._refused_while_full()
        queue: AbstractAsyncContextManager[object] = self._queue if self.server.one_at_a_time else nullcontext()
        async with queue:
            self.serving += 1
            self.peak_serving = max(self.peak_serving, self.serving)
            try:
                yield
            finally:
                self.serving -= 1

    async def _refused_while_full(self) -> None:
        server = self.server
        attempt = 0
        request_sent()
        while server.concurrent is not None and self.serving >= server.concurrent:
            self.refused += 1
            await asyncio.sleep(server.refusal_seconds)
            if attempt >= server.client_retries:
                body = {"error": {"message": f"Rate limit reached: {server.concurrent} concurrent requests"}}
                raise ModelHTTPError(RATE_LIMITED, self.model_name, body, retry_after=server.retry_after)
            await wait_before_retry(RATE_LIMITED, server.retry_after)
            self._note_limit()
            request_sent()
            attempt += 1

    def _note_limit(self) -> None:
        if (limiter := current_limiter()) is not None:
            self.limiter = limiter
            self.limits_seen.append(limiter.limit)

    @contextmanager
    def _in_flight(self) -> Generator[None]:
        self.calls += 1
        self.running += 1
        self.peak_running = max(self.peak_running, self.running)
        try:
            yield
        finally:
            self.running -= 1


@dataclass
class _PacedStream(WrappedStream):
    """The inner stream's events, each held back for the time its characters take to generate.

    The inner stream keeps the parts, usage and state: `get()` and `usage` read them from it.
    """

    latency: Latency | None = None

    async def _events(self) -> AsyncIterator[ModelResponseStreamEvent]:
        latency = self.latency or Latency()
        async for event in self._inner:
            self._note(event)
            if text := _delta_text(event):
                await asyncio.sleep(latency.seconds_for(estimate_tokens(text)))
            yield event
