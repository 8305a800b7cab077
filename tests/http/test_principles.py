"""GET/PUT of an org's training principle, and its use by the next generation."""

from __future__ import annotations

import httpx
import pytest

from tests.http.conftest import ORG, draft_body

PRINCIPLE = f"/api/v1/ai-coach/training-principle/{ORG}"
MINE = "Polarized: 90% very easy, 10% hard. Two quality sessions a week at most."


@pytest.mark.anyio
async def test_an_org_without_its_own_principle_gets_the_default(client: httpx.AsyncClient) -> None:
    response = await client.get(PRINCIPLE)

    assert response.status_code == 200
    data = response.json()["data"]
    assert (data["org_id"], data["source"]) == (ORG, "default")
    assert "80/20" in data["training_principle"]


@pytest.mark.anyio
async def test_put_principle_is_returned_and_used_by_the_next_draft(client: httpx.AsyncClient) -> None:
    put = await client.put(PRINCIPLE, json={"training_principle": f"  {MINE}  "})
    got = await client.get(PRINCIPLE)
    draft = await client.post("/api/v1/ai-coach/generate-draft", json=draft_body())
    overridden = await client.post("/api/v1/ai-coach/generate-draft", json=draft_body(training_principle="Hills."))

    expected = {"status": "success", "data": {"org_id": ORG, "training_principle": MINE, "source": "org"}}
    assert (put.status_code, put.json()) == (200, expected)
    assert got.json() == expected
    assert draft.json()["data"]["training_principle"] == MINE
    assert overridden.json()["data"]["training_principle"] == "Hills."


@pytest.mark.anyio
async def test_unknown_route_and_wrong_method_use_the_envelope(client: httpx.AsyncClient) -> None:
    missing = await client.get("/api/v1/ai-coach/generate-everything")
    wrong_method = await client.get("/api/v1/ai-coach/generate-draft")

    assert (missing.status_code, missing.json()["error"]["code"]) == (404, "not_found")
    assert (wrong_method.status_code, wrong_method.json()["error"]["code"]) == (405, "method_not_allowed")
    assert missing.json()["status"] == "error"
