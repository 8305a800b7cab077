"""The export body's schema says what the export accepts (issue 13: schemathesis's positive_data_acceptance), and a
calendar of an undated plan starts on the coming Monday."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import Any

import httpx
import jsonschema_rs
import pytest
from icalendar import Calendar

from planforge import PlanForge, PlanRequest
from planforge.auth import InMemoryPrincipalStore
from planforge.domain.plan import Plan
from planforge.export.dates import coming_monday
from planforge.http import create_app
from planforge.http.export_body import ExportablePlan
from tests.http.conftest import ORG, new_principals

pytestmark = pytest.mark.anyio

EXPORT = "/api/v1/ai-coach/export"
WEEKS = "Week 1:\n- Tuesday: Easy run 30 min\n- Thursday: Intervals 6x400m\n\nWeek 2:\n- Saturday: Long run 10 km\n"


@pytest.fixture(scope="module")
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="module")
async def undated_plan() -> Plan:
    request = PlanRequest(weeks=2, level="beginner", org_id=ORG, refined_draft=WEEKS)
    return await PlanForge(model="offline").generate_plan(request)


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    principals: InMemoryPrincipalStore = new_principals()
    token = principals.create_token(ORG, "coach")
    app = create_app(forge=PlanForge(model="offline"), principals=principals)
    transport = httpx.ASGITransport(app=app)
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(transport=transport, base_url="http://planforge.test", headers=headers) as http:
        yield http


def _body(plan: Plan) -> dict[str, Any]:
    return plan.model_dump(mode="json")


def _changed(body: dict[str, Any], path: str, value: object) -> dict[str, Any]:
    """`body` with the value at the dotted `path` replaced."""
    *parents, last = path.split(".")
    target: Any = body
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    target[int(last) if last.isdigit() else last] = value
    return body


def _interval_without_run(body: dict[str, Any]) -> dict[str, Any]:
    step = {"type": "recovery-run", "block_length_target": "duration", "block_duration_in_seconds": 60}
    interval = {"type": "interval", "block_length_target": "duration", "content_blocks": [step]}
    return _changed(body, "content.0.content_blocks", [interval])


REFUSED = {
    "no workouts": lambda body: _changed(body, "content", []),
    "a sub-type of another type": lambda body: _changed(body, "content.0.workout_sub_type", "tempo-ride"),
    "a step by distance without a distance": lambda body: _changed(
        body, "content.0.content_blocks", [{"type": "run", "block_length_target": "distance"}]
    ),
    "an interval without a run step": _interval_without_run,
    "a date no format can write": lambda body: _changed(body, "content.0.date", "9999-12-31"),
    "a duration of years": lambda body: _changed(body, "content.0.target_duration_in_seconds", 10**9),
    "a boolean for a week": lambda body: _changed(body, "content.0.week", True),
}


@pytest.mark.parametrize("change", REFUSED.values(), ids=REFUSED.keys())
async def test_what_the_export_refuses_its_schema_refuses(
    client: httpx.AsyncClient, undated_plan: Plan, change: Any
) -> None:
    body = change(_body(undated_plan))
    schema = jsonschema_rs.validator_for(ExportablePlan.model_json_schema())
    assert schema.is_valid(_body(undated_plan))  # the plan as generated is valid …
    assert not schema.is_valid(body)  # … the changed one is not, for the schema …
    response = await client.post(EXPORT, params={"format": "csv"}, json=body)
    assert response.status_code == 422  # … nor for the server


async def test_an_undated_plans_calendar_starts_on_the_coming_monday(
    client: httpx.AsyncClient, undated_plan: Plan
) -> None:
    assert all(workout.date is None for workout in undated_plan.content)
    response = await client.post(EXPORT, params={"format": "ics"}, json=_body(undated_plan))

    assert response.status_code == 200
    starts = sorted(event.start for event in Calendar.from_ical(response.content).walk("VEVENT"))
    monday = coming_monday(dt.datetime.now(dt.UTC).date())
    # Tuesday and Thursday of week 1, Saturday of week 2, counted from that Monday.
    assert starts == [monday + dt.timedelta(days=days) for days in (1, 3, 12)]
