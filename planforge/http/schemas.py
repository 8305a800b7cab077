"""The HTTP envelope and the few request/response bodies that are not domain types.

Generation endpoints return the domain types (`DraftResult`, `Plan`) inside the spec's envelope
`{"status": "success", "data": …}`; errors are `{"status": "error", "error": {code, message, details}}`.
"""

from __future__ import annotations

from typing import Annotated, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from planforge.domain.requests import MAX_PRINCIPLE_CHARS
from planforge.domain.usage import Usage

DataT = TypeVar("DataT")


class Success(BaseModel, Generic[DataT]):
    """A successful response: the spec's envelope around the result."""

    status: Literal["success"] = "success"
    data: DataT


class FieldProblem(BaseModel):
    """One invalid field: its dotted path in the request and what is wrong with it."""

    model_config = ConfigDict(frozen=True)

    field: str
    """Dotted path of the field, e.g. `weeks` or `start_date`."""
    problem: str
    """What is wrong, for a person."""


class ErrorBody(BaseModel):
    """What went wrong."""

    code: str
    """Machine-readable kind, e.g. `validation_error`, `unauthenticated`, `forbidden`, `timeout`."""
    message: str
    """What went wrong, for a person."""
    details: list[FieldProblem] = Field(default_factory=list[FieldProblem])
    """For validation errors: every invalid field. Empty otherwise."""
    usage: Usage | None = None
    """For a failed generation: what it spent before it failed (failed model calls included). Absent otherwise."""


class ErrorEnvelope(BaseModel):
    """A failed response."""

    status: Literal["error"] = "error"
    error: ErrorBody


PrincipleText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_PRINCIPLE_CHARS)]


class TrainingPrincipleUpdate(BaseModel):
    """The body of `PUT /training-principle/{org_id}`."""

    model_config = ConfigDict(extra="forbid")

    training_principle: PrincipleText
    """The org's coaching philosophy: how volume, intensity and recovery are structured."""


class TrainingPrincipleView(BaseModel):
    """An org's training principle and where it comes from."""

    org_id: str
    training_principle: str
    """The principle the org's generations use."""
    source: Literal["org", "default"]
    """`org` when the org stored its own principle, `default` for the built-in one."""
