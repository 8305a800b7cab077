"""Request schemas for the two steps, exactly as the spec's parameters."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    JsonValue,
    StringConstraints,
    WithJsonSchema,
)

from planforge.domain.vocabulary import Level, WorkoutPreference

MAX_PROMPT_CHARS = 4_000
MAX_PRINCIPLE_CHARS = 4_000
MAX_DRAFT_CHARS = 200_000
"""A 52-week draft written by hand is ~30k characters; the bound keeps a runaway paste out."""
MAX_DRAFT_LINE_CHARS = 10_000
"""A week written as one paragraph is ~500 characters, a whole plan pasted without line breaks a few thousand;
a longer line is a runaway paste, not a plan."""


_BLANKS = "\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000"
"""What `str.isspace` calls blank, spelled out: the `\\s` of JSON Schema's regular expressions is another set."""
_DRAFT_PATTERNS: list[JsonValue] = [{"pattern": f"([^{_BLANKS}][{_BLANKS}]*){{10}}"}]
# The line bound (MAX_DRAFT_LINE_CHARS) is not spelled as a pattern: a bounded repetition of 10,000 is beyond what
# JSON Schema validators' regular-expression engines compile. The description states it.


_NON_BLANK = re.compile(r"\S")
"""`\\S` of Python's `re` is exactly what `str.isspace` does not call blank."""


def _at_least_ten_non_blank(text: str) -> str:
    # Stops at the tenth non-blank character, scanning in C: a 200,000-character draft costs microseconds.
    if next(itertools.islice(_NON_BLANK.finditer(text), 9, None), None) is None:
        raise ValueError("must contain at least 10 non-blank characters")
    return text


def _lines_of_bounded_length(text: str) -> str:
    for number, line in enumerate(text.splitlines(), start=1):
        if len(line) > MAX_DRAFT_LINE_CHARS:
            raise ValueError(
                f"line {number} is {len(line):,} characters long, more than the {MAX_DRAFT_LINE_CHARS:,} a draft's"
                f" line may have (it starts {line[:40].strip()!r}); put each day or week on a line of its own"
            )
    return text


def _iso_date(value: object) -> object:
    # pydantic's lax date parsing also takes Unix timestamps and datetimes; the spec says YYYY-MM-DD.
    if isinstance(value, dt.datetime) or not isinstance(value, (str, dt.date)):
        raise ValueError("must be an ISO date (YYYY-MM-DD)")
    if isinstance(value, str) and not _ISO_DATE.fullmatch(value):
        raise ValueError(f"must be an ISO date (YYYY-MM-DD), got {value!r}")
    return value


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
# The schema says what stripping whitespace implies: an org id has a non-blank character.
OrgId = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=128),
    WithJsonSchema({"type": "string", "minLength": 1, "maxLength": 128, "pattern": f"[^{_BLANKS}]"}),
]


class DraftRequest(BaseModel):
    """Step 1: the parameters of a plan (the spec's generate-draft body)."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    weeks: int = Field(ge=1, le=52, strict=True)
    """Length of the plan in weeks, 1 to 52."""
    level: Level
    """Athlete level."""
    org_id: OrgId
    """The organization whose training principle (and workout library) the plan uses."""
    additional_prompt: str | None = Field(default=None, max_length=MAX_PROMPT_CHARS)
    """Free-text requirements, e.g. "targeting a sub-4 hour marathon" or "one trail run per week"."""
    training_principle: str | None = Field(default=None, max_length=MAX_PRINCIPLE_CHARS)
    """Overrides the org's training principle for this request only, when set and non-blank."""
    start_date: IsoDate | None = None
    """ISO date (YYYY-MM-DD) of the plan's first day; without it workouts are placed by week and day only."""
    workout_preference: WorkoutPreference = "ai_generate"
    """How workouts are sourced: ai_generate, prefer_existing or strict_existing."""


class PlanRequest(DraftRequest):
    """Step 2: the draft parameters plus the (edited) draft text to convert."""

    refined_draft: Annotated[
        str,
        # The schema states the validators' rule of at least 10 non-blank characters as a pattern; the validators
        # check it and the line bound with their own messages.
        Field(max_length=MAX_DRAFT_CHARS, json_schema_extra={"minLength": 10, "allOf": _DRAFT_PATTERNS}),
        AfterValidator(_at_least_ten_non_blank),
        AfterValidator(_lines_of_bounded_length),
    ]
    """The draft text from step 1, with the coach's edits (lines of at most 10,000 characters)."""
