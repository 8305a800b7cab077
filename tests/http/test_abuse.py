"""Hostile requests in-process (issue 13): every one a 4xx naming what is wrong, never a 5xx, and streams
answering exactly as the plain endpoints do. The network-level cases are in test_abuse_live.py."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from planforge import PlanForge, Settings
from planforge.auth import InMemoryPrincipalStore
from planforge.http import create_app, install_planforge, router
from tests.http.conftest import ORG, draft_body, new_principals, plan_body

pytestmark = pytest.mark.anyio

API = "/api/v1/ai-coach"
WEEK = "- Tuesday: Easy run 30 min\n- Thursday: Tempo run 20 min\n"


def _offline_app(principals: InMemoryPrincipalStore, **settings: object) -> FastAPI:
    forge = PlanForge(model="offline", settings=Settings(**settings))  # pyright: ignore[reportArgumentType]
    return create_app(forge=forge, principals=principals)


def _client(app: FastAPI, token: str | None = None) -> httpx.AsyncClient:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    return httpx.AsyncClient(transport=transport, base_url="http://planforge.test", headers=headers)


@pytest.fixture
def principals() -> InMemoryPrincipalStore:
    return new_principals()


@pytest.fixture
def token(principals: InMemoryPrincipalStore) -> str:
    return principals.create_token(ORG, "coach")


@pytest.fixture
async def offline(principals: InMemoryPrincipalStore, token: str) -> AsyncIterator[httpx.AsyncClient]:
    """A coach's client of the standalone app on the offline coach."""
    async with _client(_offline_app(principals, rate_limit_per_minute=None), token) as http:
        yield http


def _draft(*weeks: str) -> str:
    return "\n".join(f"Week {number}:\n{text}" for number, text in enumerate(weeks, start=1))


HOSTILE_PLANS = {
    "start date at the end of the calendar": (
        plan_body(start_date="9999-12-31", refined_draft=_draft(WEEK, WEEK)),
        "start_date",
        "9999-12-18",
    ),
    "a 400-digit duration": (
        plan_body(refined_draft=_draft(f"- Tuesday: Easy run {'9' * 400} min\n", WEEK)),
        "refined_draft",
        "week 1 Tuesday",
    ),
    "a 400-digit distance": (
        plan_body(refined_draft=_draft(WEEK, f"- Thursday: Long run {'7' * 400} km\n")),
        "refined_draft",
        "week 2 Thursday",
    ),
    "a crowded day": (
        plan_body(refined_draft=_draft(WEEK, "".join(f"- Friday: Easy run {n} min\n" for n in range(1, 30)))),
        "refined_draft",
        "week 2 Friday",
    ),
    "an absurd duration": (
        plan_body(refined_draft=_draft("- Monday: Easy run 5000 hours\n", WEEK)),
        "refined_draft",
        "week 1 Monday",
    ),
    "an absurd distance": (
        plan_body(refined_draft=_draft(WEEK, "- Sunday: Long run 90000 km\n")),
        "refined_draft",
        "week 2 Sunday",
    ),
    "a week 0": (plan_body(refined_draft=_draft(WEEK, WEEK).replace("Week 2", "Week 0")), "refined_draft", "week"),
    "strict_existing without a library": (
        plan_body(workout_preference="strict_existing"),
        "workout_preference",
        "library",
    ),
}


@pytest.mark.parametrize("path", ["generate-plan", "generate-plan/stream", "generate-plan/stream-content"])
@pytest.mark.parametrize("case", list(HOSTILE_PLANS))
async def test_a_hostile_plan_is_a_422_naming_the_field_and_day_before_any_stream(
    offline: httpx.AsyncClient, case: str, path: str
) -> None:
    body, field, where = HOSTILE_PLANS[case]
    response = await offline.post(f"{API}/{path}", json=body)

    assert response.status_code == 422
    assert response.headers["content-type"] == "application/json"
    error = response.json()["error"]
    assert error["details"][0]["field"] == field
    assert where in error["message"]


async def test_streams_and_plain_calls_answer_a_bad_request_with_the_same_body(offline: httpx.AsyncClient) -> None:
    body = plan_body(refined_draft=_draft(WEEK, "- Sunday: Long run 90000 km\n"))
    plain = await offline.post(f"{API}/generate-plan", json=body)
    streamed = await offline.post(f"{API}/generate-plan/stream", json=body)
    assert (plain.status_code, plain.json()) == (streamed.status_code, streamed.json())


@pytest.mark.parametrize("path", ["generate-draft", "generate-draft/stream"])
async def test_a_draft_starting_at_the_end_of_the_calendar_is_a_422_naming_start_date(
    offline: httpx.AsyncClient, path: str
) -> None:
    response = await offline.post(f"{API}/{path}", json=draft_body(weeks=4, start_date="9999-12-31"))
    assert response.status_code == 422
    assert response.json()["error"]["details"] == [
        {"field": "start_date", "problem": response.json()["error"]["details"][0]["problem"]}
    ]
    assert "latest start is 9999-12-04" in response.json()["error"]["message"]


