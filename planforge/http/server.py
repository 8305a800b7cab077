"""Running the app under uvicorn: the app factory of `planforge serve --workers N`, and slow-client limits.

uvicorn closes idle keep-alive connections, but waits forever for the headers of a new request (a client
that opens connections and sends a byte a minute holds them all). `HeaderTimeoutProtocol` closes a connection
whose request headers are not complete `Settings.header_timeout_seconds` after it opened or after its last
response; a slow body is the route guard's business (408 after `Settings.body_timeout_seconds`).

Once the app has started, the server process freezes what it has built (`gc.freeze`): the ~150,000 objects of
the loaded libraries and the app live as long as the process, and without this each full garbage collection
walks them all, which stops the event loop, and every request waiting on it, for 100-200 ms.
"""

from __future__ import annotations

import asyncio
import functools
import gc
from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager
from typing import Any, ClassVar

import h11
from fastapi import FastAPI
from uvicorn.protocols.http.h11_impl import H11Protocol

from planforge.settings import Settings

APP_FACTORY = "planforge.http.server:app_from_environment"
"""The import string uvicorn builds each worker's app with."""


def app_from_environment() -> FastAPI:
    """The standalone app from the environment's settings (`PLANFORGE_*`): what each uvicorn worker serves."""
    from planforge.http.app import create_app  # here: `planforge.http.app` imports this module's neighbours

    app = create_app(Settings())
    startup = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan_then_freeze(served: FastAPI) -> AsyncGenerator[None]:
        async with startup(served):  # `create_app`'s lifespan keeps no state
            gc.freeze()  # see the module docstring
            yield

    app.router.lifespan_context = lifespan_then_freeze
    return app


@functools.cache
def _configured_header_timeout() -> float:
    return Settings().header_timeout_seconds


class HeaderTimeoutProtocol(H11Protocol):
    """uvicorn's h11 protocol, closing connections whose request headers do not arrive in time."""

    header_timeout: ClassVar[float | None] = None
    """Seconds to wait for headers; None: `Settings.header_timeout_seconds` of the environment."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._header_timer: asyncio.TimerHandle | None = None

    def _arm_header_timer(self) -> None:
        self._disarm_header_timer()
        timeout = self.header_timeout if self.header_timeout is not None else _configured_header_timeout()
        self._header_timer = self.loop.call_later(timeout, self._on_header_timeout)

    def _disarm_header_timer(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _on_header_timeout(self) -> None:
        self._header_timer = None
        if not self.transport.is_closing():
            self.logger.info("closing a connection whose request headers did not arrive in time")
            if self.conn.our_state not in (h11.ERROR, h11.CLOSED):
                self.conn.send(h11.ConnectionClosed())
            self.transport.close()

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        """Start waiting for the first request's headers."""
        super().connection_made(transport)
        self._arm_header_timer()

    def handle_events(self) -> None:
        """Stop waiting once a request's headers are complete (a new request cycle started)."""
        cycle = self.cycle
        super().handle_events()
        if self.cycle is not cycle:
            self._disarm_header_timer()

    def on_response_complete(self) -> None:
        """Wait for the next request's headers, as uvicorn's keep-alive timer waits for its first byte."""
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm_header_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        """Nothing to wait for any more."""
        self._disarm_header_timer()
        super().connection_lost(exc)
