"""An in-process httpx2 transport that streams an ASGI app's response as it is produced.

httpx2's own `ASGITransport` buffers the whole body before returning, so a client could neither see the
first token early nor a connection dropped mid-stream. This one hands each body chunk to the client as the
app sends it; an app that fails after starting its response looks, to the client, exactly like a peer that
closed the connection mid-body (`httpx2.RemoteProtocolError`), and a client that closes the response early
is seen by the app as a disconnect.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, MutableMapping
from typing import Any

import httpx2
from starlette.types import ASGIApp, Receive, Send

_END = b""


class _AppBody(httpx2.AsyncByteStream):
    def __init__(self, chunks: asyncio.Queue[bytes], app_task: asyncio.Task[None], disconnected: asyncio.Event) -> None:
        self._chunks = chunks
        self._app_task = app_task
        self._disconnected = disconnected

    async def __aiter__(self) -> AsyncIterator[bytes]:
        while True:
            getter = asyncio.ensure_future(self._chunks.get())
            await asyncio.wait({getter, self._app_task}, return_when=asyncio.FIRST_COMPLETED)
            if getter.done():
                chunk = getter.result()
                if chunk == _END:
                    return
                yield chunk
                continue
            getter.cancel()
            if self._chunks.empty():
                # The app ended (or failed) without finishing its body: the peer closed the connection.
                raise httpx2.RemoteProtocolError("peer closed connection without sending complete message body")

    async def aclose(self) -> None:
        self._disconnected.set()
        if not self._app_task.done():
            self._app_task.cancel()
        await asyncio.gather(self._app_task, return_exceptions=True)


class StreamingASGITransport(httpx2.AsyncBaseTransport):
    """Send requests to an ASGI app in this event loop, streaming its responses (asyncio only)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        request_body = await request.aread()
        scope = _scope(request)
        started: asyncio.Future[tuple[int, list[tuple[bytes, bytes]]]] = asyncio.get_running_loop().create_future()
        chunks: asyncio.Queue[bytes] = asyncio.Queue()
        disconnected = asyncio.Event()
        body_sent = False

        async def receive() -> dict[str, Any]:
            nonlocal body_sent
            if not body_sent:
                body_sent = True
                return {"type": "http.request", "body": request_body, "more_body": False}
            await disconnected.wait()
            return {"type": "http.disconnect"}

        async def send(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                started.set_result((message["status"], list(message.get("headers", []))))
            elif message["type"] == "http.response.body":
                if body := message.get("body", b""):
                    chunks.put_nowait(body)
                if not message.get("more_body", False):
                    chunks.put_nowait(_END)

        app_task: asyncio.Task[None] = asyncio.create_task(self._run_app(scope, receive, send))
        await asyncio.wait({started, app_task}, return_when=asyncio.FIRST_COMPLETED)
        if not started.done():
            app_task.result()  # the app failed before answering: raise its error
            raise httpx2.RemoteProtocolError("server disconnected without sending a response")
        status, headers = started.result()
        return httpx2.Response(status, headers=headers, stream=_AppBody(chunks, app_task, disconnected))

    async def _run_app(self, scope: dict[str, Any], receive: Receive, send: Send) -> None:
        await self.app(scope, receive, send)


def _scope(request: httpx2.Request) -> dict[str, Any]:
    url = request.url
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": request.method,
        "headers": [(key.lower(), value) for key, value in request.headers.raw],
        "scheme": url.scheme,
        "path": url.path,
        "raw_path": url.raw_path.split(b"?")[0],
        "query_string": url.query,
        "server": (url.host, url.port or (443 if url.scheme == "https" else 80)),
        "client": ("127.0.0.1", 123),
        "root_path": "",
    }
