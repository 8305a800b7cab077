"""Liveness and readiness for load balancers and orchestrators, without credentials.

`GET /healthz` says the process serves requests: it touches nothing, so it answers at once even while
generations run (their CPU work is in the worker pool, not on the event loop). `GET /readyz` says the
process can do its work: the stores answer within a few seconds and a model is configured (an invalid model
configuration stops the server at startup, so a started server has a valid one).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Final, Literal

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel

from planforge.http.errors import envelope_response
from planforge.http.schemas import ErrorEnvelope, FieldProblem, Success
from planforge.http.state import get_state

CHECK_TIMEOUT_SECONDS: Final = 3.0
"""A store that takes longer than this to answer counts as not ready."""

_PROBE: Final = "planforge-readiness-probe"
"""A credential and org id no one has: asking for them exercises the stores without finding anything."""

health_router = APIRouter(tags=["operations"])
"""`/healthz` and `/readyz`."""


class Liveness(BaseModel):
    """The process is up and its event loop answers."""

    alive: Literal[True] = True


class Readiness(BaseModel):
    """What the service runs with, once every check passed."""

    ready: Literal[True] = True
    model: str
    """The drafting model's name (`offline` for the offline coach)."""
    plan_model: str
    """The converting model's name."""


@health_router.get("/healthz", operation_id="healthz")
async def healthz() -> Success[Liveness]:
    """Liveness: 200 while the process serves requests."""
    return Success(data=Liveness())


async def _failure(name: str, check: Awaitable[object]) -> FieldProblem | None:
    try:
        async with asyncio.timeout(CHECK_TIMEOUT_SECONDS):
            await check
    except TimeoutError:
        return FieldProblem(field=name, problem=f"did not answer within {CHECK_TIMEOUT_SECONDS:g} s")
    except Exception as error:  # any failure of a store means "not ready", with its reason for the operator
        return FieldProblem(field=name, problem=f"failed: {type(error).__name__}: {error}"[:300])
    return None


@health_router.get(
    "/readyz",
    operation_id="readyz",
    response_model=Success[Readiness],
    responses={503: {"model": ErrorEnvelope, "description": "A store does not answer, or planforge is not set up."}},
)
async def readyz(request: Request) -> Success[Readiness] | Response:
    """Readiness: 200 when the principal and training-principle stores answer; 503 naming what fails."""
    try:
        state = get_state(request)
    except RuntimeError as error:
        return envelope_response(503, "not_ready", str(error))
    checks = {
        "principals": state.principals.resolve(_PROBE),
        "training_principles": state.forge.training_principles.get(_PROBE),
    }
    failures = [problem for name, check in checks.items() if (problem := await _failure(name, check))]
    if failures:
        return envelope_response(503, "not_ready", "not ready: " + "; ".join(p.field for p in failures), failures)
    forge = state.forge
    return Success(data=Readiness(model=forge.model.model_name, plan_model=forge.plan_model.model_name))
