"""Faults the fake server can inject, each shaped like what a real provider sends.

HTTP errors answer before any output (429 with Retry-After, 500, 503, 529 overloaded); the others spoil an
answer: the connection drops mid-answer, tool arguments are cut mid-JSON, valid JSON breaks the output schema,
or the answer is cut at the token limit (finish_reason `length`). Which request gets which fault is a
`FaultPlan`: a scripted sequence (`FaultSequence`) or any callable deciding per request.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from planforge.testing.fake_openai.protocol import ChatRequest, Reply, ToolCall


@dataclass(frozen=True)
class HTTPErrorFault:
    """Answer with an HTTP error status and an OpenAI-style error body instead of a completion."""

    status: int
    error_type: str
    message: str
    code: str | None = None
    retry_after: float | None = None
    """Seconds the client should wait: sent as `Retry-After` (whole seconds) and `retry-after-ms`, like OpenAI."""

    def headers(self) -> dict[str, str]:
        if self.retry_after is None:
            return {}
        return {"retry-after": str(math.ceil(self.retry_after)), "retry-after-ms": str(round(self.retry_after * 1000))}


def rate_limited(retry_after: float = 1.0) -> HTTPErrorFault:
    """429 rate_limit_exceeded with Retry-After."""
    return HTTPErrorFault(
        429, "requests", "Rate limit reached for requests. Please try again later.", "rate_limit_exceeded", retry_after
    )


def server_error() -> HTTPErrorFault:
    """500: the provider failed while processing the request."""
    return HTTPErrorFault(500, "server_error", "The server had an error while processing your request.")


def unavailable() -> HTTPErrorFault:
    """503: the provider is overloaded or not ready."""
    return HTTPErrorFault(503, "server_error", "The server is overloaded or not ready yet.", "server_is_overloaded")


def overloaded() -> HTTPErrorFault:
    """529 overloaded_error, as Anthropic (and gateways in front of it) send when overloaded for everyone."""
    return HTTPErrorFault(529, "overloaded_error", "Overloaded")


@dataclass(frozen=True)
class DropConnection:
    """Send part of the answer, then close the connection without finishing the response."""

    after_fraction: float = 0.5
    """Share of the answer's tool-call arguments (or text) sent before the drop."""


@dataclass(frozen=True)
class TruncatedArguments:
    """Tool-call arguments (or a JSON text answer) cut mid-JSON, yet reported as finished."""

    keep_fraction: float = 0.5

    def distort(self, reply: Reply) -> Reply:
        calls = [_cut(call, self.keep_fraction) for call in reply.tool_calls]
        return replace(reply, text=_cut_text(reply.text, self.keep_fraction), tool_calls=calls)


@dataclass(frozen=True)
class SchemaViolation:
    """Valid JSON arguments (or a JSON text answer) that break the output schema (missing fields, an unknown one)."""

    arguments: str = '{"answer": "I will not follow the schema."}'

    def distort(self, reply: Reply) -> Reply:
        text = self.arguments if reply.text else reply.text  # a JSON answer (native or prompted output)
        return replace(reply, text=text, tool_calls=[ToolCall(call.name, self.arguments) for call in reply.tool_calls])


@dataclass(frozen=True)
class LengthLimit:
    """The answer hits the token limit: arguments cut mid-JSON and finish_reason `length`."""

    keep_fraction: float = 0.5

    def distort(self, reply: Reply) -> Reply:
        calls = [_cut(call, self.keep_fraction) for call in reply.tool_calls]
        return Reply(text=_cut_text(reply.text, self.keep_fraction), tool_calls=calls, finish_reason="length")


def _cut_text(text: str | None, keep_fraction: float) -> str | None:
    if not text:
        return text
    return text[: min(max(1, int(len(text) * keep_fraction)), len(text) - 1)]


def _cut(call: ToolCall, keep_fraction: float) -> ToolCall:
    keep = min(max(1, int(len(call.arguments) * keep_fraction)), len(call.arguments) - 1)
    return ToolCall(call.name, call.arguments[:keep])


ReplyFault = TruncatedArguments | SchemaViolation | LengthLimit
Fault = HTTPErrorFault | DropConnection | ReplyFault
FaultPlan = Callable[[ChatRequest], Fault | None]
"""Decides, per request, which fault (if any) the fake server injects."""


class FaultSequence:
    """A scripted sequence: the n-th request gets the n-th fault (None: answered normally), later ones `then`.

    With `repeat=True` the sequence starts over instead of ending.
    """

    def __init__(self, faults: Iterable[Fault | None] = (), *, then: Fault | None = None, repeat: bool = False) -> None:
        self._script = list(faults)
        self._pending = list(self._script)
        self._then = then
        self._repeat = repeat

    def __call__(self, request: ChatRequest) -> Fault | None:
        if not self._pending and self._repeat:
            self._pending = list(self._script)
        return self._pending.pop(0) if self._pending else self._then


FAULTS_BY_NAME: dict[str, Callable[[], Fault]] = {
    "rate-limit": rate_limited,
    "server-error": server_error,
    "unavailable": unavailable,
    "overloaded": overloaded,
    "drop": DropConnection,
    "truncated-json": TruncatedArguments,
    "schema-violation": SchemaViolation,
    "length": LengthLimit,
}
"""The faults by the names the CLI accepts (`planforge fake-openai --fault rate-limit`)."""


def fault_named(name: str) -> Fault:
    """The fault called `name`; a ValueError lists the known names."""
    try:
        return FAULTS_BY_NAME[name]()
    except KeyError:
        raise ValueError(f"unknown fault {name!r}; known faults: {', '.join(FAULTS_BY_NAME)}") from None
