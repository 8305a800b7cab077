"""The auth matrix: who may call the AI-coach endpoints (401 without a valid credential, 403 without the right)."""

from __future__ import annotations

import httpx
import pytest
from fastapi import FastAPI

from tests.http.conftest import ORG, Tokens, draft_body

PRINCIPLE = f"/api/v1/ai-coach/training-principle/{ORG}"
DRAFT = "/api/v1/ai-coach/generate-draft"
DRAFT_STREAM = "/api/v1/ai-coach/generate-draft/stream"


@pytest.fixture
def app(shared_app: tuple[FastAPI, Tokens]) -> FastAPI:
    """Requests here are refused (401, 403), read or draft: none changes a store, so one app serves the module."""
    return shared_app[0]


@pytest.fixture
def tokens(shared_app: tuple[FastAPI, Tokens]) -> Tokens:
    return shared_app[1]


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("headers", "problem"),
    [
        pytest.param({}, "missing credential", id="no-credential"),
        pytest.param({"Authorization": "Bearer pf_not-a-real-token"}, "invalid credential", id="unknown-bearer"),
        pytest.param({"X-API-Key": "pf_not-a-real-token"}, "invalid credential", id="unknown-api-key"),
        pytest.param({"Authorization": "Basic dXNlcjpwYXNz"}, "missing credential", id="not-bearer"),
    ],
)
@pytest.mark.parametrize("path", [PRINCIPLE, DRAFT, DRAFT_STREAM])
async def test_unauthenticated_requests_get_401(
    client: httpx.AsyncClient, path: str, headers: dict[str, str], problem: str
) -> None:
    client.headers.pop("Authorization")
    if path == PRINCIPLE:
        response = await client.get(path, headers=headers)
    else:
        response = await client.post(path, json=draft_body(), headers=headers)

    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    error = response.json()["error"]
    assert (response.json()["status"], error["code"]) == ("error", "unauthenticated")
    assert error["message"].startswith(problem)


@pytest.mark.anyio
async def test_credentials_are_checked_before_the_body(client: httpx.AsyncClient) -> None:
    client.headers.pop("Authorization")
    response = await client.post(DRAFT, json={"weeks": "many"})
    assert response.status_code == 401


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("token_of", "org_id", "message_part"),
    [
        pytest.param("athlete", ORG, "role 'athlete' may not use the AI coach", id="athlete-role"),
        pytest.param("no_feature", "org_plain", "does not have the Coach Agent feature", id="org-without-feature"),
        pytest.param("coach", "org_other", "'org_other' is not the organization", id="another-org"),
        pytest.param("other_org", ORG, "'org_abc123' is not the organization", id="token-of-another-org"),
    ],
)
@pytest.mark.parametrize("endpoint", ["draft", "draft-stream", "get-principle", "put-principle"])
async def test_forbidden_requests_get_403(
    client: httpx.AsyncClient, tokens: Tokens, token_of: str, org_id: str, message_part: str, endpoint: str
) -> None:
    headers = _bearer(getattr(tokens, token_of))
    principle_path = f"/api/v1/ai-coach/training-principle/{org_id}"
    match endpoint:
        case "draft":
            response = await client.post(DRAFT, json=draft_body(org_id=org_id), headers=headers)
        case "draft-stream":
            response = await client.post(DRAFT_STREAM, json=draft_body(org_id=org_id), headers=headers)
        case "get-principle":
            response = await client.get(principle_path, headers=headers)
        case _:
            response = await client.put(principle_path, json={"training_principle": "Run more."}, headers=headers)

    assert response.status_code == 403
    assert response.headers["content-type"] == "application/json"
    error = response.json()["error"]
    assert error["code"] == "forbidden"
    assert message_part in error["message"]


@pytest.mark.anyio
@pytest.mark.parametrize("role", ["coach", "head_coach"])
async def test_coach_roles_may_generate_by_bearer_or_api_key(
    client: httpx.AsyncClient, tokens: Tokens, role: str
) -> None:
    token = getattr(tokens, role)
    by_bearer = await client.post(DRAFT, json=draft_body(), headers=_bearer(token))
    client.headers.pop("Authorization")
    by_api_key = await client.get(PRINCIPLE, headers={"X-API-Key": token})

    assert (by_bearer.status_code, by_bearer.json()["status"]) == (200, "success")
    assert (by_api_key.status_code, by_api_key.json()["data"]["org_id"]) == (200, ORG)
