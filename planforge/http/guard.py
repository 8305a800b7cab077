"""What every planforge route checks before it reads or parses a body, cheapest first.

1. Content-Length above `Settings.max_body_bytes` → 413, before anything else.
2. The credential → 401 (a client address sending many unknown credentials gets 429s for a while), then the
   token's rate limit → 429 with Retry-After.
3. A body that is not JSON → 415.
4. The body, read with the size limit (413 as soon as it is exceeded, whatever Content-Length said) and a
   time limit for slow senders (408), then parsed as JSON: a large body in a worker process, which also
   counts its fields, so a body with more unknown fields than an error lists (`MAX_DETAILS`) is a 422 at
   once (validating it would take the event loop seconds) and only a small answer travels back.
   A whole number written with a fraction (`"weeks": 45.0`) is the integer it is, as JSON Schema's
   `integer` says, so the schema and the server agree.

Only then does FastAPI validate the body, from the JSON parsed here.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import math
from collections.abc import Set
from dataclasses import dataclass
from typing import Final, cast

from fastapi import Request, Response
from pydantic import BaseModel
from starlette.requests import ClientDisconnect
from starlette.types import Message, Receive

from planforge.exceptions import AuthenticationError, InvalidRequestError
from planforge.http.auth import credential_in, missing_credential, remember_principal, resolve_principal
from planforge.http.errors import MAX_DETAILS, envelope_response, planforge_error_response
from planforge.http.schemas import FieldProblem
from planforge.http.state import PlanforgeState
from planforge.pipeline.workers import ProcessingBudget, run_cpu, worker_context

logger = logging.getLogger(__name__)

_BODY_METHODS: Final = frozenset({"POST", "PUT", "PATCH"})


def _too_large(limit: int) -> Response:
    message = f"the request body is larger than the {limit:,} bytes this server accepts"
    return envelope_response(413, "payload_too_large", message)


def _too_many(wait_seconds: int, message: str) -> Response:
    return envelope_response(429, "rate_limited", message, headers={"Retry-After": str(wait_seconds)})


def _is_json(content_type: str) -> bool:
    media_type = content_type.split(";", 1)[0].strip().lower()
    return media_type == "application/json" or (media_type.startswith("application/") and media_type.endswith("+json"))


def _declared_length(request: Request) -> int | None:
    try:
        return int(request.headers["content-length"])
    except (KeyError, ValueError):
        return None  # no header (chunked), or one uvicorn would already have refused


def client_address(request: Request) -> str:
    """The address the request came from (the proxy's, behind one), which per-address limits count by."""
    return request.client.host if request.client is not None else "unknown"


async def _authenticate(request: Request, state: PlanforgeState) -> Response | None:
    """Resolve the credential before the body is read: a refusal response, or None (and the principal kept)."""
    credential = credential_in(request.headers)
    if credential is None:
        return planforge_error_response(missing_credential())
    failures = state.limits.auth_failures
    address = client_address(request)
    if failures is not None and (wait := failures.wait_seconds(address)):
        return _too_many(wait, "too many requests with unknown credentials from this address; retry later")
    try:
        principal = await resolve_principal(state, credential)
    except AuthenticationError as error:
        if failures is not None:
            failures.take(address)
        return planforge_error_response(error)
    remember_principal(request, principal)
    per_token = state.limits.per_token
    key = hashlib.sha256(credential.encode()).hexdigest()
    if per_token is not None and (wait := per_token.take(key)):
        return _too_many(wait, f"this token's rate limit ({state.settings.rate_limit_per_minute} a minute) is reached")
    return None


async def _read_body(request: Request, limit: int, seconds: float) -> bytes | Response:
    chunks: list[bytes] = []
    size = 0
    try:
        async with asyncio.timeout(seconds):
            async for chunk in request.stream():
                size += len(chunk)
                if size > limit:
                    return _too_large(limit)
                chunks.append(chunk)
    except TimeoutError:
        message = f"the request body did not arrive within {seconds:g} s"
        return envelope_response(408, "request_timeout", message, headers={"Connection": "close"})
    return b"".join(chunks)


INLINE_JSON_BELOW_BYTES: Final = 64 * 1024
"""A body smaller than this (every normal request) is parsed on the event loop: it takes well under a millisecond,
less than a trip to a worker, and never waits behind large requests' work there."""


@dataclass(frozen=True)
class BodyShape:
    """The top-level fields of a route's body model, which forbids others, and those that are integers."""

    fields: Set[str]
    integers: Set[str]

    @classmethod
    def of(cls, model: object) -> BodyShape | None:
        """The shape of `model`, when it is a pydantic model forbidding unknown fields (else None)."""
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            return None
        if model.model_config.get("extra") != "forbid":
            return None
        names = {name: field.alias or name for name, field in model.model_fields.items()}
        integers = {names[name] for name, field in model.model_fields.items() if field.annotation is int}
        return cls(frozenset(names.values()), frozenset(integers))


def _whole_numbers_as_integers(data: object, integers: Set[str]) -> None:
    if isinstance(data, dict):
        fields = cast(dict[str, object], data)
        for name in integers:
            if isinstance(value := fields.get(name), float) and value.is_integer() and abs(value) < 2**53:
                fields[name] = int(value)


@dataclass(frozen=True)
class _NotJson:
    """A body `json.loads` refused: FastAPI answers it with its own precise 422."""


@dataclass(frozen=True)
class _UnknownFields:
    """A body with more unknown fields than an error lists: how many, and the first `MAX_DETAILS` of them."""

    count: int
    first: tuple[str, ...]

    def response(self) -> Response:
        problems = [FieldProblem(field=key[:100], problem="is not a field of this request") for key in self.first]
        message = f"invalid request: the body has {self.count:,} unknown fields, e.g. {problems[0].field!r}"
        return envelope_response(422, InvalidRequestError.code, message, problems)


def _read_json(body: bytes, shape: BodyShape) -> object:
    """The body's JSON for FastAPI to validate (whole numbers of integer fields as integers), `_NotJson`, or
    `_UnknownFields` when there are too many unknown fields to validate them one by one."""
    try:
        data: object = json.loads(body)
    except ValueError:
        return _NotJson()
    if not isinstance(data, dict):
        return data
    fields = cast(dict[str, object], data)
    unknown = [key for key in fields if key not in shape.fields]
    if len(unknown) > MAX_DETAILS:
        return _UnknownFields(len(unknown), tuple(unknown[:MAX_DETAILS]))
    _whole_numbers_as_integers(fields, shape.integers)
    return fields


def _replaying(body: bytes, receive: Receive) -> Receive:
    """A `receive` that hands out `body` once, then passes on what the client sends (e.g. its disconnect)."""
    pending = True

    async def receive_body() -> Message:
        nonlocal pending
        if pending:
            pending = False
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return receive_body


async def guard(request: Request, state: PlanforgeState, shape: BodyShape | None = None) -> Request | Response:
    """The request with its body read within the limits, or the response refusing it.

    `shape` describes the route's body model, when it forbids unknown fields.
    """
    settings = state.settings
    declared = _declared_length(request)
    if declared is not None and declared > settings.max_body_bytes:
        return _too_large(settings.max_body_bytes)
    if refusal := await _authenticate(request, state):
        return refusal
    if request.method not in _BODY_METHODS:
        return request
    content_type = request.headers.get("content-type")
    if content_type is not None and not _is_json(content_type):
        message = f"the body must be JSON (Content-Type: application/json), not {content_type[:100]!r}"
        return envelope_response(415, "unsupported_media_type", message)
    try:
        body = await _read_body(request, settings.max_body_bytes, settings.body_timeout_seconds)
    except ClientDisconnect:
        logger.info("client %s left while sending its body to %s", client_address(request), request.url.path)
        return Response(status_code=400)  # nobody is listening any more
    if isinstance(body, Response):
        return body
    guarded = Request(request.scope, receive=_replaying(body, request.receive))
    if shape is not None and body:
        if len(body) < INLINE_JSON_BELOW_BYTES:
            data = _read_json(body, shape)
        else:
            # Bounded by the body limit, so not charged to the request's budget (which the generation spends).
            with worker_context(state.forge.cpu_pool, ProcessingBudget(math.inf)):
                data = await run_cpu(_read_json, body, shape)
        if isinstance(data, _UnknownFields):
            return data.response()
        if not isinstance(data, _NotJson):
            # Starlette's cache of `request.json()`, which FastAPI reads the body with: parsed once.
            setattr(guarded, "_json", data)  # noqa: B010
    return guarded
