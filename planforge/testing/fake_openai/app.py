"""The fake OpenAI-compatible server: `POST /v1/chat/completions`, plain and streaming, with latency, faults and
the behaviour of a server family (`ServerBehaviour`: OpenAI's by default, or llama.cpp's)."""

from __future__ import annotations

import asyncio
import inspect
import json
import time
import uuid
from collections.abc import AsyncIterator, Sequence
from contextlib import AbstractAsyncContextManager, nullcontext
from dataclasses import dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from planforge.testing.fake_openai.behaviour import ServerBehaviour, cached_prefix_tokens
from planforge.testing.fake_openai.faults import (
    DropConnection,
    Fault,
    FaultPlan,
    FaultSequence,
    HTTPErrorFault,
)
from planforge.testing.fake_openai.probes import probe_reply
from planforge.testing.fake_openai.protocol import (
    CHARS_PER_TOKEN,
    ChatRequest,
    CompletionIds,
    Reply,
    chunk_json,
    completion_json,
    error_json,
    estimate_tokens,
    usage_json,
)
from planforge.testing.fake_openai.responders import Responder, UnanswerableRequest, offline_coach_responder
from planforge.testing.fake_openai.servers import metadata_routes

TOKENS_PER_CHUNK = 4
"""Tokens per streamed chunk: real providers send one to a few tokens per SSE event."""


class ConnectionDropped(ConnectionError):
    """Raised inside the app to drop the connection mid-response (the fault `DropConnection`)."""


@dataclass(frozen=True)
class Latency:
    """How fast the fake model answers."""

    time_to_first_token: float = 0.0
    """Seconds before the first token (for a plain request: before anything)."""
    tokens_per_second: float | None = None
    """Output speed after the first token; None: instant."""

    def seconds_for(self, tokens: int) -> float:
        """Seconds after the first token until `tokens` tokens have been produced."""
        return tokens / self.tokens_per_second if self.tokens_per_second else 0.0


@dataclass(frozen=True)
class LoggedRequest:
    """One request the fake server received, with the fault it injected (if any)."""

    request: ChatRequest
    fault: Fault | None
    headers: dict[str, str] = field(default_factory=lambda: dict[str, str]())
    received_at: float = field(default_factory=time.monotonic)
    """`time.monotonic()` when the request arrived: the gaps between requests show the client's back-off."""

    @property
    def body(self) -> dict[str, Any]:
        return self.request.body


