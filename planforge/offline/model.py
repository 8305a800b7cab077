"""The offline coach as a pydantic-ai model: it answers the draft and plan agents' output tools itself.

It reads the same request message an LLM reads (the tagged data sections of `prompts/`), runs the
deterministic periodization engine (drafting) or the draft parser (converting), and answers with a call of the
agent's output tool, so validators, chunking and streaming run unchanged on it. Streaming requests are
answered too, week by week, so progress reporting works offline.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from functools import lru_cache
from typing import Any

from pydantic_ai.messages import ModelMessage, ModelResponse, ToolCallPart
from pydantic_ai.models.function import AgentInfo, DeltaToolCall, DeltaToolCalls, FunctionModel

from planforge.agents.contract import (
    DRAFT_OUTPUT_TOOL,
    EXPAND_OUTPUT_TOOL,
    OUTLINE_OUTPUT_TOOL,
    PLAN_OUTPUT_TOOL,
    WEEK_START,
    request_sections,
)
from planforge.domain.chunk import ChunkWeek, PlanChunk
from planforge.domain.draft import DraftOutline, DraftWeeks, OutlinePhase
from planforge.domain.plan import Workout
from planforge.domain.requests import DraftRequest
from planforge.domain.vocabulary import Phase
from planforge.drafttext import PlanContext, segment_draft
from planforge.offline.engine import EnginePlan, write_plan
from planforge.offline.parser import parse_week, session_to_workout
from planforge.pipeline.workers import run_cpu_sized
from planforge.quality import weekly_seconds
from planforge.settings import OFFLINE_MODEL

_NONE = "(none)"


class OfflineCoachError(ValueError):
    """The offline coach was asked something it cannot answer (not one of planforge's agents)."""


def default_phase(week: int, plan_weeks: int) -> Phase:
    """The phase a week falls in when the draft names none: base, build, peak, taper by position."""
    position = (week - 1) / max(plan_weeks, 1)
    if plan_weeks >= 4 and week == plan_weeks:
        return "taper"
    if position < 0.4:
        return "base"
    return "build" if position < 0.75 else "peak"


class OfflineCoachModel(FunctionModel):
    """A deterministic coach: no API key, no network; the model name is `offline`."""

    converts_by_parsing = True
    """It converts a draft with the parser: no output limit to chunk around, nothing to cross-check it with."""

    def __init__(self) -> None:
        super().__init__(self._answer, stream_function=self._stream_answer, model_name=OFFLINE_MODEL)

    @property
    def system(self) -> str:
        return "planforge"

    async def _answer(self, messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
        tool, args = await self._output_call(messages, info)
        return ModelResponse(parts=[ToolCallPart(tool, args)], model_name=OFFLINE_MODEL)

    async def _stream_answer(self, messages: list[ModelMessage], info: AgentInfo) -> AsyncIterator[DeltaToolCalls]:
        tool, args = await self._output_call(messages, info)
        pieces = [piece for piece in WEEK_START.split(args) if piece]
        yield {0: DeltaToolCall(name=tool, json_args=pieces[0])}
        for piece in pieces[1:]:
            yield {0: DeltaToolCall(json_args=piece)}

    async def _output_call(self, messages: list[ModelMessage], info: AgentInfo) -> tuple[str, str]:
        # The engine and the parser are CPU-bound: a large request's work goes to the service's worker pool.
        tools = frozenset(tool.name for tool in info.output_tools)
        sections = request_sections(messages)
        return await run_cpu_sized(_work_size(tools, sections), _output_call, tools, sections)


def _work_size(tools: frozenset[str], sections: dict[str, str]) -> int:
    """How much text the answer is made from: the draft's weeks to parse, or ~1,000 characters a written week."""
    if PLAN_OUTPUT_TOOL in tools:
        return len(sections.get("draft_weeks", ""))
    weeks = json.loads(sections.get("draft_request", "{}")).get("weeks", 52)
    return 1_000 * weeks + len(sections.get("additional_prompt", "")) + len(sections.get("training_principle", ""))


def _output_call(tools: frozenset[str], sections: dict[str, str]) -> tuple[str, str]:
    """The output tool to call and its arguments as JSON, for an agent offering `tools` and sending `sections`."""
    if DRAFT_OUTPUT_TOOL in tools:
        return DRAFT_OUTPUT_TOOL, _engine_plan(*_draft_request(sections)).draft.model_dump_json()
    if OUTLINE_OUTPUT_TOOL in tools:
        return OUTLINE_OUTPUT_TOOL, _outline(_engine_plan(*_draft_request(sections))).model_dump_json()
    if EXPAND_OUTPUT_TOOL in tools:
        wanted = set(json.loads(sections["expand"])["weeks"])
        weeks = [week for week in _engine_plan(*_draft_request(sections)).draft.weeks if week.week in wanted]
        return EXPAND_OUTPUT_TOOL, DraftWeeks(weeks=weeks).model_dump_json()
    if PLAN_OUTPUT_TOOL in tools:
        return PLAN_OUTPUT_TOOL, _plan_args(sections)
    raise OfflineCoachError(f"the offline coach only answers planforge's agents, not tools {sorted(tools)}")


def _optional(sections: dict[str, str], tag: str) -> str | None:
    text = sections.get(tag, _NONE).strip()
    return None if text == _NONE else text


def _draft_request(sections: dict[str, str]) -> tuple[DraftRequest, str]:
    """The request and principle an agent's message carries."""
    params: dict[str, Any] = json.loads(sections["draft_request"])
    request = DraftRequest(
        weeks=params["weeks"],
        level=params["level"],
        org_id="offline",
        additional_prompt=_optional(sections, "additional_prompt"),
        start_date=params.get("start_date"),
        workout_preference=params.get("workout_preference", "ai_generate"),
    )
    return request, _optional(sections, "training_principle") or ""


def _engine_plan(request: DraftRequest, principle: str) -> EnginePlan:
    return _cached_engine_plan(request.model_dump_json(), principle)


@lru_cache(maxsize=64)
def _cached_engine_plan(request_json: str, principle: str) -> EnginePlan:
    # Cached: an outlined draft asks the engine for the outline and then for each group of weeks.
    return write_plan(DraftRequest.model_validate_json(request_json), principle)


def _outline(plan: EnginePlan) -> DraftOutline:
    draft = plan.draft
    seconds = weekly_seconds(plan.workouts, draft.weeks[-1].week)
    phases = [
        OutlinePhase(
            **phase.model_dump(),
            weekly_minutes=[round(seconds[week - 1] / 60) for week in range(phase.start_week, phase.end_week + 1)],
            key_sessions=_key_sessions(plan, phase.start_week),
        )
        for phase in draft.phases
    ]
    return DraftOutline(title=draft.title, overview=draft.overview, phases=phases)


_ROUTINE_SUB_TYPES = frozenset({"easy-run", "recovery-run", "endurance-ride", "endurance-swim", "strength-training"})


def _key_sessions(plan: EnginePlan, week: int) -> str:
    """A phase's key sessions by their words, from its first week ("Long run 90 min, Tempo"), as the outline asks."""
    sessions = [
        w.workout_description.split(":", 1)[0]
        for w in plan.workouts
        if w.week == week and w.workout_sub_type not in _ROUTINE_SUB_TYPES
    ]
    days = plan.draft.weeks[week - 1].days
    return ", ".join(dict.fromkeys(sessions))[:300] or next((d.session for d in days if d.session), "-")[:300]


_UNITS_BY_WORD = {"miles": "mi", "kilometres": "km", "minutes": "min"}


def _context(chunk: dict[str, Any]) -> PlanContext:
    """The plan-wide facts the `<chunk>` section states (see `planforge.agents.plan.context_json`)."""
    facts: dict[str, str] = chunk.get("plan_context", {})
    unit = _UNITS_BY_WORD.get(facts.get("numbers_without_unit_are", ""))
    sport = facts.get("sessions_naming_no_sport_are")
    return PlanContext(default_unit=unit, default_sport=sport)  # pyright: ignore[reportArgumentType]


def _plan_args(sections: dict[str, str]) -> str:
    chunk: dict[str, Any] = json.loads(sections["chunk"])
    plan_weeks: int = chunk["plan_weeks"]
    hints: dict[int, tuple[Phase | None, str | None]] = {w["week"]: (w["phase"], w["focus"]) for w in chunk["weeks"]}
    segmented = segment_draft(sections["draft_weeks"])
    stated, own = _context(chunk), segmented.context  # the whole draft's facts first, then the chunk's own
    context = PlanContext(stated.default_unit or own.default_unit, stated.default_sport or own.default_sport)
    weeks: list[ChunkWeek] = []
    workouts: list[Workout] = []
    for week_text in segmented.weeks:
        week = parse_week(week_text, context=context)
        hint_phase, hint_focus = hints.get(week.week, (None, None))
        phase = hint_phase or week.phase or default_phase(week.week, plan_weeks)
        focus = hint_focus or week.focus or f"{phase.title()} week"
        weeks.append(ChunkWeek(week=week.week, phase=phase, focus=focus))
        workouts += [session_to_workout(session, week=week.week, phase=phase) for session in week.sessions]
    return PlanChunk(weeks=weeks, workouts=workouts).model_dump_json()
