"""The offline coach as a pydantic-ai model: it answers the draft and plan agents' output tools itself.

It reads the same request message an LLM reads (the tagged data sections of `prompts/`), runs the
deterministic periodization engine (drafting) or the draft parser (converting), and answers with a call of the
agent's output tool, so validators, chunking and streaming run unchanged on it. Streaming requests are
answered too, week by week, so progress reporting works offline.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import replace
from functools import lru_cache
from typing import Any

from pydantic import ValidationError
from pydantic_ai.messages import ModelMessage, ModelRequest, ModelResponse, ToolCallPart, ToolReturnPart
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
from planforge.domain.vocabulary import Language, Phase, Weekday
from planforge.drafttext import PlanContext, segment_draft
from planforge.drafttext.context import UNIT_WORDS, BareNumberUnit
from planforge.exceptions import DraftStructureError
from planforge.offline.engine import EnginePlan, LibraryCatalog, plan_sports, write_plan
from planforge.offline.engine.library_search import catalog_from_hits, library_searches, marked_library_ids
from planforge.offline.parser import ParsedSession, parse_week, session_to_workout
from planforge.offline.parser.bounds import quoted
from planforge.offline.parser.names import text_language
from planforge.pipeline.workers import run_cpu_sized
from planforge.quality import weekly_seconds
from planforge.settings import OFFLINE_MODEL

_NONE = "(none)"
_SEARCH_TOOL = "search_library"
_DRAFTING_TOOLS = frozenset({DRAFT_OUTPUT_TOOL, OUTLINE_OUTPUT_TOOL, EXPAND_OUTPUT_TOOL})


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
        if searches := _pending_searches(messages, info):
            parts = [ToolCallPart(_SEARCH_TOOL, args, call_id) for call_id, args in searches]
            return ModelResponse(parts=list(parts), model_name=OFFLINE_MODEL)
        tool, args = await self._output_call(messages, info)
        return ModelResponse(parts=[ToolCallPart(tool, args)], model_name=OFFLINE_MODEL)

    async def _stream_answer(self, messages: list[ModelMessage], info: AgentInfo) -> AsyncIterator[DeltaToolCalls]:
        if searches := _pending_searches(messages, info):
            yield {
                index: DeltaToolCall(name=_SEARCH_TOOL, json_args=json.dumps(args), tool_call_id=call_id)
                for index, (call_id, args) in enumerate(searches)
            }
            return
        tool, args = await self._output_call(messages, info)
        pieces = [piece for piece in WEEK_START.split(args) if piece]
        yield {0: DeltaToolCall(name=tool, json_args=pieces[0])}
        for piece in pieces[1:]:
            yield {0: DeltaToolCall(json_args=piece)}

    async def _output_call(self, messages: list[ModelMessage], info: AgentInfo) -> tuple[str, str]:
        # The engine and the parser are CPU-bound: a large request's work goes to the service's worker pool.
        tools = frozenset(tool.name for tool in info.output_tools)
        sections = request_sections(messages)
        library = _library_catalog(messages, sections)
        return await run_cpu_sized(_work_size(tools, sections), _output_call, tools, sections, library)


def _preference(sections: dict[str, str]) -> str:
    return json.loads(sections.get("draft_request", "{}")).get("workout_preference", "ai_generate")


def _pending_searches(messages: list[ModelMessage], info: AgentInfo) -> list[tuple[str, dict[str, Any]]]:
    """The library searches to make first, for the sports the requested plan trains: under prefer_existing and
    strict_existing a drafting agent offers the library, and the coach looks at what it holds before it plans
    (once per agent run; none when it has searched already)."""
    drafting = any(tool.name in _DRAFTING_TOOLS for tool in info.output_tools)
    offered = any(tool.name == _SEARCH_TOOL for tool in info.function_tools)
    sections = request_sections(messages)
    if not (drafting and offered) or _preference(sections) == "ai_generate" or _search_returns(messages):
        return []
    return library_searches(plan_sports(*_draft_request(sections)))


def _search_returns(messages: list[ModelMessage]) -> list[ToolReturnPart]:
    return [
        part
        for message in messages
        if isinstance(message, ModelRequest)
        for part in message.parts
        if isinstance(part, ToolReturnPart) and part.tool_name == _SEARCH_TOOL
    ]


def _library_catalog(messages: list[ModelMessage], sections: dict[str, str]) -> LibraryCatalog | None:
    """What the coach's searches found, under the request's preference; None when it did not search."""
    returns = _search_returns(messages)
    preference = _preference(sections) if "draft_request" in sections else "ai_generate"
    if not returns or preference not in ("prefer_existing", "strict_existing"):
        return None
    return catalog_from_hits(preference, [(part.tool_call_id, part.content) for part in returns])


def _work_size(tools: frozenset[str], sections: dict[str, str]) -> int:
    """How much text the answer is made from: the draft's weeks to parse, or ~1,000 characters a written week."""
    if PLAN_OUTPUT_TOOL in tools:
        return len(sections.get("draft_weeks", ""))
    weeks = json.loads(sections.get("draft_request", "{}")).get("weeks", 52)
    return 1_000 * weeks + len(sections.get("additional_prompt", "")) + len(sections.get("training_principle", ""))


