"""Step 2 through the public API: chunked concurrent conversion, order, dates, failures, events."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from dirty_equals import IsInt, IsStr
from inline_snapshot import snapshot
from pydantic_ai.messages import ModelMessage, ModelResponse, ToolCallPart
from pydantic_ai.models.function import AgentInfo, FunctionModel

from planforge import ChunkConversionError, DraftRequest, DraftStructureError, PlanForge, PlanRequest, Settings
from planforge.agents.plan import PLAN_OUTPUT_TOOL
from planforge.domain.events import ProgressEvent
from planforge.drafttext.render import render_draft
from planforge.testing import ScriptedCoach, request_sections, scripted_draft

pytestmark = pytest.mark.anyio

WEEKDAYS_USED = ["Tuesday", "Thursday", "Saturday"]


def plan_request(weeks: int, **extra: Any) -> PlanRequest:
    return PlanRequest(
        weeks=weeks, level="intermediate", org_id="org_1", refined_draft=render_draft(scripted_draft(weeks)), **extra
    )


async def test_52_weeks_convert_concurrently_in_order_with_dates() -> None:
    coach = ScriptedCoach(latency=0.01)
    settings = Settings(chunk_weeks=2, concurrency=6)
    forge = PlanForge(model="test", plan_model=coach.model(), settings=settings)

    plan = await forge.generate_plan(plan_request(52, start_date=dt.date(2026, 5, 4)))  # a Monday

    assert len(plan.content) == 52 * 3
    assert [(w.week, w.day) for w in plan.content] == [(n, d) for n in range(1, 53) for d in WEEKDAYS_USED]
    assert list(plan.weekly_info) == [str(n) for n in range(1, 53)]
    assert plan.weekly_info["52"].phase == "taper"
    assert {w.phase for w in plan.content if w.week < 52} == {"base"}
    assert plan.content[0].date == dt.date(2026, 5, 5)
    assert plan.content[-1].date == dt.date(2026, 5, 4) + dt.timedelta(weeks=51, days=5)
    assert all(w.date and w.date.strftime("%A") == w.day for w in plan.content)
    assert coach.calls == 26
    assert sorted(week for seen in coach.weeks_seen for week in seen) == list(range(1, 53))
    assert 1 < coach.peak_running <= 6
    assert plan.usage.requests == 26


async def test_dates_follow_a_midweek_start() -> None:
    forge = PlanForge(model="test", plan_model=ScriptedCoach().model())
    plan = await forge.generate_plan(plan_request(2, start_date=dt.date(2026, 5, 7)))  # a Thursday
    # Week 1 spans Thu 7 May … Wed 13 May: Tuesday falls on the 12th.
    dates = {(w.week, w.day): w.date for w in plan.content}
    assert dates[(1, "Thursday")] == dt.date(2026, 5, 7)
    assert dates[(1, "Tuesday")] == dt.date(2026, 5, 12)
    assert dates[(2, "Saturday")] == dt.date(2026, 5, 16)


async def test_no_start_date_means_no_dates() -> None:
    forge = PlanForge(model="test", plan_model=ScriptedCoach().model())
    plan = await forge.generate_plan(plan_request(2))
    assert all(w.date is None for w in plan.content)


def failing_on_week(bad_week: int) -> FunctionModel:
    """Converts like ScriptedCoach, but always puts one workout of `bad_week` on an invalid week number."""
    coach = ScriptedCoach()

    def answer(messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
        args = coach.convert(request_sections(messages))
        for workout in args["workouts"]:
            if workout["week"] == bad_week:
                workout["week"] = bad_week + 30
        return ModelResponse(parts=[ToolCallPart(PLAN_OUTPUT_TOOL, args)])

    return FunctionModel(answer)


async def test_chunk_that_keeps_failing_fails_the_plan_naming_its_weeks() -> None:
    forge = PlanForge(model="test", plan_model=failing_on_week(7), settings=Settings(chunk_weeks=2, output_retries=1))
    with pytest.raises(ChunkConversionError, match="weeks 7-8") as caught:
        await forge.generate_plan(plan_request(12))
    assert caught.value.weeks == range(7, 9)


async def test_stream_with_failing_chunk_never_sends_a_result() -> None:
    forge = PlanForge(model="test", plan_model=failing_on_week(3), settings=Settings(chunk_weeks=1, output_retries=0))
    events = [event async for event in forge.stream_plan(plan_request(4))]
    assert [e.type for e in events][-2:] == ["error", "done"]
    assert not any(e.type == "result" for e in events)


@pytest.mark.parametrize(
    ("draft", "weeks", "message"),
    [
        ("Just run a lot every day, rest on Sundays.", 4, "no week found"),
        (render_draft(scripted_draft(3)), 4, "has 3 week"),
        (render_draft(scripted_draft(5)), 4, "unexpected week 5"),
    ],
)
async def test_draft_structure_errors_name_refined_draft(draft: str, weeks: int, message: str) -> None:
    forge = PlanForge(model="test", plan_model=ScriptedCoach().model())
    request = PlanRequest(weeks=weeks, level="beginner", org_id="o", refined_draft=draft)
    with pytest.raises(DraftStructureError, match=message) as caught:
        await forge.generate_plan(request)
    assert caught.value.field == "refined_draft"


async def test_event_stream_of_a_small_plan() -> None:
    forge = PlanForge(model="test", plan_model=ScriptedCoach().model(), settings=Settings(chunk_weeks=1, concurrency=1))
    events = [
        e.model_dump(mode="json") async for e in forge.stream_plan(plan_request(2, start_date=dt.date(2026, 5, 4)))
    ]
    summary = [
        {k: v for k, v in e.items() if k in {"type", "progress", "week"}}
        | ({"day": e["workout"]["day"], "date": e["workout"]["date"]} if e["type"] == "workout" else {})
        for e in events
    ]
    assert summary == snapshot(
        [
            {"type": "progress", "progress": 0},
            {"type": "week", "week": 1},
            {"type": "workout", "day": "Tuesday", "date": "2026-05-05"},
            {"type": "workout", "day": "Thursday", "date": "2026-05-07"},
            {"type": "workout", "day": "Saturday", "date": "2026-05-09"},
            {"type": "progress", "progress": 50},
            {"type": "week", "week": 2},
            {"type": "workout", "day": "Tuesday", "date": "2026-05-12"},
            {"type": "workout", "day": "Thursday", "date": "2026-05-14"},
            {"type": "workout", "day": "Saturday", "date": "2026-05-16"},
            {"type": "progress", "progress": 100},
            {"type": "result"},
            {"type": "done"},
        ]
    )
    result = events[-2]["data"]
    assert result["usage"] == {
        "requests": 2,
        "input_tokens": IsInt(gt=0),
        "output_tokens": IsInt(gt=0),
        "cached_input_tokens": 0,
        "estimated_requests": 0,
    }
    assert result["content"][0]["workout_name"] == IsStr(min_length=1)


async def test_the_offline_coach_converts_in_at_most_13_chunks_unless_told_otherwise() -> None:
    request = plan_request(52)
    default = await PlanForge(model="offline").generate_plan(request)
    explicit = await PlanForge(model="offline", settings=Settings(chunk_weeks=26)).generate_plan(request)
    assert default.usage.requests == 13  # 4-week chunks: 13 progress steps, no output limit to mind
    assert explicit.usage.requests == 2
    assert default.content == explicit.content


async def test_the_offline_coachs_progress_moves_week_by_week_on_a_short_plan() -> None:
    forge = PlanForge(model="offline")
    draft = await forge.generate_draft(DraftRequest(weeks=4, level="beginner", org_id="org"))
    request = PlanRequest(weeks=4, level="beginner", org_id="org", refined_draft=draft.draft)
    progress = [event.progress async for event in forge.stream_plan(request) if isinstance(event, ProgressEvent)]
    assert progress == [0, 25, 50, 75, 100]
