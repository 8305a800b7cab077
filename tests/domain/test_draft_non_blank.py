"""`refined_draft` needs 10 non-blank characters, "blank" being exactly what `str.isspace` says (the rule now
stops at the tenth such character instead of visiting every character of a 200,000-character draft)."""

from __future__ import annotations

import sys

import pytest
from pydantic import ValidationError

from planforge import PlanRequest
from planforge.domain.requests import _NON_BLANK  # pyright: ignore[reportPrivateUsage]

VALID = {"weeks": 2, "level": "beginner", "org_id": "org_abc123"}


def test_non_blank_is_exactly_what_isspace_does_not_call_blank() -> None:
    disagreeing = [
        code for code in range(sys.maxunicode + 1) if (_NON_BLANK.match(chr(code)) is not None) == chr(code).isspace()
    ]
    assert disagreeing == []


BLANKS = "\u3000\u00a0\u2028\t\n \u200a\x1c\x85"


@pytest.mark.parametrize(
    "draft",
    ["abcdefghij", "".join(f"{letter}{BLANKS}" for letter in "abcdefghij"), "\n".join([" " * 9_000, "abcdefghij"])],
    ids=["ten", "blanks of every kind between ten", "ten after 9,000 blanks"],
)
def test_a_draft_with_ten_non_blank_characters_is_accepted(draft: str) -> None:
    assert PlanRequest.model_validate({**VALID, "refined_draft": draft}).refined_draft == draft


@pytest.mark.parametrize(
    "draft",
    ["abcdefghi", "".join(f"{letter}{BLANKS}" for letter in "abcdefghi"), "\n".join([BLANKS * 900, "abcdefghi"])],
    ids=["nine", "blanks of every kind between nine", "nine after 9,000 blanks"],
)
def test_a_draft_with_nine_non_blank_characters_is_refused(draft: str) -> None:
    with pytest.raises(ValidationError, match="at least 10 non-blank characters"):
        PlanRequest.model_validate({**VALID, "refined_draft": draft})
