"""What every v2 evaluator shares: its context type, the plan view, and how it says "did not apply".

A v2 evaluator reports, under its name `<name>`: a main score (0–1), the measured values `<name>.<what>`,
and one assertion `<name>.ok`, or one per check (`<name>.<check>.ok`) when it makes several. When the case
states nothing it could check, it reports only the label `<name>.not_applicable` with the reason, so the case is
neither passed nor failed by it and the evaluator's average leaves the case out.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from pydantic_evals.evaluators import EvaluationReason, EvaluatorContext, EvaluatorOutput

from planforge.domain.requests import DraftRequest
from planforge.evals.evaluators.sessions import PlanView
from planforge.evals.expectations import CaseExpectationsV2
from planforge.evals.schema import PlanOutcome

V2Context = EvaluatorContext[DraftRequest, PlanOutcome, CaseExpectationsV2]

NOT_APPLICABLE: Final = "not_applicable"
"""The label suffix of an evaluator that had nothing to check on a case."""


def not_applicable(name: str, reason: str) -> EvaluatorOutput:
    """The output of evaluator `name` on a case it does not apply to."""
    return {f"{name}.{NOT_APPLICABLE}": reason}


def expectations(ctx: V2Context) -> CaseExpectationsV2:
    """The case's expectations (a v2 dataset always has them)."""
    if ctx.metadata is None:
        raise ValueError(f"case {ctx.name!r} has no metadata; v2 evaluators need CaseExpectationsV2")
    return ctx.metadata


def plan_view(ctx: V2Context) -> PlanView:
    """The converted plan as sessions, over the weeks the request asked for."""
    return PlanView.of(ctx.output.plan, ctx.inputs.weeks)


def race_week(ctx: V2Context) -> int | None:
    """The week of the case's race, if it has one."""
    race = expectations(ctx).race
    return race.week if race is not None else None


def verdict(ok: bool, why: str) -> EvaluationReason:
    """An evaluator's assertion, with what failed as its reason (none when it holds)."""
    return EvaluationReason(value=ok, reason=None if ok else why)


Reported = float | bool | str | EvaluationReason


def checked(name: str, checks: Mapping[str, tuple[bool, str]]) -> dict[str, Reported]:
    """An evaluator of several checks: the share kept as `<name>`, and `<name>.<check>.ok` for each, with why it
    failed as the reason (one assertion per check, so a report names the check that failed)."""
    result: dict[str, Reported] = {name: sum(ok for ok, _ in checks.values()) / len(checks)}
    result |= {f"{name}.{check}.ok": verdict(ok, why) for check, (ok, why) in checks.items()}
    return result


def rounded(values: Mapping[str, Reported]) -> EvaluatorOutput:
    """`values` with floats rounded to 4 places, for stable reports."""
    return {key: round(value, 4) if isinstance(value, float) else value for key, value in values.items()}