@pytest.mark.parametrize("path", ["generate-draft", "generate-draft/stream"])
async def test_a_whole_number_written_with_a_fraction_is_the_integer_json_schema_says(
    offline: httpx.AsyncClient, path: str
) -> None:
    response = await offline.post(f"{API}/{path}", json=draft_body(weeks=3.0))
    assert response.status_code == 200
    if path == "generate-draft":
        assert response.json()["data"]["metadata"]["weeks"] == 3


@pytest.mark.parametrize("weeks", [3.5, "3", True])
async def test_weeks_that_are_no_integer_are_still_refused(offline: httpx.AsyncClient, weeks: object) -> None:
    response = await offline.post(f"{API}/generate-draft", json=draft_body(weeks=weeks))
    assert (response.status_code, response.json()["error"]["details"][0]["field"]) == (422, "weeks")


async def test_a_plan_ending_on_the_last_day_of_the_calendar_is_fine(offline: httpx.AsyncClient) -> None:
    # 9999-12-18 + 13 days = 9999-12-31: the last possible start of a 2-week plan.
    response = await offline.post(f"{API}/generate-plan", json=plan_body(start_date="9999-12-18"))
    assert response.status_code == 200
    assert max(w["date"] for w in response.json()["data"]["content"]) <= "9999-12-31"


async def test_a_body_with_300000_unknown_keys_is_refused_by_size(offline: httpx.AsyncClient) -> None:
    body = "{" + ",".join(f'"k{n}":1' for n in range(300_000)) + "}"
    response = await offline.post(f"{API}/generate-draft", content=body, headers={"content-type": "application/json"})
    assert (response.status_code, response.json()["error"]["code"]) == (413, "payload_too_large")


async def test_a_body_with_a_few_unknown_keys_names_each_with_the_other_problems(offline: httpx.AsyncClient) -> None:
    response = await offline.post(f"{API}/generate-draft", json={**draft_body(weeks=0), "colour": "red"})
    fields = [problem["field"] for problem in response.json()["error"]["details"]]
    assert (response.status_code, sorted(fields)) == (422, ["colour", "weeks"])


async def test_a_body_with_many_unknown_keys_gets_a_short_error(offline: httpx.AsyncClient) -> None:
    keys = {f"k{n}": 1 for n in range(50_000)}
    response = await offline.post(f"{API}/generate-draft", json={**draft_body(), **keys})

    assert response.status_code == 422
    error = response.json()["error"]
    assert len(error["details"]) == 20
    assert error["details"][0] == {"field": "k0", "problem": "is not a field of this request"}
    assert "the body has 50,000 unknown fields" in error["message"]
    assert len(response.content) < 10_000


async def test_a_declared_content_length_over_the_limit_is_a_413_before_auth(
    principals: InMemoryPrincipalStore,
) -> None:
    async with _client(_offline_app(principals, max_body_bytes=2048)) as anonymous:
        response = await anonymous.post(f"{API}/generate-draft", content=b"{" + b" " * 4096 + b"}")
    assert (response.status_code, response.json()["status"]) == (413, "error")


@pytest.mark.parametrize(
    "content_type", ["application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x"]
)
async def test_a_body_that_is_not_json_is_a_415(offline: httpx.AsyncClient, content_type: str) -> None:
    response = await offline.post(f"{API}/generate-draft", content=b"weeks=2", headers={"content-type": content_type})
    assert (response.status_code, response.json()["error"]["code"]) == (415, "unsupported_media_type")


@pytest.mark.parametrize("content_type", ["application/json; charset=utf-8", "application/merge-patch+json"])
async def test_json_media_types_are_accepted(offline: httpx.AsyncClient, content_type: str) -> None:
    body = json.dumps(draft_body(weeks=1)).encode()
    response = await offline.post(f"{API}/generate-draft", content=body, headers={"content-type": content_type})
    assert response.status_code == 200


async def test_a_token_over_its_rate_limit_gets_429_with_retry_after(
    principals: InMemoryPrincipalStore, token: str
) -> None:
    other = principals.create_token(ORG, "coach")
    app = _offline_app(principals, rate_limit_per_minute=6, rate_limit_burst=3)
    async with _client(app, token) as http, _client(app, other) as neighbour:
        statuses = [(await http.get(f"{API}/training-principle/{ORG}")).status_code for _ in range(4)]
        limited = await http.post(f"{API}/generate-draft", json=draft_body())
        neighbours = await neighbour.get(f"{API}/training-principle/{ORG}")

    assert statuses == [200, 200, 200, 429]
    assert (limited.status_code, limited.json()["error"]["code"]) == (429, "rate_limited")
    assert limited.headers["retry-after"] == "10"  # one request refills in 60 / 6 s
    assert neighbours.status_code == 200  # the limit is per token


