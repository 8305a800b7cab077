"""Incremental re-conversion: an edited draft re-converts only the chunks whose weeks changed."""

from __future__ import annotations

import pytest

from planforge import PlanForge, PlanRequest, Settings
from planforge.drafttext.render import render_draft
from planforge.pipeline.cache import InMemoryChunkCache
from planforge.testing import ScriptedCoach, scripted_draft

pytestmark = pytest.mark.anyio

DRAFT = render_draft(scripted_draft(12))


def plan_request(draft: str = DRAFT, **changes: object) -> PlanRequest:
    return PlanRequest.model_validate(
        {"weeks": 12, "level": "intermediate", "org_id": "club", "refined_draft": draft, **changes}
    )


def edit_week(draft: str, week: int) -> str:
    """Change Tuesday of `week` only."""
    head, marker, tail = draft.partition(f"Week {week}:")
    return head + marker + tail.replace("Easy run 40 min", "Easy run 50 min", 1)


async def test_editing_one_week_reconverts_only_that_week() -> None:
    coach = ScriptedCoach()
    forge = PlanForge(model="test", plan_model=coach.model(), settings=Settings(chunk_weeks=1))
    first = await forge.generate_plan(plan_request())
    assert coach.calls == 12

    edited = await forge.generate_plan(plan_request(edit_week(DRAFT, 7)))
    assert coach.calls == 13
    assert coach.weeks_seen[-1] == [7]
    assert edited.usage.requests == 1
    assert edited.usage.output_tokens < first.usage.output_tokens / 5
    tuesday_7 = next(w for w in edited.content if (w.week, w.day) == (7, "Tuesday"))
    assert tuesday_7.target_duration_in_seconds == 50 * 60
    assert [w for w in edited.content if w.week != 7] == [w for w in first.content if w.week != 7]


async def test_the_same_draft_again_makes_no_model_call() -> None:
    coach = ScriptedCoach()
    forge = PlanForge(model="test", plan_model=coach.model(), settings=Settings(chunk_weeks=3))
    first = await forge.generate_plan(plan_request())
    again = await forge.generate_plan(plan_request())
    assert coach.calls == 4
    assert again.content == first.content
    assert again.usage.requests == 0


@pytest.mark.parametrize(
    "change",
    [
        {"training_principle": "Polarized 80/20."},
        {"level": "advanced"},
        {"workout_preference": "prefer_existing"},
    ],
)
async def test_what_determines_a_chunk_invalidates_it(change: dict[str, object]) -> None:
    from planforge.library import InMemoryWorkoutLibrary

    coach = ScriptedCoach()
    forge = PlanForge(model="test", plan_model=coach.model(), library=InMemoryWorkoutLibrary())
    await forge.generate_plan(plan_request())
    calls = coach.calls
    await forge.generate_plan(plan_request(**change))
    assert coach.calls == 2 * calls


async def test_a_different_model_does_not_reuse_another_models_chunks() -> None:
    cache = InMemoryChunkCache()
    first, second = ScriptedCoach(), ScriptedCoach()
    await PlanForge(model="test", plan_model=first.model(), chunk_cache=cache).generate_plan(plan_request())
    other = second.model(name="another-model")
    await PlanForge(model="test", plan_model=other, chunk_cache=cache).generate_plan(plan_request())
    assert second.calls == first.calls


def test_cache_is_bounded() -> None:
    import asyncio

    from planforge.domain.chunk import PlanChunk

    cache = InMemoryChunkCache(capacity=2)
    empty = PlanChunk(weeks=[], workouts=[])
    for key in ("a", "b", "c"):
        asyncio.run(cache.set(key, (empty, [])))
    assert len(cache) == 2
    assert asyncio.run(cache.get("a")) is None
