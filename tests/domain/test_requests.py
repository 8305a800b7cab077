"""Every request field: what is accepted, and that each violation names its field."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic import ValidationError

from planforge import DraftRequest, PlanRequest
from planforge.domain.requests import MAX_DRAFT_LINE_CHARS

VALID: dict[str, Any] = {"weeks": 12, "level": "intermediate", "org_id": "org_abc123"}
DRAFT_TEXT = "Week 1:\n- Monday: Rest\n- Tuesday: Easy run 45 min"


def test_spec_example_request_is_valid_with_defaults() -> None:
    request = DraftRequest.model_validate_json(
        '{"weeks": 12, "level": "intermediate", "org_id": "org_abc123",'
        ' "additional_prompt": "Athlete is targeting a half marathon.", "start_date": "2026-05-05"}'
    )
    assert request.start_date == dt.date(2026, 5, 5)
    assert request.workout_preference == "ai_generate"
    assert request.training_principle is None


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("weeks", 0),
        ("weeks", 53),
        ("weeks", "12"),
        ("weeks", True),
        ("weeks", 12.5),
        ("level", "expert"),
        ("level", None),
        ("org_id", ""),
        ("org_id", "   "),
        ("org_id", "x" * 129),
        ("additional_prompt", "x" * 4_001),
        ("training_principle", "x" * 4_001),
        ("start_date", "05/05/2026"),
        ("start_date", "2026-02-30"),
        ("start_date", 1_777_000_000),
        ("start_date", "2026-05-05T10:00:00"),
        ("workout_preference", "strict"),
    ],
)
def test_invalid_draft_field_is_named(field: str, value: object) -> None:
    with pytest.raises(ValidationError) as caught:
        DraftRequest.model_validate({**VALID, field: value})
    assert [error["loc"][0] for error in caught.value.errors()] == [field]


@pytest.mark.parametrize("missing", ["weeks", "level", "org_id"])
def test_missing_required_field_is_named(missing: str) -> None:
    data = {k: v for k, v in VALID.items() if k != missing}
    with pytest.raises(ValidationError) as caught:
        DraftRequest.model_validate(data)
    assert [error["loc"][0] for error in caught.value.errors()] == [missing]


def test_unknown_field_is_rejected_by_name() -> None:
    with pytest.raises(ValidationError) as caught:
        DraftRequest.model_validate({**VALID, "org": "other"})
    assert caught.value.errors()[0]["loc"] == ("org",)


@pytest.mark.parametrize("draft", ["", "short", "   a b c d e f g h i    ", "x" * 200_001])
def test_invalid_refined_draft_is_named(draft: str) -> None:
    with pytest.raises(ValidationError) as caught:
        PlanRequest.model_validate({**VALID, "refined_draft": draft})
    assert [error["loc"][0] for error in caught.value.errors()] == ["refined_draft"]


def test_plan_request_requires_refined_draft() -> None:
    with pytest.raises(ValidationError) as caught:
        PlanRequest.model_validate(VALID)
    assert caught.value.errors()[0]["loc"] == ("refined_draft",)


def test_plan_request_accepts_draft_params_plus_text() -> None:
    request = PlanRequest.model_validate(
        {**VALID, "refined_draft": DRAFT_TEXT, "workout_preference": "strict_existing"}
    )
    assert request.weeks == 12
    assert request.workout_preference == "strict_existing"


def test_org_id_is_trimmed() -> None:
    assert DraftRequest.model_validate({**VALID, "org_id": "  org_1 "}).org_id == "org_1"


@pytest.mark.parametrize(
    ("draft", "message"),
    [
        ("Week 1\n- Monday: " + "5 x 400m " * 21_000, "line 2 is 189,010 characters long"),
        ("Week 1\n" + " " * 16_000 + "\n- Monday: rest", "line 2 is 16,000 characters long"),
    ],
)
def test_a_runaway_line_is_named_by_its_number(draft: str, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        PlanRequest.model_validate({**VALID, "refined_draft": draft})
    [error] = caught.value.errors()
    assert (error["loc"], message in error["msg"]) == (("refined_draft",), True)


def test_a_line_as_long_as_the_limit_is_still_a_draft() -> None:
    line = "- Monday: easy run 30 min, "
    draft = "Week 1\n" + line + "x" * (MAX_DRAFT_LINE_CHARS - len(line))
    assert PlanRequest.model_validate({**VALID, "refined_draft": draft}).refined_draft == draft