class FakeOpenAI:
    """An OpenAI-compatible chat-completions server for tests, benchmarks and local demos.

    It also answers `GET /v1/models` and the metadata endpoints of the family `behaviour` imitates, and
    `planforge doctor`'s probes (`planforge.testing.fake_openai.probes`).

    `responder` answers each request (default: the offline coach); `faults` picks a fault per request: a
    callable, or a sequence applied to the first requests in order (None entries are answered normally).
    `behaviour` says what the server supports and honours (`LLAMA_CPP` for llama-cpp-python's). Every request is
    logged in `requests`, every generation in `generations`. Serve `app` in-process or with uvicorn.
    """

    def __init__(
        self,
        responder: Responder | None = None,
        *,
        latency: Latency | None = None,
        faults: FaultPlan | Sequence[Fault | None] = (),
        behaviour: ServerBehaviour | None = None,
    ) -> None:
        self.responder: Responder = responder or offline_coach_responder()
        self.latency = latency or Latency()
        self.faults: FaultPlan = faults if callable(faults) else FaultSequence(faults)
        self.behaviour = behaviour or ServerBehaviour()
        self.requests: list[LoggedRequest] = []
        self.generations = GenerationLog()
        self._prompts: list[str] = []
        self._slots: asyncio.Semaphore | None = None
        self.loaded_models: set[str] = set()
        """Models that have answered (Ollama and LM Studio report their context once loaded)."""
        chat = Route("/v1/chat/completions", self._chat_completions, methods=["POST"])
        self.app = Starlette(routes=[chat, *metadata_routes(self)])

    @property
    def calls(self) -> int:
        """How many chat-completion requests arrived (faulted ones included)."""
        return len(self.requests)

    def reset(self) -> None:
        """As new between tests on one served fake: no faults, no latency, the default behaviour, empty logs."""
        self.script()
        self.latency = Latency()
        self.behaviour = ServerBehaviour()
        self.requests.clear()
        self.loaded_models.clear()

    def script(self, *faults: Fault | None, then: Fault | None = None) -> None:
        """From now on: the next requests get `faults` in order, later ones `then`; the log is kept."""
        self.faults = FaultSequence(faults, then=then)

    async def _chat_completions(self, http_request: Request) -> Response:
        try:
            body: Any = json.loads(await http_request.body())
        except ValueError:
            return JSONResponse(error_json("the body is not valid JSON", "invalid_request_error"), 400)
        if not isinstance(body, dict) or "messages" not in body:
            return JSONResponse(error_json("'messages' is required", "invalid_request_error"), 400)
        request = ChatRequest(dict[str, Any](body))  # pyright: ignore[reportUnknownArgumentType]
        fault = self.faults(request)
        self.requests.append(LoggedRequest(request, fault, dict(http_request.headers)))
        if isinstance(fault, HTTPErrorFault):
            payload = error_json(fault.message, fault.error_type, fault.code)
            return JSONResponse(payload, fault.status, headers=fault.headers())
        if (missing := self.behaviour.unknown_model(request)) is not None:
            return JSONResponse(error_json(missing, "not_found_error", "model_not_found"), 404)
        if (refusal := self.behaviour.refusal(request)) is not None:
            return JSONResponse(error_json(refusal, "server_error", "500"), 500)
        if self.behaviour.overflows(request):
            return _context_overflow(request)
        try:
            reply = await self._reply(request)
        except UnanswerableRequest as error:
            return JSONResponse(error_json(str(error), "invalid_request_error"), 400)
        self.loaded_models.add(request.model)
        drop = fault if isinstance(fault, DropConnection) else None
        if fault is not None and not isinstance(fault, DropConnection):
            reply = fault.distort(reply)
        if (cap := self.behaviour.token_cap(request)) is not None and reply.completion_tokens > cap:
            reply = reply.cut_to(cap)
        cached = cached_prefix_tokens(request.prompt_text, self._prompts) if self.behaviour.prefix_cache else 0
        self._prompts.append(request.prompt_text)
        ids = CompletionIds(f"chatcmpl-{uuid.uuid4().hex[:24]}", request.model or "fake-coach")
        slots = self._slot_limit()
        if request.stream:
            sends_usage = request.include_usage and self.behaviour.stream_usage
            usage = usage_json(request, reply, cached) if sends_usage else None
            events = _ServerSentChunks(ids, reply, self.latency, drop, usage, slots, self.generations)
            return StreamingResponse(events.stream(), media_type="text/event-stream")
        # A plain request is generated to the end even if its client leaves (as llama.cpp does): nothing here
        # notices a disconnect before the answer is written.
        async with slots:
            await asyncio.sleep(self.latency.time_to_first_token + self.latency.seconds_for(reply.completion_tokens))
        self.generations.finished += 1
        payload = json.dumps(completion_json(ids, request, reply, cached)).encode()
        if drop is None:
            return Response(payload, media_type="application/json")
        return StreamingResponse(_dropped(payload, drop), media_type="application/json")

    def _slot_limit(self) -> asyncio.Semaphore | nullcontext[None]:
        """The server's generation slots (created in the serving loop), or no limit."""
        if self.behaviour.parallel is None:
            return nullcontext()
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.behaviour.parallel)
        return self._slots

    async def _reply(self, request: ChatRequest) -> Reply:
        if (probe := probe_reply(request, self.behaviour)) is not None:
            return probe
        answer = self.responder(request)
        return await answer if inspect.isawaitable(answer) else answer


