"""SSE transport guarantees: keep-alive comments while the model is quiet, and cancellation on disconnect."""

from __future__ import annotations

import asyncio
import contextlib
import json
import time

import httpx
import pytest
from fastapi import FastAPI

from planforge import PlanForge, Settings
from planforge.auth import InMemoryPrincipalStore
from planforge.http import create_app
from tests.http.conftest import Tokens, draft_body, parse_sse, plan_body
from tests.http.scripted_coach import scripted_coach

API = "/api/v1/ai-coach"


@pytest.mark.anyio
async def test_quiet_generation_sends_keepalive_comments(principals: InMemoryPrincipalStore, tokens: Tokens) -> None:
    async def think() -> None:
        await asyncio.sleep(0.3)

    forge = PlanForge(model=scripted_coach(before_answer=think), settings=Settings(sse_keepalive_seconds=0.05))
    app = create_app(forge=forge, principals=principals)
    headers = {"Authorization": f"Bearer {tokens.coach}"}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t", headers=headers) as http:
        response = await http.post(f"{API}/generate-draft/stream", json=draft_body())

    blocks = response.text.strip().split("\n\n")
    first_event = next(i for i, block in enumerate(blocks) if block.startswith("event: "))
    result = len(blocks) - 2
    keepalives = [i for i, block in enumerate(blocks) if block == ": keep-alive"]
    assert len(keepalives) >= 3, "a 0.3 s model call with a 0.05 s keep-alive interval needs several comments"
    assert all(first_event < i < result for i in keepalives)
    assert [name for name, _ in parse_sse(response.text)][-2:] == ["result", "done"]


class PendingCalls:
    """A model step that never finishes, recording when each call starts and when it is cancelled."""

    def __init__(self) -> None:
        self.started = 0
        self.cancelled_at: list[float] = []
        self.all_started = asyncio.Event()
        self.all_cancelled = asyncio.Event()
        self.expected = 1

    async def hold(self) -> None:
        self.started += 1
        if self.started >= self.expected:
            self.all_started.set()
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            self.cancelled_at.append(time.monotonic())
            if len(self.cancelled_at) >= self.expected:
                self.all_cancelled.set()
            raise


def _scope(path: str, token: str) -> dict[str, object]:
    headers = [(b"host", b"planforge.test"), (b"content-type", b"application/json")]
    return {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.3"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [*headers, (b"authorization", f"Bearer {token}".encode())],
        "client": ("127.0.0.1", 50000),
        "server": ("planforge.test", 80),
    }


async def _stream_then_disconnect(
    app: FastAPI, path: str, body: dict[str, object], token: str, calls: PendingCalls
) -> float:
    """Drive the ASGI app like a server whose client hangs up once every model call is pending."""
    disconnected = asyncio.Event()
    request = [{"type": "http.request", "body": json.dumps(body).encode(), "more_body": False}]
    sent: list[dict[str, object]] = []

    async def receive() -> dict[str, object]:
        if request:
            return request.pop()
        await disconnected.wait()
        return {"type": "http.disconnect"}

    async def send(message: dict[str, object]) -> None:
        sent.append(message)

    server = asyncio.create_task(app(_scope(path, token), receive, send))
    await asyncio.wait_for(calls.all_started.wait(), timeout=5)
    assert sent[0]["status"] == 200
    disconnected.set()
    hung_up_at = time.monotonic()
    await asyncio.wait_for(server, timeout=5)
    return hung_up_at


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("path", "body", "pending"),
    [
        pytest.param(f"{API}/generate-draft/stream", draft_body(), 1, id="draft-stream"),
        pytest.param(f"{API}/generate-plan/stream-content", plan_body(), 2, id="plan-two-chunks"),
    ],
)
async def test_disconnect_cancels_pending_model_calls_within_a_second(
    principals: InMemoryPrincipalStore, tokens: Tokens, path: str, body: dict[str, object], pending: int
) -> None:
    calls = PendingCalls()
    calls.expected = pending
    # Without the cache warm-up both chunk calls are pending at once (with it, the second waits for the first).
    settings = Settings(chunk_weeks=1, cache_warm_up=False)
    forge = PlanForge(model=scripted_coach(before_answer=calls.hold), settings=settings)
    app = create_app(forge=forge, principals=principals)

    hung_up_at = await _stream_then_disconnect(app, path, body, tokens.coach, calls)
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(calls.all_cancelled.wait(), timeout=1.0)

    assert len(calls.cancelled_at) == pending
    assert max(calls.cancelled_at) - hung_up_at < 1.0
