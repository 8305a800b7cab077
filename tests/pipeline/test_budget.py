"""Usage limits per generation: all agent runs of one draft or plan share one budget."""

from __future__ import annotations

import pytest

from planforge import DraftRequest, GenerationError, PlanForge, PlanRequest, Settings
from planforge.drafttext.render import render_draft
from planforge.testing import ScriptedCoach, scripted_draft, scripted_draft_model

pytestmark = pytest.mark.anyio


def plan_request(weeks: int) -> PlanRequest:
    return PlanRequest(weeks=weeks, level="beginner", org_id="o", refined_draft=render_draft(scripted_draft(weeks)))


async def test_the_request_budget_covers_all_chunks_together() -> None:
    coach = ScriptedCoach()
    settings = Settings(chunk_weeks=1, concurrency=1, max_requests_per_generation=5)
    with pytest.raises(GenerationError, match=r"usage limit .*PLANFORGE_MAX_REQUESTS_PER_GENERATION"):
        await PlanForge(model="test", plan_model=coach.model(), settings=settings).generate_plan(plan_request(8))
    assert coach.calls == 5  # each chunk alone is far below the limit; together they reach it


async def test_the_token_budget_stops_a_generation() -> None:
    settings = Settings(chunk_weeks=1, concurrency=1, max_tokens_per_generation=1_000)
    forge = PlanForge(model="test", plan_model=ScriptedCoach().model(), settings=settings)
    events = [event async for event in forge.stream_plan(plan_request(12))]
    assert [event.type for event in events][-2:] == ["error", "done"]
    assert "total_tokens_limit" in events[-2].error  # type: ignore[union-attr]


async def test_within_budget_the_usage_is_the_sum_of_every_run() -> None:
    forge = PlanForge(
        model=scripted_draft_model(scripted_draft(2), scripted_draft(3)), settings=Settings(output_retries=2)
    )
    result = await forge.generate_draft(DraftRequest(weeks=3, level="beginner", org_id="o"))
    assert result.usage.requests == 2  # the rejected first answer counts too
