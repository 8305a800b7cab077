"""Hostile clients against a real uvicorn server on 127.0.0.1 (issue 13): the behaviour is about the network.

Huge or endless bodies, bodies without a credential, slow senders, clients that never finish their headers,
clients that leave in the middle of a stream, and a health check while every worker process is busy.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from pydantic_ai.messages import ModelMessage, ModelResponse, ToolCallPart
from pydantic_ai.models.function import AgentInfo, FunctionModel

from planforge import PlanForge, Settings
from planforge.auth import InMemoryPrincipalStore
from planforge.http import create_app
from planforge.pipeline.workers import run_cpu
from tests.http.conftest import ORG, draft_body, new_principals, plan_body
from tests.http.live import live_server, read_until_closed
from tests.http.scripted_coach import draft_args, scripted_coach

API = "/api/v1/ai-coach"
LIMIT = 4_096
"""The body limit of these tests' server."""


def _settings(**changes: object) -> Settings:
    defaults: dict[str, object] = {"max_body_bytes": LIMIT, "body_timeout_seconds": 0.5, "rate_limit_per_minute": None}
    return Settings(**{**defaults, **changes})  # pyright: ignore[reportArgumentType]


@pytest.fixture
def principals() -> InMemoryPrincipalStore:
    return new_principals()


@pytest.fixture
def token(principals: InMemoryPrincipalStore) -> str:
    return principals.create_token(ORG, "coach")


@pytest.fixture
def address(principals: InMemoryPrincipalStore) -> Iterator[tuple[str, int]]:
    """A server with a 4 KiB body limit, a 0.5 s body timeout and a 0.5 s header timeout."""
    app = create_app(forge=PlanForge(model=scripted_coach(), settings=_settings()), principals=principals)
    with live_server(app, header_timeout=0.5) as address:
        yield address


