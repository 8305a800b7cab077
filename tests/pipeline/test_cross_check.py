"""The parser cross-check of LLM conversions: clear disagreements are retried, unsure ones are warnings."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from pydantic_ai import capture_run_messages
from pydantic_ai.messages import ModelMessage, ModelRequest, ModelResponse, ToolCallPart, ToolReturnPart
from pydantic_ai.models.function import AgentInfo, FunctionModel

from planforge import PlanForge, PlanRequest, Settings
from planforge.agents.plan import PLAN_OUTPUT_TOOL
from planforge.testing import ScriptedCoach, request_sections

pytestmark = pytest.mark.anyio

DRAFT = """Week 1: Base
- Monday: Rest
- Tuesday: Easy run 45 min
- Wednesday: Rest
- Thursday: Easy run 40 min + Strength 20 min
- Friday: Rest
- Saturday: Long run 12 km
- Sunday: Rest
"""

Edit = Callable[[dict[str, Any]], None]


def converting_with(*edits: Edit) -> tuple[FunctionModel, list[int]]:
    """A plan model converting the draft correctly, then applying `edits[i]` to its i-th answer (last repeats)."""
    coach = ScriptedCoach()
    calls: list[int] = []

    def answer(messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
        args = coach.convert(request_sections(messages))
        edit = edits[min(len(calls), len(edits) - 1)]
        calls.append(1)
        edit(args)
        return ModelResponse(parts=[ToolCallPart(PLAN_OUTPUT_TOOL, args)])

    return FunctionModel(answer), calls


def faithful(args: dict[str, Any]) -> None:
    """The scripted coach's conversion, with the strength session and distances it cannot read fixed up."""
    workouts = args["workouts"]
    for workout in workouts:
        if workout["day"] == "Saturday":
            workout.update(
                workout_sub_type="long-run", target_distance_in_meters=12_000, target_duration_in_seconds=4200
            )
        if workout["day"] == "Thursday":
            workout["target_duration_in_seconds"] = 2400
    strength = {**workouts[1], "workout_type": "strength", "workout_sub_type": "strength-training"}
    strength.update(workout_name="Strength", target_duration_in_seconds=1200)
    workouts.insert(2, strength)


def drop_strength(args: dict[str, Any]) -> None:
    faithful(args)
    del args["workouts"][2]


def shorten_tuesday(args: dict[str, Any]) -> None:
    faithful(args)
    args["workouts"][0]["target_duration_in_seconds"] = 1800


def request() -> PlanRequest:
    return PlanRequest(weeks=1, level="intermediate", org_id="o", refined_draft=DRAFT)


def feedback(messages: list[ModelMessage]) -> list[str]:
    return [
        str(part.content)
        for m in messages
        if isinstance(m, ModelRequest)
        for part in m.parts
        if isinstance(part, ToolReturnPart) and part.outcome == "retried"
    ]


async def test_faithful_conversion_passes_without_warnings() -> None:
    model, calls = converting_with(faithful)
    plan = await PlanForge(model="test", plan_model=model).generate_plan(request())
    assert len(calls) == 1
    assert plan.warnings == []
    assert [w.workout_type for w in plan.content] == ["run", "run", "strength", "run"]


async def test_dropped_session_is_sent_back_naming_the_day() -> None:
    model, calls = converting_with(drop_strength, faithful)
    with capture_run_messages() as messages:
        plan = await PlanForge(model="test", plan_model=model).generate_plan(request())
    assert len(calls) == 2
    [message] = feedback(messages)
    assert "week 1 Thursday" in message
    assert "(2 session(s)) but you gave 1 workout(s)" in message
    assert len(plan.content) == 4
    assert plan.warnings == []


async def test_changed_duration_names_the_number() -> None:
    model, _ = converting_with(shorten_tuesday, faithful)
    with capture_run_messages() as messages:
        await PlanForge(model="test", plan_model=model).generate_plan(request())
    [message] = feedback(messages)
    assert "week 1 Tuesday: the draft says 'Easy run 45 min', i.e. 2700 s, but target_duration_in_seconds is 1800" in (
        message
    )


async def test_persistent_disagreement_is_accepted_with_a_warning_on_the_last_attempt() -> None:
    model, calls = converting_with(shorten_tuesday)
    plan = await PlanForge(model="test", plan_model=model, settings=Settings(output_retries=2)).generate_plan(request())
    assert len(calls) == 3
    assert [(w.code, w.message.split(":")[0]) for w in plan.warnings] == [("unresolved_disagreement", "week 1 Tuesday")]
    assert plan.content[0].target_duration_in_seconds == 1800


async def test_disagreement_with_an_unsure_parse_only_warns() -> None:
    draft = DRAFT.replace("Easy run 45 min", "Something 45 min")  # no word names the session: the parser guesses
    model, calls = converting_with(shorten_tuesday)
    plan = await PlanForge(model="test", plan_model=model).generate_plan(
        PlanRequest(weeks=1, level="intermediate", org_id="o", refined_draft=draft)
    )
    assert len(calls) == 1
    assert [(w.code, w.week, w.day) for w in plan.warnings] == [("parser_unsure", 1, "Tuesday")]


async def test_miles_note_in_the_draft_header_is_honoured() -> None:
    # The note sits above week 1: only the whole draft's context makes the bare "10" ten miles.
    draft = "Distances in miles unless noted.\n\n" + DRAFT.replace("Long run 12 km", "Long run 10")

    def in_miles(args: dict[str, Any]) -> None:
        faithful(args)
        args["workouts"][-1]["target_distance_in_meters"] = 16_093

    model, calls = converting_with(faithful, in_miles)
    with capture_run_messages() as messages:
        plan = await PlanForge(model="test", plan_model=model).generate_plan(
            PlanRequest(weeks=1, level="intermediate", org_id="o", refined_draft=draft)
        )
    assert len(calls) == 2
    [message] = feedback(messages)
    assert "week 1 Saturday: the draft says 'Long run 10', i.e. 16093.4 m, but target_distance_in_meters is 12000" in (
        message
    )
    assert plan.content[-1].target_distance_in_meters == 16_093
