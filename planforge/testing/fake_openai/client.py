"""Reaching the fake server: in-process through the real openai client, or as a real server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Generator
from contextlib import contextmanager

import httpx2
import uvicorn
from openai import AsyncOpenAI
from pydantic_ai.models.openai import OpenAIChatModel
from pydantic_ai.providers.openai import OpenAIProvider

from planforge.llm import retrying_http_client
from planforge.settings import Settings
from planforge.testing.fake_openai.app import FakeOpenAI
from planforge.testing.fake_openai.transport import StreamingASGITransport

IN_PROCESS_BASE_URL = "http://fake-openai.local/v1"
"""The base URL in-process clients use; no request leaves the process."""


def fake_openai_client(fake: FakeOpenAI, *, max_retries: int = 2, timeout: float = 30.0) -> AsyncOpenAI:
    """The real openai client, talking HTTP to `fake` in this process (`max_retries` is the SDK's own)."""
    http_client = httpx2.AsyncClient(transport=StreamingASGITransport(fake.app), base_url=IN_PROCESS_BASE_URL)
    return AsyncOpenAI(
        api_key="fake-key",
        base_url=IN_PROCESS_BASE_URL,
        http_client=http_client,
        max_retries=max_retries,
        timeout=timeout,
    )


def fake_openai_model(
    fake: FakeOpenAI,
    model_name: str = "fake-coach",
    *,
    max_retries: int = 2,
    timeout: float = 30.0,
    settings: Settings | None = None,
) -> OpenAIChatModel:
    """An `OpenAIChatModel` wired to `fake` in-process: the openai SDK's real requests, no socket.

    With `settings`, the model gets planforge's own HTTP retry layer (as for `Settings(base_url=...)`) and the
    SDK's retries are off; without, the SDK retries `max_retries` times itself.
    """
    if settings is None:
        client = fake_openai_client(fake, max_retries=max_retries, timeout=timeout)
    else:
        http_client = retrying_http_client(settings, transport=StreamingASGITransport(fake.app))
        client = AsyncOpenAI(
            api_key="fake-key", base_url=IN_PROCESS_BASE_URL, http_client=http_client, max_retries=0, timeout=timeout
        )
    return OpenAIChatModel(model_name, provider=OpenAIProvider(openai_client=client))


@contextmanager
def serve_fake_openai(fake: FakeOpenAI, *, host: str = "127.0.0.1", port: int = 0) -> Generator[str]:
    """Serve `fake` with uvicorn in a background thread; yields its base URL (`http://127.0.0.1:<port>/v1`).

    `port=0` picks a free port. The server stops when the block ends.
    """
    config = uvicorn.Config(fake.app, host=host, port=port, log_level="critical", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=lambda: asyncio.run(server.serve()), name="fake-openai", daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"the fake OpenAI server did not start on {host}:{port}")
        time.sleep(0.01)
    bound_port: int = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://{host}:{bound_port}/v1"
    finally:
        # Do not wait for requests still in flight (a test may leave a slow answer behind).
        server.should_exit = server.force_exit = True
        thread.join(timeout=10)