def _output_call(
    tools: frozenset[str], sections: dict[str, str], library: LibraryCatalog | None = None
) -> tuple[str, str]:
    """The output tool to call and its arguments as JSON, for an agent offering `tools` and sending `sections`
    (a draft's sessions taken from `library`, what the coach found in the org's library, when given)."""
    if DRAFT_OUTPUT_TOOL in tools:
        return DRAFT_OUTPUT_TOOL, _engine_plan(*_draft_request(sections), library).draft.model_dump_json()
    if OUTLINE_OUTPUT_TOOL in tools:
        return OUTLINE_OUTPUT_TOOL, _outline(_engine_plan(*_draft_request(sections), library)).model_dump_json()
    if EXPAND_OUTPUT_TOOL in tools:
        wanted = set(json.loads(sections["expand"])["weeks"])
        weeks = [week for week in _engine_plan(*_draft_request(sections), library).draft.weeks if week.week in wanted]
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


def _engine_plan(request: DraftRequest, principle: str, library: LibraryCatalog | None = None) -> EnginePlan:
    return _cached_engine_plan(request.model_dump_json(), principle, library)


@lru_cache(maxsize=64)
def _cached_engine_plan(request_json: str, principle: str, library: LibraryCatalog | None) -> EnginePlan:
    # Cached: an outlined draft asks the engine for the outline and then for each group of weeks.
    return write_plan(DraftRequest.model_validate_json(request_json), principle, library)


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


_UNITS_BY_WORD: dict[str, BareNumberUnit] = {word: unit for unit, word in UNIT_WORDS.items()}


def _context(chunk: dict[str, Any]) -> PlanContext:
    """The plan-wide facts the `<chunk>` section states (see `planforge.agents.plan.context_json`)."""
    facts: dict[str, Any] = chunk.get("plan_context", {})
    return PlanContext(
        default_unit=_UNITS_BY_WORD.get(facts.get("numbers_without_unit_are", "")),
        default_sport=facts.get("sessions_naming_no_sport_are"),
        long_day=facts.get("long_sessions_are_on"),
        footnotes=tuple(facts.get("footnotes", {}).items()),
    )


def _workout(session: ParsedSession, *, week: int, phase: Phase, language: Language | None = None) -> Workout:
    """The session as a workout named in the draft's `language`; a reading the plan's rules refuse names its week,
    day and line, never a model retry (the offline coach would answer the same again)."""
    try:
        return session_to_workout(session, week=week, phase=phase, language=language)
    except ValidationError as error:
        problem = "; ".join(str(detail["msg"]).removeprefix("Value error, ") for detail in error.errors())
        raise DraftStructureError(f"week {week} {session.day}: {problem}; check {quoted(session.text)}") from None


def _plan_args(sections: dict[str, str]) -> str:
    chunk: dict[str, Any] = json.loads(sections["chunk"])
    plan_weeks: int = chunk["plan_weeks"]
    hints: dict[int, tuple[Phase | None, str | None]] = {w["week"]: (w["phase"], w["focus"]) for w in chunk["weeks"]}
    segmented = segment_draft(sections["draft_weeks"])
    language = text_language(sections["draft_weeks"])  # the chunk's headers and day names tell it
    stated, own = _context(chunk), segmented.context  # the whole draft's facts first, then the chunk's own
    context = PlanContext(
        stated.default_unit or own.default_unit,
        stated.default_sport or own.default_sport,
        stated.long_day or own.long_day,
        stated.footnotes or own.footnotes,
    )
    weeks: list[ChunkWeek] = []
    workouts: list[Workout] = []
    # A week that names no phase goes on with the last training phase named, in this chunk or before it.
    training_phase: Phase | None = chunk.get("phase_before_chunk")
    for week_text in segmented.weeks:
        body, library_ids = marked_library_ids(week_text.body)
        week = parse_week(replace(week_text, body=body) if library_ids else week_text, context=context)
        hint_phase, hint_focus = hints.get(week.week, (None, None))
        named = hint_phase or week.phase
        phase = named or training_phase or default_phase(week.week, plan_weeks)
        if named is not None and named != "recovery":
            training_phase = named
        focus = hint_focus or week.focus or f"{phase.title()} week"
        weeks.append(ChunkWeek(week=week.week, phase=phase, focus=focus))
        converted = [_workout(session, week=week.week, phase=phase, language=language) for session in week.sessions]
        workouts += _with_library_ids(converted, library_ids)
    return PlanChunk(weeks=weeks, workouts=workouts).model_dump_json()


def _with_library_ids(workouts: list[Workout], ids: dict[Weekday, list[str | None]]) -> list[Workout]:
    """The week's workouts carrying the library ids their draft line named ("… [lib:ID]"), matched by position on
    a day whose sessions were all read (else the library's rules match them by their content)."""
    if not ids:
        return workouts
    by_day: dict[Weekday, list[int]] = {}
    for index, workout in enumerate(workouts):
        by_day.setdefault(workout.day, []).append(index)
    named = list(workouts)
    for day, day_ids in ids.items():
        indexes = by_day.get(day, [])
        if len(indexes) != len(day_ids):
            continue
        for index, library_id in zip(indexes, day_ids, strict=True):
            if library_id is not None:
                named[index] = workouts[index].model_copy(update={"library_workout_id": library_id})
    return named
