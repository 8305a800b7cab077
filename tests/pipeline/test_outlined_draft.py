"""Long drafts are written outline first, then expanded concurrently; nothing has to emit 52 weeks at once."""

from __future__ import annotations

import asyncio
import json

import pytest
from pydantic_ai.messages import ModelMessage, ModelResponse, ToolCallPart
from pydantic_ai.models.function import AgentInfo, FunctionModel

from planforge import DraftRequest, GenerationError, PlanForge, Settings
from planforge.agents.outline import EXPAND_OUTPUT_TOOL, OUTLINE_OUTPUT_TOOL
from planforge.domain.draft import DraftPhase
from planforge.drafttext.segment import segment_draft
from planforge.offline.engine import write_plan
from planforge.pipeline.drafting import expansion_groups
from planforge.testing import request_sections, scripted_draft

pytestmark = pytest.mark.anyio

REQUEST = DraftRequest(
    weeks=52, level="advanced", org_id="club", additional_prompt="Marathon in a year, 6 days a week."
)


async def test_a_52_week_offline_draft_is_outlined_and_equals_the_engines() -> None:
    forge = PlanForge(model="offline")
    result = await forge.generate_draft(REQUEST)
    engine = write_plan(REQUEST, result.training_principle)
    assert [w.week for w in segment_draft(result.draft).weeks] == list(range(1, 53))
    assert result.draft.count("- Monday:") == 52
    # one outline call, then groups of at most 4 weeks within phases
    assert result.usage.requests == 1 + len(expansion_groups(engine.draft.phases, 4))


async def test_stream_progress_follows_the_expansion() -> None:
    forge = PlanForge(model="offline", settings=Settings(expand_weeks=4))
    events = [e async for e in forge.stream_draft(REQUEST)]
    progress = [e.progress for e in events if e.type == "progress"]
    assert progress == sorted(progress)
    assert progress[:2] == [0, 10]
    assert progress[-1] == 100
    assert len(progress) >= 2 + 13  # one step per expansion group at least
    assert [e.type for e in events][-2:] == ["result", "done"]


def test_groups_never_cross_a_phase_and_cover_every_week() -> None:
    phases = [
        DraftPhase(phase="base", name="Base", start_week=1, end_week=6, description="b"),
        DraftPhase(phase="build", name="Build", start_week=7, end_week=9, description="b"),
    ]
    assert expansion_groups(phases, 4) == [range(1, 5), range(5, 7), range(7, 10)]


class OutlineThenExpand:
    """A scripted LLM: a fixed outline, expansions from a fixed draft; the first answer for week 5 is wrong."""

    def __init__(self, weeks: int) -> None:
        self.draft = scripted_draft(weeks)
        self.running = 0
        self.peak = 0
        self.bad_answers_left = 1

    def model(self) -> FunctionModel:
        return FunctionModel(self.answer)

    async def answer(self, messages: list[ModelMessage], info: AgentInfo) -> ModelResponse:
        tool = info.output_tools[0].name
        if tool == OUTLINE_OUTPUT_TOOL:
            phases = [
                {
                    **p.model_dump(),
                    "weekly_minutes": [130] * (p.end_week - p.start_week + 1),
                    "key_sessions": "long run",
                }
                for p in self.draft.phases
            ]
            return ModelResponse(
                parts=[ToolCallPart(OUTLINE_OUTPUT_TOOL, {"title": "T", "overview": "O", "phases": phases})]
            )
        assert tool == EXPAND_OUTPUT_TOOL
        self.running += 1
        self.peak = max(self.peak, self.running)
        await asyncio.sleep(0.01)
        self.running -= 1
        wanted = json.loads(request_sections(messages)["expand"])["weeks"]
        weeks = [w.model_dump() for w in self.draft.weeks if w.week in wanted]
        if 5 in wanted and self.bad_answers_left:
            self.bad_answers_left -= 1
            weeks[0]["days"] = weeks[0]["days"][:6]  # Sunday missing
        return ModelResponse(parts=[ToolCallPart(EXPAND_OUTPUT_TOOL, {"weeks": weeks})])


async def test_scripted_llm_expansions_are_concurrent_bounded_and_retried() -> None:
    llm = OutlineThenExpand(20)
    settings = Settings(outline_from_weeks=16, expand_weeks=2, concurrency=3)
    result = await PlanForge(model=llm.model(), settings=settings).generate_draft(
        DraftRequest(weeks=20, level="beginner", org_id="club")
    )
    assert [w.week for w in segment_draft(result.draft).weeks] == list(range(1, 21))
    groups = expansion_groups(llm.draft.phases, 2)  # weeks 1-19 in pairs (the last alone), the taper week alone
    assert len(groups) == 11
    assert result.usage.requests == 1 + len(groups) + 1  # the outline, each group, one retry for week 5
    assert 1 < llm.peak <= 3


async def test_below_the_threshold_the_draft_is_one_call() -> None:
    result = await PlanForge(model="offline", settings=Settings(outline_from_weeks=16)).generate_draft(
        DraftRequest(weeks=15, level="beginner", org_id="club")
    )
    assert result.usage.requests == 1


async def test_an_expansion_that_keeps_failing_names_its_weeks() -> None:
    llm = OutlineThenExpand(16)
    llm.bad_answers_left = 99
    with pytest.raises(GenerationError, match="weeks 5-8"):
        await PlanForge(model=llm.model(), settings=Settings(output_retries=1)).generate_draft(
            DraftRequest(weeks=16, level="beginner", org_id="club")
        )
