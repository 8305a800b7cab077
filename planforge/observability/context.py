"""The request id: taken from the caller's `X-Request-ID` (when it is sensible) or made up, then carried in a
context variable into every log line and span of the request, and returned in the response header."""

from __future__ import annotations

import re
import uuid
from collections.abc import Generator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Final

REQUEST_ID_HEADER: Final = "X-Request-ID"
"""The header a request id arrives and leaves in."""

_ACCEPTED = re.compile(r"^[A-Za-z0-9._:/+=-]{1,128}$")
"""A caller's request id is kept when it is short and plain (it goes into logs as it is)."""

_request_id: ContextVar[str | None] = ContextVar("planforge_request_id", default=None)


def current_request_id() -> str | None:
    """The id of the request being served, or None outside a request."""
    return _request_id.get()


def request_id_for(header_value: str | None) -> str:
    """The caller's id when it is plain text of at most 128 characters, else a new random one."""
    if header_value is not None and _ACCEPTED.match(header_value):
        return header_value
    return uuid.uuid4().hex


@contextmanager
def request_id_scope(request_id: str) -> Generator[str]:
    """Make `request_id` the current one for the code (and tasks it starts) inside the block."""
    token = _request_id.set(request_id)
    try:
        yield request_id
    finally:
        _request_id.reset(token)
