"""A local server restarting mid-generation (issue 14): the chunk whose connection broke is converted again, within
the generation's budget and deadline, and the plan completes; the generation does not start over.

The server is a real uvicorn on 127.0.0.1 stopped while a chunk is being answered, then started again on the same
port as a new process would be (a new fake: nothing carries over but the port).
"""

from __future__ import annotations

import asyncio
import socket
import time
from contextlib import ExitStack
from typing import Any

import pytest
from pydantic_ai import models

from planforge import PlanForge, Settings
from planforge.domain.requests import PlanRequest
from planforge.drafttext.render import render_draft
from planforge.testing import FakeOpenAI, Latency, scripted_draft, serve_fake_openai
from planforge.testing.fake_openai import LLAMA_CPP

pytestmark = pytest.mark.anyio

WEEKS = 3
DEADLINE = 30.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def plan_request() -> PlanRequest:
    return PlanRequest(
        weeks=WEEKS, level="beginner", org_id="org_restart", refined_draft=render_draft(scripted_draft(WEEKS))
    )


async def _until(condition: Any, within: float = 10.0) -> None:
    deadline = time.monotonic() + within
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail("the condition did not come true in time")
        await asyncio.sleep(0.01)


@pytest.mark.parametrize(
    "downtime",
    [
        pytest.param(0.0, id="back-at-once"),
        # Longer than a server never reached is retried for (0.5 + 1 s): a restart reloading its model.
        pytest.param(3.0, id="back-after-3s"),
    ],
)
async def test_a_server_restart_mid_generation_retries_the_chunk_and_the_plan_completes(downtime: float) -> None:
    port = free_port()
    slow = Latency(time_to_first_token=0.1, tokens_per_second=100)  # a chunk takes seconds
    before, after = FakeOpenAI(behaviour=LLAMA_CPP, latency=slow), FakeOpenAI(behaviour=LLAMA_CPP)
    settings = Settings(
        base_url=f"http://127.0.0.1:{port}/v1",
        model="llama3.2:3b",
        chunk_weeks=1,
        request_timeout_seconds=DEADLINE,
        max_requests_per_generation=WEEKS + 2,
    )
    models.ALLOW_MODEL_REQUESTS = True  # requests go to 127.0.0.1, never to the network
    with ExitStack() as running:
        running.enter_context(serve_fake_openai(before, port=port))
        try:
            async with PlanForge(settings=settings) as forge:
                generation = asyncio.create_task(forge.generate_plan(plan_request()))
                await _until(lambda: len(before.requests) == 2)  # chunk 1 done, chunk 2 being answered
                await asyncio.sleep(0.2)
                await asyncio.to_thread(running.close)  # the server goes away mid-answer
                await asyncio.sleep(downtime)  # connections are refused meanwhile
                await asyncio.to_thread(running.enter_context, serve_fake_openai(after, port=port))
                plan = await asyncio.wait_for(generation, DEADLINE + 5)
        finally:
            models.ALLOW_MODEL_REQUESTS = False

    assert sorted(int(week) for week in plan.weekly_info) == list(range(1, WEEKS + 1))
    assert before.generations.finished == 1  # chunk 2's answer was cut off by the restart
    assert len(after.requests) == WEEKS - 1  # chunk 2 again, then chunk 3: nothing converted twice
    # The lost request counts too (its tokens estimated from what arrived): the budget sees every request sent.
    assert plan.usage.requests == len(before.requests) + len(after.requests) == WEEKS + 1
