"""Pacing of refused requests (issue 13): past its burst, a client address's refusals wait before their answer,
so a flood of refused requests cannot keep the server busy; valid requests never wait."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable

import httpx
import pytest
from fastapi import FastAPI

from planforge import PlanForge, Settings
from planforge.auth import InMemoryPrincipalStore
from planforge.http import create_app, limits
from planforge.http.limits import REFUSAL_BURST, RefusalPacer, RequestLimits
from tests.http.conftest import ORG, draft_body, new_principals

pytestmark = pytest.mark.anyio

API = "/api/v1/ai-coach"
DELAY = 0.3


class Clock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


async def _seconds(waiting: Awaitable[object]) -> float:
    start = time.perf_counter()
    await waiting
    return time.perf_counter() - start


async def test_refusals_within_the_burst_are_answered_at_once_then_each_waits() -> None:
    pacer = RefusalPacer(per_minute=60, delay_seconds=DELAY, clock=Clock())
    within = [await _seconds(pacer.pace("10.0.0.1")) for _ in range(REFUSAL_BURST)]
    beyond = await _seconds(pacer.pace("10.0.0.1"))

    assert max(within) < DELAY / 3
    assert beyond >= DELAY * 0.9


async def test_pacing_is_per_address_and_the_bucket_refills() -> None:
    clock = Clock()
    pacer = RefusalPacer(per_minute=60, delay_seconds=DELAY, clock=clock)
    for _ in range(REFUSAL_BURST):
        await pacer.pace("10.0.0.1")

    other_address = await _seconds(pacer.pace("10.0.0.2"))
    clock.now += 1.0  # 60 a minute: one refusal refilled
    refilled = await _seconds(pacer.pace("10.0.0.1"))

    assert other_address < DELAY / 3
    assert refilled < DELAY / 3


async def test_beyond_the_cap_of_waiting_refusals_they_are_answered_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_PACED_REFUSALS", 1)
    pacer = RefusalPacer(per_minute=60, delay_seconds=DELAY, clock=Clock())
    for _ in range(REFUSAL_BURST):
        await pacer.pace("10.0.0.1")

    waiting = asyncio.ensure_future(pacer.pace("10.0.0.1"))
    await asyncio.sleep(0)  # the first refusal beyond the burst is now waiting
    second = await _seconds(pacer.pace("10.0.0.1"))
    await waiting

    assert second < DELAY / 3


@pytest.mark.parametrize(("delay", "paced"), [(0.0, False), (1.0, True)])
def test_a_delay_of_zero_turns_pacing_off(delay: float, paced: bool) -> None:
    request_limits = RequestLimits.from_settings(Settings(refusal_delay_seconds=delay, refusals_per_minute=5))
    assert (request_limits.refusals is not None) == paced


def _app(principals: InMemoryPrincipalStore) -> FastAPI:
    settings = Settings(refusal_delay_seconds=DELAY, rate_limit_per_minute=None, auth_failures_per_minute=None)
    return create_app(forge=PlanForge(model="offline", settings=settings), principals=principals)


def _client(app: FastAPI, headers: dict[str, str]) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app)
    return httpx.AsyncClient(transport=transport, base_url="http://planforge.test", headers=headers)


async def _timed(request: Awaitable[httpx.Response]) -> tuple[int, float]:
    start = time.perf_counter()
    response = await request
    return response.status_code, time.perf_counter() - start


async def test_a_flood_of_refused_requests_is_paced_while_valid_ones_are_answered_at_once() -> None:
    principals = new_principals()
    app = _app(principals)
    token = principals.create_token(ORG, "coach")
    path = f"{API}/training-principle/{ORG}"
    async with _client(app, {"X-API-Key": "pf_wrong"}) as guesser, _client(app, {"X-API-Key": token}) as coach:
        burst = [await _timed(guesser.get(path)) for _ in range(REFUSAL_BURST)]
        paced = asyncio.ensure_future(_timed(guesser.get(path)))
        valid = await _timed(coach.get(path))
        paced_status, paced_seconds = await paced

    assert {status for status, _ in burst} == {401}
    assert (paced_status, paced_seconds >= DELAY * 0.9) == (401, True)
    assert valid[0] == 200
    assert valid[1] < DELAY / 2  # from the same address, while a refusal of it waits


@pytest.mark.parametrize(
    ("headers", "body", "status"),
    [
        ({"X-API-Key": "pf_wrong"}, draft_body(), 401),
        ({}, {**draft_body(), "weeks": 0}, 422),
        ({"Content-Type": "text/plain"}, "weeks=2", 415),
    ],
    ids=["unknown credential", "invalid body", "not JSON"],
)
async def test_every_kind_of_refusal_is_paced(headers: dict[str, str], body: object, status: int) -> None:
    principals = new_principals()
    app = _app(principals)
    token = principals.create_token(ORG, "coach")
    async with _client(app, {"X-API-Key": token, **headers}) as http:

        def send() -> Awaitable[httpx.Response]:
            if isinstance(body, str):
                return http.post(f"{API}/generate-draft", content=body)
            return http.post(f"{API}/generate-draft", json=body)

        for _ in range(REFUSAL_BURST):
            await send()
        answered, seconds = await _timed(send())

    assert (answered, seconds >= DELAY * 0.9) == (status, True)
