"""`POST /api/v1/ai-coach/export?format=…`: the plan from generate-plan in, the file out; errors as envelopes."""

from __future__ import annotations

import io
import zipfile
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from icalendar import Calendar

from planforge import Plan, PlanForge
from planforge.export import to_ics, to_icu_text
from planforge.http import export_router, install_planforge, router
from tests.export.readers import decode_fit, decode_zwo, expected_structure, icu_structure
from tests.http.conftest import ORG, Tokens, new_app, new_principals, new_tokens, plan_body

pytestmark = pytest.mark.anyio

EXPORT = "/api/v1/ai-coach/export"


@pytest.fixture
async def client_and_tokens() -> AsyncIterator[tuple[httpx.AsyncClient, Tokens]]:
    principals = new_principals()
    tokens = new_tokens(principals)
    transport = httpx.ASGITransport(app=new_app(principals))
    headers = {"Authorization": f"Bearer {tokens.coach}"}
    async with httpx.AsyncClient(transport=transport, base_url="http://planforge.test", headers=headers) as client:
        yield client, tokens


@pytest.fixture
def client(client_and_tokens: tuple[httpx.AsyncClient, Tokens]) -> httpx.AsyncClient:
    return client_and_tokens[0]


def _body(plan: Plan) -> dict[str, Any]:
    return plan.model_dump(mode="json")


async def test_the_plan_endpoints_answer_exports_as_it_is(client: httpx.AsyncClient) -> None:
    generated = await client.post("/api/v1/ai-coach/generate-plan", json=plan_body(start_date="2026-05-04"))
    assert generated.status_code == 200, generated.text
    plan_data = generated.json()["data"]
    plan = Plan.model_validate(plan_data)

    calendar = await client.post(EXPORT, params={"format": "ics"}, json=plan_data)
    assert calendar.status_code == 200, calendar.text
    assert calendar.headers["content-type"] == "text/calendar; charset=utf-8"
    assert calendar.headers["content-disposition"] == 'attachment; filename="training-plan-2026-05-04.ics"'
    events = list(Calendar.from_ical(calendar.content).walk("VEVENT"))
    assert [str(e["SUMMARY"]) for e in events] == [w.workout_name for w in plan.content]

    fit = await client.post(EXPORT, params={"format": "fit"}, json=plan_data)
    assert fit.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(fit.content)) as archive:
        assert len(archive.namelist()) == len(plan.content)
        for name in archive.namelist():
            decode_fit(archive.read(name))


async def test_every_format_answers_its_file(client: httpx.AsyncClient, edge_plan: Plan) -> None:
    types = {"ics": "text/calendar; charset=utf-8", "fit": "application/zip", "zwo": "application/zip",
             "icu": "text/plain; charset=utf-8", "csv": "text/csv; charset=utf-8"}  # fmt: skip
    for export_format, media_type in types.items():
        response = await client.post(EXPORT, params={"format": export_format}, json=_body(edge_plan))
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == media_type
        assert response.headers["content-disposition"].startswith('attachment; filename="training-plan-2026-05-04')
    icu = await client.post(EXPORT, params={"format": "icu"}, json=_body(edge_plan))
    track_steps = icu.text.split("# Week ")[2].split("\n", 2)[2]
    assert icu_structure(track_steps) == expected_structure(edge_plan.content[1])


async def test_zwift_counts_what_it_left_out(client: httpx.AsyncClient, edge_plan: Plan) -> None:
    response = await client.post(EXPORT, params={"format": "zwo"}, json=_body(edge_plan))
    assert response.headers["x-planforge-skipped-workouts"] == "4"
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        decode_zwo(archive.read(archive.namelist()[0]))


async def test_calendar_uids_carry_the_callers_org(client: httpx.AsyncClient, edge_plan: Plan) -> None:
    response = await client.post(EXPORT, params={"format": "ics", "plan_id": "p1"}, json=_body(edge_plan))
    expected = Calendar.from_ical(to_ics(edge_plan, org_id=ORG, plan_id="p1"))
    got = Calendar.from_ical(response.content)
    assert [str(e["UID"]) for e in got.walk("VEVENT")] == [str(e["UID"]) for e in expected.walk("VEVENT")]


def _problems(response: httpx.Response) -> dict[str, str]:
    assert response.status_code == 422, response.text
    body = response.json()
    assert body["status"] == "error"
    assert body["error"]["code"] == "validation_error"
    return {detail["field"]: detail["problem"] for detail in body["error"]["details"]}


async def test_a_bad_format_is_a_422_naming_format(client: httpx.AsyncClient, edge_plan: Plan) -> None:
    problems = _problems(await client.post(EXPORT, params={"format": "pdf"}, json=_body(edge_plan)))
    assert list(problems) == ["format"]
    assert "'ics', 'fit', 'zwo', 'icu' or 'csv'" in problems["format"]
    assert list(_problems(await client.post(EXPORT, json=_body(edge_plan)))) == ["format"]


async def test_a_bad_plan_is_a_422_naming_the_field(client: httpx.AsyncClient, edge_plan: Plan) -> None:
    body = _body(edge_plan)
    body["content"][2]["workout_type"] = "yoga"
    problems = _problems(await client.post(EXPORT, params={"format": "csv"}, json=body))
    assert list(problems) == ["content.2.workout_type"]
    assert list(_problems(await client.post(EXPORT, params={"format": "csv"}, json={"weeks": 3}))) == [
        "content", "weekly_info", "weeks",
    ]  # fmt: skip


async def test_an_undated_plan_exports_as_csv_as_it_is(client: httpx.AsyncClient, undated_plan: Plan) -> None:
    # Its calendar starts on the coming Monday: tests/http/test_export_body.py.
    csv = await client.post(EXPORT, params={"format": "csv"}, json=_body(undated_plan))
    assert csv.headers["content-disposition"] == 'attachment; filename="training-plan.csv"'


async def test_same_auth_as_the_other_routes(
    client_and_tokens: tuple[httpx.AsyncClient, Tokens], edge_plan: Plan
) -> None:
    client, tokens = client_and_tokens

    async def status(token: str) -> int:
        headers = {"Authorization": f"Bearer {token}" if token else ""}
        response = await client.post(EXPORT, params={"format": "csv"}, json=_body(edge_plan), headers=headers)
        assert response.json()["status"] == "error"
        return response.status_code

    assert await status("") == 401
    assert await status("not-a-token") == 401
    assert await status(tokens.athlete) == 403
    assert await status(tokens.no_feature) == 403


async def test_a_host_app_mounts_the_export_router_beside_the_generation_router(edge_plan: Plan) -> None:
    principals = new_principals()
    tokens = new_tokens(principals)
    host = FastAPI()
    install_planforge(host, forge=PlanForge(model="offline"), principals=principals)
    host.include_router(router)
    host.include_router(export_router)
    transport = httpx.ASGITransport(app=host)
    headers = {"Authorization": f"Bearer {tokens.coach}"}
    async with httpx.AsyncClient(transport=transport, base_url="http://host.test", headers=headers) as http:
        response = await http.post(EXPORT, params={"format": "icu"}, json=_body(edge_plan))
    assert response.status_code == 200
    assert response.text == to_icu_text(edge_plan)
