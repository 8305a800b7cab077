"""A scripted coach for the HTTP tests: a FunctionModel that answers both agents' output tools validly.

It writes a fixed 3-session week for the draft, and converts each chunk of weeks (read from the plan
agent's chunk section, as `planforge.testing.ScriptedCoach` reads it) into those three workouts, each of its own
sub-type. `before_answer` lets a test hold or fail a model call.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Awaitable, Callable

from pydantic_ai.messages import ModelMessage, ModelResponse, ToolCallPart
from pydantic_ai.models.function import AgentInfo, DeltaToolCall, DeltaToolCalls, FunctionModel

from planforge.testing import request_sections

SESSIONS = {"Tuesday": "Easy run 30 min", "Thursday": "Tempo run 20 min", "Saturday": "Long run 8 km"}
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

BeforeAnswer = Callable[[], Awaitable[None]]


def draft_args(weeks: int) -> dict[str, object]:
    """A valid draft of `weeks` base weeks."""
    return {
        "title": f"{weeks}-Week Beginner 10K Plan",
        "overview": "Three runs a week building an aerobic base.",
        "phases": [
            {
                "phase": "base",
                "name": "Base Building",
                "start_week": 1,
                "end_week": weeks,
                "description": "Easy aerobic running.",
            }
        ],
        "weeks": [
            {
                "week": week,
                "focus": "Aerobic foundation",
                "days": [{"day": day, "session": SESSIONS.get(day, "Rest")} for day in DAYS],
            }
            for week in range(1, weeks + 1)
        ],
    }


def _workout(week: int, day: str, sub_type: str, seconds: int) -> dict[str, object]:
    return {
        "week": week,
        "phase": "base",
        "day": day,
        "workout_name": sub_type.replace("-", " ").title(),
        "workout_description": "As written in the draft.",
        "workout_type": "run",
        "workout_sub_type": sub_type,
        "target_duration_in_seconds": seconds,
    }


def chunk_args(weeks: list[int]) -> dict[str, object]:
    """A valid conversion of the chunk `weeks`."""
    workouts = [
        workout
        for week in weeks
        for workout in (
            _workout(week, "Tuesday", "easy-run", 1800),
            _workout(week, "Thursday", "tempo-run", 1200),
            _workout(week, "Saturday", "long-run", 3000),
        )
    ]
    return {"weeks": [{"week": w, "phase": "base", "focus": "Aerobic foundation"} for w in weeks], "workouts": workouts}


def _chunk_weeks(messages: list[ModelMessage]) -> list[int]:
    chunk = json.loads(request_sections(messages)["chunk"])
    return [week["week"] for week in chunk["weeks"]]


def _answer(messages: list[ModelMessage], info: AgentInfo, weeks: int) -> tuple[str, dict[str, object]]:
    tool = info.output_tools[0].name
    if tool == "submit_draft":
        return tool, draft_args(weeks)
    return tool, chunk_args(_chunk_weeks(messages))


async def _nothing() -> None:
    return None


def scripted_coach(weeks: int = 2, before_answer: BeforeAnswer = _nothing) -> FunctionModel:
    """The scripted coach for plans of `weeks` weeks; `before_answer` runs before every model answer."""

    async def answer(messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
        await before_answer()
        tool, args = _answer(messages, info, weeks)
        return ModelResponse(parts=[ToolCallPart(tool, args)])

    async def stream(messages: list[ModelMessage], info: AgentInfo) -> AsyncIterator[DeltaToolCalls]:
        await before_answer()
        tool, args = _answer(messages, info, weeks)
        yield {0: DeltaToolCall(name=tool, json_args=json.dumps(args))}

    return FunctionModel(answer, stream_function=stream, model_name="scripted-coach")
