"""Scripted stand-ins for an LLM, answering planforge's agents from the request they are sent."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from pydantic_ai.messages import ModelMessage, ModelResponse, ToolCallPart
from pydantic_ai.models.function import AgentInfo, DeltaToolCall, DeltaToolCalls, FunctionModel

from planforge.agents.contract import DRAFT_OUTPUT_TOOL, PLAN_OUTPUT_TOOL, WEEK_START, request_sections
from planforge.domain.draft import Draft, DraftDay, DraftPhase, DraftWeek
from planforge.domain.vocabulary import WEEKDAYS, Weekday

_DAY_LINE = re.compile(r"^- (?P<day>\w+): (?P<session>.+)$", re.MULTILINE)
_MINUTES = re.compile(r"(\d+) min")


def scripted_draft(weeks: int, *, sessions: dict[Weekday, str] | None = None) -> Draft:
    """A valid draft of `weeks` weeks: the same week repeated (default: runs Tuesday, Thursday, Saturday)."""
    pattern = sessions or {"Tuesday": "Easy run 40 min", "Thursday": "Tempo run 30 min", "Saturday": "Long run 60 min"}
    base_end = max(1, weeks - 1) if weeks > 1 else 1
    phases = [
        DraftPhase(phase="base", name="Base Building", start_week=1, end_week=base_end, description="Aerobic base.")
    ]
    if weeks > 1:
        phases.append(
            DraftPhase(phase="taper", name="Taper", start_week=weeks, end_week=weeks, description="Freshen up.")
        )
    return Draft(
        title=f"{weeks}-Week Plan",
        overview="A scripted plan.",
        phases=phases,
        weeks=[
            DraftWeek(
                week=n,
                focus="Aerobic foundation",
                days=[DraftDay(day=day, session=pattern.get(day, "Rest")) for day in WEEKDAYS],
            )
            for n in range(1, weeks + 1)
        ],
    )


def scripted_draft_model(*drafts: Draft) -> FunctionModel:
    """Answers the draft agent with `drafts` in turn (the last one repeats): script a bad first answer.

    Streamed requests get the same answer, one week per chunk of tool-call arguments.
    """
    answers = list(drafts)

    def next_draft() -> Draft:
        return answers.pop(0) if len(answers) > 1 else answers[0]

    def answer(messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
        return ModelResponse(parts=[ToolCallPart(DRAFT_OUTPUT_TOOL, next_draft().model_dump(mode="json"))])

    async def stream(messages: list[ModelMessage], info: AgentInfo) -> AsyncIterator[DeltaToolCalls]:
        pieces = WEEK_START.split(next_draft().model_dump_json())
        yield {0: DeltaToolCall(name=DRAFT_OUTPUT_TOOL, json_args=pieces[0])}
        for piece in pieces[1:]:
            yield {0: DeltaToolCall(json_args=piece)}

    return FunctionModel(answer, stream_function=stream, model_name="scripted-draft")


@dataclass
class ScriptedCoach:
    """Converts chunks like a careful LLM would, from the chunk's draft text: one easy run per non-rest day.

    Counts calls and tracks the peak number of concurrent calls; `latency` seconds are awaited per call.
    """

    latency: float = 0.0
    calls: int = 0
    running: int = 0
    peak_running: int = 0
    weeks_seen: list[list[int]] = field(default_factory=lambda: list[list[int]]())

    def model(self, name: str = "scripted-coach") -> FunctionModel:
        """The FunctionModel to pass as a plan model."""
        return FunctionModel(self._answer, model_name=name)

    async def _answer(self, messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
        self.calls += 1
        self.running += 1
        self.peak_running = max(self.peak_running, self.running)
        try:
            if self.latency:
                await asyncio.sleep(self.latency)
            return ModelResponse(parts=[ToolCallPart(PLAN_OUTPUT_TOOL, self.convert(request_sections(messages)))])
        finally:
            self.running -= 1

    def convert(self, sections: dict[str, str]) -> dict[str, Any]:
        """The plan agent's output arguments for one chunk."""
        chunk = json.loads(sections["chunk"])
        self.weeks_seen.append([week["week"] for week in chunk["weeks"]])
        weeks: list[dict[str, Any]] = []
        workouts: list[dict[str, Any]] = []
        week_texts = re.split(r"(?m)^(?=Week \d+)", sections["draft_weeks"])
        for week, text in zip(chunk["weeks"], [t for t in week_texts if t.strip()], strict=True):
            phase = week["phase"] or "base"
            weeks.append({"week": week["week"], "phase": phase, "focus": week["focus"] or "Training"})
            for line in _DAY_LINE.finditer(text):
                if line["session"].strip().lower() == "rest":
                    continue
                minutes = _MINUTES.search(line["session"])
                workouts.append(
                    {
                        "week": week["week"],
                        "phase": phase,
                        "day": line["day"],
                        "workout_name": line["session"][:60],
                        "workout_description": f"As written: {line['session']}",
                        "workout_type": "run",
                        "workout_sub_type": "easy-run",
                        "target_duration_in_seconds": int(minutes[1]) * 60 if minutes else 1800,
                    }
                )
        return {"weeks": weeks, "workouts": workouts}


def scripted_plan_model(latency: float = 0.0) -> FunctionModel:
    """A plan model that converts every chunk it is sent (see `ScriptedCoach`)."""
    return ScriptedCoach(latency=latency).model()
