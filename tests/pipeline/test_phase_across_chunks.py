"""A week whose header names no phase goes on with the phase named before it, also across a chunk boundary."""

from __future__ import annotations

import json

import pytest

from planforge import PlanForge, PlanRequest, Settings
from planforge.agents.plan import chunk_json
from planforge.drafttext.segment import segment_draft
from planforge.library.policy import LibraryPolicy
from planforge.pipeline.run import ChunkDeps, ConversionProfile, PlanRun

DRAFT = """\
Week 1: Base – getting started
- Tuesday: Easy run 30 min
- Saturday: Long run 40 min

Week 2: Build – more running
- Tuesday: Easy run 35 min
- Saturday: Long run 45 min

Week 3: Easier week (recovery)
- Tuesday: Easy run 25 min
- Saturday: Long run 35 min

Week 4: Stronger
- Tuesday: Easy run 40 min
- Saturday: Long run 50 min
"""


@pytest.mark.anyio
@pytest.mark.parametrize("chunk_weeks", [1, 4])
async def test_an_unnamed_week_keeps_the_last_training_phase_whatever_the_chunking(chunk_weeks: int) -> None:
    forge = PlanForge(model="offline", settings=Settings(chunk_weeks=chunk_weeks))
    plan = await forge.generate_plan(PlanRequest(weeks=4, level="beginner", org_id="club", refined_draft=DRAFT))
    phases = {week: info.phase for week, info in plan.weekly_info.items()}
    assert phases == {"1": "base", "2": "build", "3": "recovery", "4": "build"}  # not "base" by position


def test_the_chunk_tells_any_model_the_phase_named_before_it() -> None:
    request = PlanRequest(weeks=4, level="beginner", org_id="club", refined_draft=DRAFT)
    run = PlanRun(request, "", segment_draft(DRAFT), LibraryPolicy("ai_generate"), ConversionProfile(1, True))
    last_week = [week for week in run.draft.weeks if week.week == 4]
    assert json.loads(chunk_json(ChunkDeps(run, last_week)))["phase_before_chunk"] == "build"
    named_week = [week for week in run.draft.weeks if week.week == 2]
    assert "phase_before_chunk" not in json.loads(chunk_json(ChunkDeps(run, named_week)))
