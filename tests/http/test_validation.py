"""Every invalid body gets a 422 envelope naming the failing field, before any model is called."""

from __future__ import annotations

import httpx
import pytest
from fastapi import FastAPI

from planforge.domain.requests import MAX_DRAFT_CHARS, MAX_PRINCIPLE_CHARS, MAX_PROMPT_CHARS
from tests.http.conftest import ORG, Tokens, draft_body, plan_body

DRAFT = "/api/v1/ai-coach/generate-draft"
PLAN = "/api/v1/ai-coach/generate-plan"
_MISSING = object()


@pytest.fixture
def app(shared_app: tuple[FastAPI, Tokens]) -> FastAPI:
    """Every request here is refused (422) before it reaches a store or a model, so one app serves the module."""
    return shared_app[0]


@pytest.fixture
def tokens(shared_app: tuple[FastAPI, Tokens]) -> Tokens:
    return shared_app[1]


def _without(body: dict[str, object], field: str) -> dict[str, object]:
    return {key: value for key, value in body.items() if key != field}


DRAFT_CASES = [
    pytest.param("weeks", 0, "greater than or equal to 1", id="weeks-zero"),
    pytest.param("weeks", 53, "less than or equal to 52", id="weeks-too-many"),
    pytest.param("weeks", "12", "valid integer", id="weeks-as-string"),
    pytest.param("weeks", 2.5, "valid integer", id="weeks-fraction"),
    pytest.param("weeks", _MISSING, "Field required", id="weeks-missing"),
    pytest.param("level", "elite", "'beginner', 'intermediate' or 'advanced'", id="level-unknown"),
    pytest.param("level", _MISSING, "Field required", id="level-missing"),
    pytest.param("org_id", "  ", "at least 1 character", id="org-id-blank"),
    pytest.param("org_id", _MISSING, "Field required", id="org-id-missing"),
    pytest.param("additional_prompt", "x" * (MAX_PROMPT_CHARS + 1), "at most 4000", id="prompt-too-long"),
    pytest.param("training_principle", "x" * (MAX_PRINCIPLE_CHARS + 1), "at most 4000", id="principle-too-long"),
    pytest.param("start_date", "05/05/2026", "ISO date (YYYY-MM-DD)", id="start-date-not-iso"),
    pytest.param("start_date", "2026-02-30", "valid date", id="start-date-impossible"),
    pytest.param("workout_preference", "library_only", "'ai_generate', 'prefer_existing'", id="preference-unknown"),
    pytest.param("athlete_name", "Ann", "Extra inputs are not permitted", id="unknown-field"),
]


@pytest.mark.anyio
@pytest.mark.parametrize(("field", "value", "problem"), DRAFT_CASES)
@pytest.mark.parametrize("path", [DRAFT, f"{DRAFT}/stream"])
async def test_invalid_draft_field_is_named(
    client: httpx.AsyncClient, path: str, field: str, value: object, problem: str
) -> None:
    body = _without(draft_body(), field) if value is _MISSING else draft_body(**{field: value})

    response = await client.post(path, json=body)

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert [detail["field"] for detail in error["details"]] == [field]
    assert problem in error["details"][0]["problem"]
    assert error["message"].startswith(f"invalid request: {field}: ")


PLAN_CASES = [
    pytest.param("refined_draft", _MISSING, "Field required", id="draft-missing"),
    pytest.param("refined_draft", "  short  ", "at least 10 non-blank characters", id="draft-too-short"),
    pytest.param("refined_draft", "x" * (MAX_DRAFT_CHARS + 1), "at most 200000", id="draft-too-long"),
    pytest.param("weeks", 60, "less than or equal to 52", id="weeks-too-many"),
]


@pytest.mark.anyio
@pytest.mark.parametrize(("field", "value", "problem"), PLAN_CASES)
@pytest.mark.parametrize("path", [PLAN, f"{PLAN}/stream", f"{PLAN}/stream-content"])
async def test_invalid_plan_field_is_named(
    client: httpx.AsyncClient, path: str, field: str, value: object, problem: str
) -> None:
    body = _without(plan_body(), field) if value is _MISSING else plan_body(**{field: value})

    response = await client.post(path, json=body)

    assert response.status_code == 422
    details = response.json()["error"]["details"]
    assert [detail["field"] for detail in details] == [field]
    assert problem in details[0]["problem"]


@pytest.mark.anyio
async def test_every_invalid_field_is_listed(client: httpx.AsyncClient) -> None:
    response = await client.post(DRAFT, json={"weeks": 0, "level": "pro", "org_id": ORG})

    assert [detail["field"] for detail in response.json()["error"]["details"]] == ["weeks", "level"]


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("content", "field", "problem"),
    [
        pytest.param(b'{"weeks": 2,', "body", "is not valid JSON", id="malformed-json"),
        pytest.param(b"", "body", "Field required", id="empty-body"),
        pytest.param(b"[1, 2]", "body", "valid dictionary", id="not-an-object"),
    ],
)
async def test_unreadable_body_is_named_body(
    client: httpx.AsyncClient, content: bytes, field: str, problem: str
) -> None:
    response = await client.post(DRAFT, content=content, headers={"Content-Type": "application/json"})

    assert response.status_code == 422
    details = response.json()["error"]["details"]
    assert [detail["field"] for detail in details] == [field]
    assert problem in details[0]["problem"]


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("body", "problem"),
    [
        pytest.param({"training_principle": "   "}, "at least 1 character", id="blank"),
        pytest.param({"training_principle": "x" * (MAX_PRINCIPLE_CHARS + 1)}, "at most 4000", id="too-long"),
        pytest.param({}, "Field required", id="missing"),
    ],
)
async def test_invalid_principle_update_is_named(
    client: httpx.AsyncClient, body: dict[str, object], problem: str
) -> None:
    response = await client.put(f"/api/v1/ai-coach/training-principle/{ORG}", json=body)

    assert response.status_code == 422
    details = response.json()["error"]["details"]
    assert [detail["field"] for detail in details] == ["training_principle"]
    assert problem in details[0]["problem"]