@dataclass
class GenerationLog:
    """What the fake model generated: answers finished, and streams stopped because their client left."""

    finished: int = 0
    abandoned: int = 0


CONTEXT_OVERFLOW_MESSAGE = "the request exceeds the available context size, try increasing it"
"""llama.cpp's words for a prompt longer than the context window."""


def _context_overflow(request: ChatRequest) -> Response:
    """What a llama.cpp-style server answers a prompt that does not fit: an empty stream, or a 400."""
    if request.stream:
        return StreamingResponse(_empty_stream(), media_type="text/event-stream")
    return JSONResponse(error_json(CONTEXT_OVERFLOW_MESSAGE, "exceed_context_size_error", "400"), 400)


async def _empty_stream() -> AsyncIterator[bytes]:
    yield b"data: [DONE]\n\n"


async def _dropped(payload: bytes, drop: DropConnection) -> AsyncIterator[bytes]:
    yield payload[: int(len(payload) * drop.after_fraction)]
    raise ConnectionDropped("the fake server dropped the connection mid-response")


@dataclass
class _ServerSentChunks:
    """One streamed completion: role chunk, text and tool-call argument chunks paced by `latency`, finish, usage.

    It is generated in one of the server's slots; a client that leaves frees the slot at once.
    """

    ids: CompletionIds
    reply: Reply
    latency: Latency
    drop: DropConnection | None
    usage: dict[str, Any] | None
    slots: AbstractAsyncContextManager[Any]
    log: GenerationLog
    _tokens_sent: int = 0
    _chars_sent: int = 0
    _first_token_at: float = 0.0

    async def stream(self) -> AsyncIterator[bytes]:
        async with self.slots:
            try:
                async for chunk in self._chunks():
                    yield chunk
            except (asyncio.CancelledError, GeneratorExit):
                self.log.abandoned += 1
                raise
        self.log.finished += 1

    async def _chunks(self) -> AsyncIterator[bytes]:
        await asyncio.sleep(self.latency.time_to_first_token)
        self._first_token_at = time.monotonic()
        yield _sse(chunk_json(self.ids, {"role": "assistant", "content": "" if self.reply.text else None}))
        if self.reply.text:
            async for piece in self._paced(self.reply.text):
                yield _sse(chunk_json(self.ids, {"content": piece}))
        for index, call in enumerate(self.reply.tool_calls):
            opening = {"index": index, "id": self.ids.tool_call_id(index), "type": "function"}
            yield _sse(
                chunk_json(self.ids, {"tool_calls": [{**opening, "function": {"name": call.name, "arguments": ""}}]})
            )
            async for piece in self._paced(call.arguments):
                yield _sse(chunk_json(self.ids, {"tool_calls": [{"index": index, "function": {"arguments": piece}}]}))
        yield _sse(chunk_json(self.ids, {}, self.reply.finish))
        if self.usage is not None:
            yield _sse(chunk_json(self.ids, usage=self.usage))
        yield b"data: [DONE]\n\n"

    async def _paced(self, text: str) -> AsyncIterator[str]:
        total = len(self.reply.text or "") + sum(len(call.arguments) for call in self.reply.tool_calls)
        size = TOKENS_PER_CHUNK * CHARS_PER_TOKEN
        for start in range(0, len(text), size):
            if self.drop is not None and self._chars_sent >= total * self.drop.after_fraction:
                raise ConnectionDropped("the fake server dropped the connection mid-stream")
            piece = text[start : start + size]
            self._tokens_sent += estimate_tokens(piece)
            self._chars_sent += len(piece)
            due = self._first_token_at + self.latency.seconds_for(self._tokens_sent)
            await asyncio.sleep(max(0.0, due - time.monotonic()))
            yield piece


def _sse(payload: dict[str, Any]) -> bytes:
    return f"data: {json.dumps(payload)}\n\n".encode()
