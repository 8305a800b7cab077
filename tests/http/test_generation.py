"""The generation endpoints: envelopes, stream event order, and failures as statuses or error events."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from dirty_equals import IsDatetime, IsPartialDict, IsStr
from fastapi import FastAPI
from inline_snapshot import snapshot
from pydantic_ai import ModelHTTPError

from planforge import PlanForge, Settings
from planforge.auth import InMemoryPrincipalStore
from planforge.http import create_app
from tests.http.conftest import Tokens, draft_body, parse_sse, plan_body
from tests.http.scripted_coach import BeforeAnswer, scripted_coach

API = "/api/v1/ai-coach"


def _summary(events: list[tuple[str, dict[str, object]]]) -> list[tuple[str, object]]:
    """Each event with the part that shows the order: progress %, week number, workout week/day."""
    shown: list[tuple[str, object]] = []
    for name, data in events:
        match name:
            case "progress":
                shown.append((name, data["progress"]))
            case "week":
                shown.append((name, data["week"]))
            case "workout":
                workout = data["workout"]
                assert isinstance(workout, dict)
                shown.append((name, f"{workout['week']} {workout['day']}"))
            case "error":
                shown.append((name, data["code"]))
            case _:
                shown.append((name, None))
    return shown


@pytest.mark.anyio
async def test_generate_draft_returns_the_spec_envelope(client: httpx.AsyncClient) -> None:
    response = await client.post(f"{API}/generate-draft", json=draft_body(start_date="2026-05-04"))

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "success"
    assert body["data"]["draft"].startswith("2-Week Beginner 10K Plan\n")
    assert body["data"]["metadata"] == snapshot(
        {
            "weeks": 2,
            "level": "beginner",
            "org_id": "org_abc123",
            "generated_at": IsDatetime(iso_string=True),
            "requirements": IsPartialDict(language="en", race=None, not_used=[]),
        }
    )
    assert body["data"]["training_principle"] == IsStr(min_length=20)


@pytest.mark.anyio
async def test_generate_plan_returns_workouts_and_weekly_info(client: httpx.AsyncClient) -> None:
    response = await client.post(f"{API}/generate-plan", json=plan_body(start_date="2026-05-04"))

    assert response.status_code == 200
    data = response.json()["data"]
    assert [(w["week"], w["day"], w["workout_sub_type"], w["date"]) for w in data["content"]] == snapshot(
        [
            (1, "Tuesday", "easy-run", "2026-05-05"),
            (1, "Thursday", "tempo-run", "2026-05-07"),
            (1, "Saturday", "long-run", "2026-05-09"),
            (2, "Tuesday", "easy-run", "2026-05-12"),
            (2, "Thursday", "tempo-run", "2026-05-14"),
            (2, "Saturday", "long-run", "2026-05-16"),
        ]
    )
    assert data["weekly_info"] == snapshot(
        {"1": {"phase": "base", "focus": "Aerobic foundation"}, "2": {"phase": "base", "focus": "Aerobic foundation"}}
    )


@pytest.mark.anyio
async def test_draft_stream_sends_progress_then_result_then_done(client: httpx.AsyncClient) -> None:
    response = await client.post(f"{API}/generate-draft/stream", json=draft_body())

    assert response.headers["content-type"] == "text/event-stream; charset=utf-8"
    assert (response.headers["x-accel-buffering"], response.headers["cache-control"]) == ("no", "no-cache")
    events = parse_sse(response.text)
    assert _summary(events) == snapshot(
        [("progress", 0), ("progress", 50), ("progress", 100), ("result", None), ("done", None)]
    )
    result = events[-2][1]["data"]
    assert isinstance(result, dict)
    assert result["metadata"] == snapshot(
        {
            "weeks": 2,
            "level": "beginner",
            "org_id": "org_abc123",
            "generated_at": IsDatetime(iso_string=True),
            "requirements": IsPartialDict(language="en", race=None, not_used=[]),
        }
    )


@pytest.fixture
def chunked_app(principals: InMemoryPrincipalStore) -> FastAPI:
    """Weeks converted one per chunk, so a 2-week plan arrives in two pieces."""
    forge = PlanForge(model=scripted_coach(weeks=2), settings=Settings(chunk_weeks=1, concurrency=1))
    return create_app(forge=forge, principals=principals)


@pytest.mark.anyio
async def test_plan_stream_sends_progress_and_result_only(chunked_app: FastAPI, tokens: Tokens) -> None:
    async with _client(chunked_app, tokens) as http:
        response = await http.post(f"{API}/generate-plan/stream", json=plan_body())

    assert _summary(parse_sse(response.text)) == snapshot(
        [("progress", 0), ("progress", 50), ("progress", 100), ("result", None), ("done", None)]
    )


@pytest.mark.anyio
async def test_stream_content_sends_each_chunks_workouts_before_the_result(
    chunked_app: FastAPI, tokens: Tokens
) -> None:
    async with _client(chunked_app, tokens) as http:
        response = await http.post(f"{API}/generate-plan/stream-content", json=plan_body())

    events = parse_sse(response.text)
    assert _summary(events) == snapshot(
        [
            ("progress", 0),
            ("week", 1),
            ("workout", "1 Tuesday"),
            ("workout", "1 Thursday"),
            ("workout", "1 Saturday"),
            ("progress", 50),
            ("week", 2),
            ("workout", "2 Tuesday"),
            ("workout", "2 Thursday"),
            ("workout", "2 Saturday"),
            ("progress", 100),
            ("result", None),
            ("done", None),
        ]
    )
    streamed = [data["workout"] for name, data in events if name == "workout"]
    result = events[-2][1]["data"]
    assert isinstance(result, dict)
    assert result["content"] == streamed


def _client(app: FastAPI, tokens: Tokens) -> httpx.AsyncClient:
    headers = {"Authorization": f"Bearer {tokens.coach}"}
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://planforge.test", headers=headers)


def _failing(status_code: int) -> BeforeAnswer:
    async def fail() -> None:
        raise ModelHTTPError(status_code=status_code, model_name="scripted-coach", body={"error": "scripted"})

    return fail


def _slow(seconds: float) -> BeforeAnswer:
    async def sleep() -> None:
        await asyncio.sleep(seconds)

    return sleep


# A provider failure must surface as itself however slow the machine: its deadline is far away (30 s). The
# time-out case has a short deadline and a model that never answers within it.
FAILURES: list[object] = [
    pytest.param(
        _failing(500), 30, 502, "model_provider_error", "the model provider failed (provider HTTP 500)", id="500"
    ),
    pytest.param(
        _failing(429),
        30,
        503,
        "model_provider_error",
        "the model provider is unavailable (provider HTTP 429)",
        id="429",
    ),
    pytest.param(
        _failing(529),
        30,
        503,
        "model_provider_error",
        "the model provider is unavailable (provider HTTP 529)",
        id="529",
    ),
    pytest.param(_slow(60), 0.2, 504, "timeout", "generation timed out", id="timeout"),
]


@pytest.mark.anyio
@pytest.mark.parametrize(("before_answer", "deadline", "status", "code", "message"), FAILURES)
@pytest.mark.parametrize("step", ["generate-draft", "generate-plan"])
async def test_provider_failures_and_timeouts_map_to_5xx(
    principals: InMemoryPrincipalStore,
    tokens: Tokens,
    before_answer: BeforeAnswer,
    deadline: float,
    status: int,
    code: str,
    message: str,
    step: str,
) -> None:
    settings = Settings(request_timeout_seconds=deadline)
    forge = PlanForge(model=scripted_coach(before_answer=before_answer), settings=settings)
    body = draft_body() if step == "generate-draft" else plan_body()
    async with _client(create_app(forge=forge, principals=principals), tokens) as http:
        response = await http.post(f"{API}/{step}", json=body)
        streamed = await http.post(f"{API}/{step}/stream", json=body)

    assert response.status_code == status
    error = response.json()["error"]
    assert (error["code"], error["message"].startswith(message)) == (code, True)
    assert streamed.status_code == 200
    assert _summary(parse_sse(streamed.text))[-2:] == [("error", code), ("done", None)]


@pytest.mark.anyio
async def test_a_bug_is_an_opaque_500_or_error_event(principals: InMemoryPrincipalStore, tokens: Tokens) -> None:
    async def crash() -> None:
        raise RuntimeError("secret internals")

    app = create_app(forge=PlanForge(model=scripted_coach(before_answer=crash)), principals=principals)
    headers = {"Authorization": f"Bearer {tokens.coach}"}
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://planforge.test", headers=headers) as http:
        response = await http.post(f"{API}/generate-draft", json=draft_body())
        streamed = await http.post(f"{API}/generate-draft/stream", json=draft_body())

    assert (response.status_code, response.json()["error"]["code"]) == (500, "internal_error")
    assert _summary(parse_sse(streamed.text))[-2:] == [("error", "internal_error"), ("done", None)]
    assert "secret internals" not in response.text + streamed.text