def _head(path: str, headers: dict[str, str]) -> bytes:
    lines = [f"POST {path} HTTP/1.1", "Host: planforge.test", *(f"{k}: {v}" for k, v in headers.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def _response(raw: bytes) -> tuple[int, dict[str, object]]:
    head, _, body = raw.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    if b"transfer-encoding: chunked" in head.lower():
        body = body.split(b"\r\n", 1)[1].rsplit(b"\r\n0\r\n", 1)[0]
    return status, json.loads(body)


def _exchange_without_finishing(address: tuple[str, int], request: bytes) -> tuple[bytes, bool]:
    """Send `request` (a body cut short), keep the connection open; what the server answered, and whether it closed."""
    with socket.create_connection(address, timeout=10) as connection:
        connection.sendall(request)
        received, closed = read_until_closed(connection, timeout=10)
    return received, closed


def test_a_body_announced_too_large_is_refused_at_once_before_auth(address: tuple[str, int]) -> None:
    head = _head(f"{API}/generate-draft", {"Content-Type": "application/json", "Content-Length": str(200 * 2**20)})
    received, closed = _exchange_without_finishing(address, head + b'{"weeks": ')

    status, body = _response(received)
    assert (status, body["error"]["code"]) == (413, "payload_too_large")  # not 401: nothing was read or resolved
    assert closed


def test_an_unauthenticated_body_is_refused_before_it_is_read(address: tuple[str, int]) -> None:
    head = _head(f"{API}/generate-draft", {"Content-Type": "application/json", "Transfer-Encoding": "chunked"})
    received, _ = _exchange_without_finishing(address, head + b"10\r\n" + b"x" * 16 + b"\r\n")  # and then nothing

    status, body = _response(received)
    assert (status, body["error"]["code"]) == (401, "unauthenticated")


def test_a_body_growing_past_the_limit_is_refused_while_it_streams_in(address: tuple[str, int], token: str) -> None:
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json", "Transfer-Encoding": "chunked"}
    chunk = b"1000\r\n" + b" " * 4096 + b"\r\n"
    received, closed = _exchange_without_finishing(address, _head(f"{API}/generate-draft", headers) + chunk * 2)

    status, body = _response(received)
    assert (status, body["error"]["code"]) == (413, "payload_too_large")
    assert str(LIMIT) in str(body["error"]["message"]).replace(",", "")
    assert closed


def test_a_client_sending_its_body_too_slowly_gets_a_408(address: tuple[str, int], token: str) -> None:
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json", "Content-Length": "100"}
    received, closed = _exchange_without_finishing(address, _head(f"{API}/generate-draft", headers) + b'{"weeks"')

    status, body = _response(received)
    assert (status, body["error"]["code"]) == (408, "request_timeout")
    assert closed


def test_a_client_that_never_finishes_its_headers_is_disconnected(address: tuple[str, int]) -> None:
    partial_head = f"POST {API}/generate-draft HTTP/1.1\r\nHost: x\r\n".encode()
    received, closed = _exchange_without_finishing(address, partial_head)

    assert (received, closed) == (b"", True)


def test_a_keep_alive_connection_still_serves_a_second_request_after_the_header_timeout_of_the_first(
    address: tuple[str, int],
) -> None:
    with httpx.Client(base_url=f"http://{address[0]}:{address[1]}") as http:
        assert http.get("/healthz").status_code == 200
        assert http.get("/healthz").status_code == 200


def _slow_stream_app(principals: InMemoryPrincipalStore) -> FastAPI:
    async def hold() -> None:
        await asyncio.sleep(0.2)

    forge = PlanForge(model=scripted_coach(weeks=2, before_answer=hold), settings=_settings(chunk_weeks=1))
    return create_app(forge=forge, principals=principals)


def test_a_client_leaving_a_stream_logs_one_info_line_and_no_traceback(
    principals: InMemoryPrincipalStore, token: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    with live_server(_slow_stream_app(principals)) as (host, port):
        headers = {"Authorization": f"Bearer {token}"}
        for _ in range(5):
            url = f"http://{host}:{port}{API}/generate-plan/stream-content"
            with (
                httpx.Client(headers=headers, timeout=10) as http,
                http.stream("POST", url, json=plan_body()) as response,
            ):
                assert next(line for line in response.iter_lines() if line.startswith("data: "))
        # The server notices each departure; its health check is answered once all five are handled.
        with httpx.Client(base_url=f"http://{host}:{port}", timeout=10) as http:
            assert http.get("/healthz").status_code == 200

    assert [r for r in caplog.records if r.levelno >= logging.WARNING or r.exc_info] == []
    departures = [r for r in caplog.records if "closed before its end" in r.getMessage()]
    assert len(departures) == 5


def test_health_answers_while_every_worker_process_is_busy(
    principals: InMemoryPrincipalStore, token: str, tmp_path: Path
) -> None:
    # Each draft's CPU work is a read of a named pipe: it holds its worker process until the test writes to it.
    pipes = [tmp_path / f"release-{n}" for n in range(2)]
    for pipe in pipes:
        os.mkfifo(pipe)
    waiting = iter(pipes)
    started = threading.Semaphore(0)

    async def answer(messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
        pipe = next(waiting)
        started.release()
        await run_cpu(Path.read_text, pipe)
        return ModelResponse(parts=[ToolCallPart(info.output_tools[0].name, draft_args(2))])

    forge = PlanForge(model=FunctionModel(answer), settings=_settings(cpu_workers=2))
    asyncio.run(forge.cpu_pool.start())
    app = create_app(forge=forge, principals=principals)
    with live_server(app) as (host, port), httpx.Client(base_url=f"http://{host}:{port}", timeout=60) as http:
        results: list[int] = []

        def draft() -> None:
            body = draft_body()
            results.append(http.post(f"{API}/generate-draft", json=body, headers={"X-API-Key": token}).status_code)

        drafts = [threading.Thread(target=draft) for _ in range(2)]
        for thread in drafts:
            thread.start()
        assert started.acquire(timeout=30)  # both drafts wait on their worker
        assert started.acquire(timeout=30)

        health = http.get("/healthz", timeout=5)
        ready = http.get("/readyz", timeout=5)
        still_running = not results
        for pipe in pipes:
            pipe.write_text("go")  # opening for writing releases the worker reading it
        for thread in drafts:
            thread.join(timeout=60)
    asyncio.run(forge.aclose())

    assert (health.status_code, health.json()["data"]) == (200, {"alive": True})
    assert ready.status_code == 200
    assert still_running
    assert results == [200, 200]
