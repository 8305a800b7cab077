"""The types an eval case is made of: the request (inputs), what the result must have (metadata), the outcome.

A case of `evals/datasets/*.yaml` is a pydantic-evals `Case[DraftRequest, PlanOutcome, CaseExpectations]`:
its inputs are the `DraftRequest` fields; its metadata hold the golden draft a coach wrote for the request
and the properties a generated plan must have, checked by `planforge.evals.evaluators`. (The golden draft
is metadata, not `expected_output`, because the task's output is a draft *and* a plan.)
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from planforge.domain.plan import Plan
from planforge.domain.requests import DraftRequest
from planforge.domain.vocabulary import Weekday
from planforge.evals.expectations import CaseExpectationsV2


class CaseExpectations(BaseModel):
    """The properties a plan generated for the case must have (the case's `metadata`)."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    golden_draft: str = Field(min_length=10)
    """The draft a coach would write for the request, every week (compact one-line weeks are fine)."""
    goal: str = Field(min_length=1, max_length=80)
    """What the plan trains for, in words: "half marathon", "olympic triathlon", "general fitness"."""
    race: bool
    """The plan ends in a race (so it must taper); a general-fitness block does not."""
    days_per_week: int | None = Field(default=None, ge=1, le=7)
    """Training days every week (race week excepted), when the request asks for a number."""
    long_run_day: Weekday | None = None
    """The day of the weekly long session, when the request names one."""
    recurring: list[str] = Field(default_factory=list[str])
    """Sessions every week must hold (race week excepted), by workout_type or workout_sub_type, once per
    entry: ["trail-run"] or ["strength", "strength"]."""
    rubric: str | None = Field(default=None, max_length=2_000)
    """What an LLM judge should look for in this case's draft (used only with a judge model)."""
    tags: list[str] = Field(default_factory=list[str])
    """Free labels for filtering and reading reports: "library", "triathlon", "52-weeks"."""


class PlanOutcome(BaseModel):
    """What running one case produced: the model's draft text and the plan converted from it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    draft: str
    """The draft the model wrote for the request (step 1)."""
    plan: Plan
    """The structured plan converted from that draft (step 2)."""


CaseInputs = DraftRequest
"""A case's inputs are exactly the step-1 request."""

AnyExpectations = CaseExpectations | CaseExpectationsV2
"""A case's metadata in either dataset version (v1 kept as history, v2 read by the v2 evaluators)."""