async def test_repeated_unknown_tokens_are_braked_with_429(principals: InMemoryPrincipalStore, token: str) -> None:
    app = _offline_app(principals, auth_failures_per_minute=6)
    async with _client(app) as anonymous:
        wrong = [
            (await anonymous.get(f"{API}/training-principle/{ORG}", headers={"X-API-Key": f"pf_guess{n}"})).status_code
            for n in range(11)
        ]
        braked = await anonymous.get(f"{API}/training-principle/{ORG}", headers={"X-API-Key": "pf_guess"})

    assert wrong == [401] * 10 + [429]
    assert int(braked.headers["retry-after"]) >= 1
    assert braked.json()["error"]["code"] == "rate_limited"


async def test_a_processing_budget_too_small_for_the_draft_is_a_422_naming_it(
    principals: InMemoryPrincipalStore, token: str
) -> None:
    app = _offline_app(principals, cpu_budget_seconds=1e-9)
    async with _client(app, token) as http:
        response = await http.post(f"{API}/generate-plan", json=plan_body())

    assert response.status_code == 422
    error = response.json()["error"]
    assert (error["code"], error["details"][0]["field"]) == ("processing_budget_exceeded", "refined_draft")


async def test_405_lists_every_method_of_the_path_in_the_envelope(offline: httpx.AsyncClient) -> None:
    response = await offline.delete(f"{API}/training-principle/{ORG}")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, PUT"
    assert response.json()["error"]["code"] == "method_not_allowed"


def _host_app(principals: InMemoryPrincipalStore) -> FastAPI:
    """A host app that mounts planforge's router, with its own (default) error handling."""
    host = FastAPI()
    install_planforge(host, forge=PlanForge(model="offline"), principals=principals)
    host.include_router(router)
    return host


async def test_a_host_app_gets_the_envelope_for_405(principals: InMemoryPrincipalStore, token: str) -> None:
    async with _client(_host_app(principals), token) as http:
        response = await http.patch(f"{API}/training-principle/{ORG}", json={})
    assert (response.status_code, response.headers["allow"]) == (405, "GET, PUT")
    assert response.json()["status"] == "error"


async def test_a_host_app_gets_the_envelope_for_an_unexpected_error(
    principals: InMemoryPrincipalStore, token: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    async def broken(self: PlanForge, org_id: str) -> object:
        raise RuntimeError("a bug")

    monkeypatch.setattr(PlanForge, "training_principle", broken)
    async with _client(_host_app(principals), token) as http:
        response = await http.get(f"{API}/training-principle/{ORG}")

    assert response.status_code == 500
    assert response.json()["error"] == {
        "code": "internal_error",
        "message": "internal error; the server log has the details",
        "details": [],
    }
    assert any(record.exc_info for record in caplog.records)  # the traceback is in the log, not the response


async def test_cors_is_off_by_default(offline: httpx.AsyncClient) -> None:
    response = await offline.options(
        f"{API}/generate-draft",
        headers={"Origin": "https://app.example.com", "Access-Control-Request-Method": "POST"},
    )
    assert "access-control-allow-origin" not in response.headers


async def test_cors_allows_the_configured_origins(principals: InMemoryPrincipalStore) -> None:
    app = _offline_app(principals, cors_allow_origins=["https://app.example.com"])
    preflight = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization"}
    async with _client(app) as http:
        allowed = await http.options(
            f"{API}/generate-draft", headers={"Origin": "https://app.example.com", **preflight}
        )
        other = await http.options(f"{API}/generate-draft", headers={"Origin": "https://evil.example", **preflight})

    assert allowed.headers["access-control-allow-origin"] == "https://app.example.com"
    assert "access-control-allow-origin" not in other.headers


async def test_readyz_names_the_models_and_healthz_needs_no_credential(offline: httpx.AsyncClient) -> None:
    ready = await offline.get("/readyz", headers={"Authorization": ""})
    alive = await offline.get("/healthz", headers={"Authorization": ""})
    assert ready.json() == {"status": "success", "data": {"ready": True, "model": "offline", "plan_model": "offline"}}
    assert alive.json() == {"status": "success", "data": {"alive": True}}


async def test_readyz_is_503_naming_a_store_that_fails(principals: InMemoryPrincipalStore) -> None:
    class BrokenStore(InMemoryPrincipalStore):
        async def resolve(self, credential: str) -> None:
            raise OSError("disk I/O error")

    async with _client(_offline_app(BrokenStore())) as http:
        response = await http.get("/readyz")

    assert response.status_code == 503
    assert response.json()["error"]["details"] == [
        {"field": "principals", "problem": "failed: OSError: disk I/O error"}
    ]
