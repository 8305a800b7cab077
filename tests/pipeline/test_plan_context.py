"""Plan-wide facts stated once in a draft's header reach every chunk's converter: the offline coach and an LLM."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from pydantic_ai.messages import ModelMessage, ModelResponse, ToolCallPart
from pydantic_ai.models.function import AgentInfo, FunctionModel

from planforge import PlanForge, PlanRequest, Settings
from planforge.agents.contract import PLAN_OUTPUT_TOOL, request_sections

MILES_DRAFT = """\
Three-week base block. All distances in miles unless noted.

Week 1: Base
- Monday: Rest
- Tuesday: Easy 4
- Wednesday: Rest
- Thursday: Easy 5
- Friday: Rest
- Saturday: Rest
- Sunday: Long 8

Week 2: Base
- Monday: Rest
- Tuesday: Easy 4
- Wednesday: Rest
- Thursday: Easy 5
- Friday: Rest
- Saturday: Rest
- Sunday: Long 9
"""
MILE = 1609.344

MINUTES_TABLE = """\
Two easy weeks. All numbers are minutes.

| Week | Mon | Tue | Wed | Thu | Fri | Sat | Sun |
|---|---|---|---|---|---|---|---|
| 1 | Rest | Easy 30 | Rest | Easy 35 | Rest | Rest | Long 60 |
| 2 | Rest | Easy 35 | Rest | Easy 40 | Rest | Rest | Long 70 |
"""


def _request(draft: str, weeks: int) -> PlanRequest:
    return PlanRequest(weeks=weeks, level="beginner", org_id="club", refined_draft=draft)


def _session_figures(plan_content: list[Any]) -> list[tuple[str, float | None, int | None]]:
    return [(w.day, w.target_distance_in_meters, w.target_duration_in_seconds) for w in plan_content]


@pytest.mark.anyio
async def test_the_offline_coach_reads_a_miles_note_in_the_header() -> None:
    plan = await PlanForge(model="offline").generate_plan(_request(MILES_DRAFT, 2))
    distances = [round(w.target_distance_in_meters or 0) for w in plan.content]
    assert distances == [round(m * MILE) for m in (4, 5, 8, 4, 5, 9)]


@pytest.mark.anyio
async def test_the_offline_coach_reads_a_minutes_note_over_a_table() -> None:
    plan = await PlanForge(model="offline").generate_plan(_request(MINUTES_TABLE, 2))
    assert [w.target_duration_in_seconds for w in plan.content] == [m * 60 for m in (30, 35, 60, 35, 40, 70)]


_DAY_LINE = re.compile(r"(?m)^- (?P<day>\w+day): (?P<kind>Easy|Long) (?P<number>\d+)$")
_UNITS = {"miles": ("target_distance_in_meters", MILE), "minutes": ("target_duration_in_seconds", 60)}


def _prompt_only_converter(messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
    """An LLM stand-in that knows only what its prompt says: a bare number's unit comes from `plan_context`."""
    sections = request_sections(messages)
    chunk = json.loads(sections["chunk"])
    unit = chunk.get("plan_context", {}).get("numbers_without_unit_are")
    workouts: list[dict[str, Any]] = []
    for week_text, week in zip(re.split(r"(?m)^(?=Week \d)", sections["draft_weeks"])[1:], chunk["weeks"], strict=True):
        for line in _DAY_LINE.finditer(week_text):
            workout: dict[str, Any] = {
                "week": week["week"],
                "phase": "base",
                "day": line["day"],
                "workout_name": f"{line['kind']} run",
                "workout_description": "As the draft says.",
                "workout_type": "run",
                "workout_sub_type": "long-run" if line["kind"] == "Long" else "easy-run",
            }
            if unit in _UNITS:
                field, factor = _UNITS[unit]
                workout[field] = round(int(line["number"]) * factor)
            workouts.append(workout)
    weeks = [{"week": w["week"], "phase": "base", "focus": "Base"} for w in chunk["weeks"]]
    return ModelResponse(parts=[ToolCallPart(PLAN_OUTPUT_TOOL, {"weeks": weeks, "workouts": workouts})])


@pytest.mark.anyio
async def test_an_llm_converting_one_week_at_a_time_is_told_the_unit_of_the_header() -> None:
    forge = PlanForge(model=FunctionModel(_prompt_only_converter), settings=Settings(chunk_weeks=1))
    plan = await forge.generate_plan(_request(MILES_DRAFT, 2))
    assert [round(d or 0) for _, d, _ in _session_figures(plan.content)] == [
        round(m * MILE) for m in (4, 5, 8, 4, 5, 9)
    ]
    assert plan.warnings == []  # the cross-check agreed at once: nothing was left unresolved
    assert plan.usage.requests == 2  # one call per week, no retry to fix numbers the model could not know


YARDS_AND_FOOTNOTE_DRAFT = """\
SCY, all distances in yards.

Week 1
Tuesday     Swim, aerobic: total 2,000
Wednesday   Riders Choice1 60 min

Week 2
Tuesday     Swim, aerobic: total 2,200
Wednesday   Riders Choice1 65 min

Notes
1 Riders Choice: any bike you like, just keep it Z2.
"""
YARD = 0.9144


@pytest.mark.anyio
async def test_yards_and_footnotes_stated_once_reach_every_one_week_chunk() -> None:
    forge = PlanForge(model="offline", settings=Settings(chunk_weeks=1))
    plan = await forge.generate_plan(_request(YARDS_AND_FOOTNOTE_DRAFT, 2))
    sessions = [(w.week, w.workout_type, w.target_distance_in_meters) for w in plan.content]
    assert sessions == [
        (1, "swim", pytest.approx(2000 * YARD, abs=0.1)),
        (1, "bike", None),  # the footnote at the end of the draft names the sport of week 1's sessions too
        (2, "swim", pytest.approx(2200 * YARD, abs=0.1)),
        (2, "bike", None),
    ]
