"""Step 1 through the public API, on scripted models."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic_ai import capture_run_messages
from pydantic_ai.messages import ModelRequest, ToolReturnPart

from planforge import DraftRequest, GenerationError, PlanForge
from planforge.domain.requirements import Requirements
from planforge.drafttext.segment import segment_draft
from planforge.stores.training_principles import DEFAULT_PRINCIPLE, InMemoryTrainingPrincipleStore
from planforge.testing import scripted_draft, scripted_draft_model

pytestmark = pytest.mark.anyio

NOW = dt.datetime(2026, 4, 23, 10, 15, tzinfo=dt.UTC)


def forge_with(*drafts: object, training_principles: InMemoryTrainingPrincipleStore | None = None) -> PlanForge:
    return PlanForge(model=scripted_draft_model(*drafts), training_principles=training_principles, clock=lambda: NOW)  # type: ignore[arg-type]


async def test_draft_result_echoes_request_and_renders_every_week() -> None:
    forge = forge_with(scripted_draft(4))
    result = await forge.generate_draft(DraftRequest(weeks=4, level="beginner", org_id="org_1"))
    metadata = result.metadata.model_dump(exclude={"requirements"})
    assert metadata == {"weeks": 4, "level": "beginner", "org_id": "org_1", "generated_at": NOW}
    assert result.metadata.requirements == Requirements()  # a request without free text asks for nothing more
    weeks = segment_draft(result.draft).weeks
    assert [week.week for week in weeks] == [1, 2, 3, 4]
    assert all(week.body.count("\n- ") == 6 for week in weeks)  # seven day lines each
    assert result.usage.requests == 1


async def test_wrong_week_count_is_sent_back_and_retried() -> None:
    forge = forge_with(scripted_draft(3), scripted_draft(4))
    with capture_run_messages() as messages:
        result = await forge.generate_draft(DraftRequest(weeks=4, level="beginner", org_id="org_1"))
    # The validator's message goes back to the model as the output tool's (retried) result.
    feedback = [
        str(part.content)
        for m in messages
        if isinstance(m, ModelRequest)
        for part in m.parts
        if isinstance(part, ToolReturnPart) and part.outcome == "retried"
    ]
    assert len(feedback) == 1
    assert "needs exactly weeks 1..4" in feedback[0]
    assert len(segment_draft(result.draft).weeks) == 4
    assert result.usage.requests == 2


async def test_draft_that_stays_wrong_fails_cleanly() -> None:
    forge = forge_with(scripted_draft(3))
    with pytest.raises(GenerationError, match="could not write a valid draft"):
        await forge.generate_draft(DraftRequest(weeks=4, level="beginner", org_id="org_1"))


@pytest.mark.parametrize(
    ("stored", "override", "expected"),
    [
        (None, None, DEFAULT_PRINCIPLE),
        ("Polarized 80/20.", None, "Polarized 80/20."),
        ("Polarized 80/20.", "Threshold-heavy.", "Threshold-heavy."),
        ("Polarized 80/20.", "   ", "Polarized 80/20."),
    ],
)
async def test_principle_resolution(stored: str | None, override: str | None, expected: str) -> None:
    principles = InMemoryTrainingPrincipleStore({"org_1": stored} if stored else {})
    forge = forge_with(scripted_draft(1), training_principles=principles)
    request = DraftRequest(weeks=1, level="advanced", org_id="org_1", training_principle=override)
    assert (await forge.generate_draft(request)).training_principle == expected


async def test_stream_reports_real_progress_then_result_then_done() -> None:
    forge = forge_with(scripted_draft(4))
    events = [event async for event in forge.stream_draft(DraftRequest(weeks=4, level="beginner", org_id="org_1"))]
    kinds = [event.type for event in events]
    assert kinds[-2:] == ["result", "done"]
    progress = [event.progress for event in events if event.type == "progress"]
    assert progress == sorted(progress)
    assert progress[0] == 0
    assert progress[-1] == 100
    assert len(set(progress)) >= 4  # it moves week by week, not only start and end


async def test_stream_failure_is_error_then_done() -> None:
    forge = forge_with(scripted_draft(2))
    events = [event async for event in forge.stream_draft(DraftRequest(weeks=5, level="beginner", org_id="org_1"))]
    assert [event.type for event in events][-2:] == ["error", "done"]
    assert not any(event.type == "result" for event in events)
