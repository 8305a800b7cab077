"""The AI-coach endpoints: a mountable `APIRouter` over the service, with no planning logic of its own.

Mount it in a host app with `install_planforge(app, forge=..., principals=...)` then
`app.include_router(router)`; its routes answer errors with planforge's envelope whatever the host's
handlers are (see `EnvelopeRoute`). `create_app` does both for the standalone service.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from typing import Annotated, Any, Final

from fastapi import APIRouter, Body, Depends, Path
from fastapi.sse import EventSourceResponse, ServerSentEvent

from planforge.auth.principal import Principal
from planforge.domain.draft import DraftResult
from planforge.domain.events import Event
from planforge.domain.plan import Plan
from planforge.domain.requests import DraftRequest, OrgId, PlanRequest
from planforge.http import examples
from planforge.http.auth import Coach, ensure_own_org
from planforge.http.errors import EnvelopeRoute
from planforge.http.schemas import ErrorEnvelope, Success, TrainingPrincipleUpdate, TrainingPrincipleView
from planforge.http.sse import event_stream
from planforge.http.state import State

PREFIX: Final = "/api/v1/ai-coach"

SUMMARY_EVENTS: Final = frozenset({"progress", "result", "error", "done"})
"""What `/generate-plan/stream` sends; `/stream-content` adds `week` and `workout`."""

_ERRORS: Final[dict[int | str, dict[str, Any]]] = {
    401: {"model": ErrorEnvelope, "description": "Missing or invalid credential."},
    403: {"model": ErrorEnvelope, "description": "Not a coach role, no Coach Agent feature, or another org."},
    422: {"model": ErrorEnvelope, "description": "Invalid request: `error.details` names every failing field."},
}
_GENERATION_ERRORS: Final[dict[int | str, dict[str, Any]]] = {
    **_ERRORS,
    502: {"model": ErrorEnvelope, "description": "The model provider failed or the model gave no valid result."},
    503: {"model": ErrorEnvelope, "description": "The model provider is unavailable or rate-limited."},
    504: {"model": ErrorEnvelope, "description": "The generation timed out."},
}

_ERROR_SCHEMA: Final = {"$ref": "#/components/schemas/ErrorEnvelope"}
"""Stream routes answer errors as JSON, not as events: their error responses point at the JSON envelope."""

router = APIRouter(prefix=PREFIX, tags=["ai-coach"], route_class=EnvelopeRoute)
"""All AI-coach endpoints."""


def _json_example(example: Mapping[str, Any]) -> dict[int | str, dict[str, Any]]:
    return {200: {"content": {"application/json": {"example": example}}}}


def _stream_docs(*examples_by_name: tuple[str, str]) -> dict[int | str, dict[str, Any]]:
    named = {name: {"value": text} for name, text in examples_by_name}
    description = "Server-Sent Events; each `data:` is one event as JSON (schema below). A failure: `error`, `done`."
    json_errors = {
        status: {"description": doc["description"], "content": {"application/json": {"schema": _ERROR_SCHEMA}}}
        for status, doc in _ERRORS.items()
    }
    return {
        200: {"model": Event, "description": description, "content": {"text/event-stream": {"examples": named}}},
        **json_errors,
    }


async def draft_request_for_coach(
    request: Annotated[DraftRequest, Body(openapi_examples=examples.DRAFT_REQUEST_EXAMPLES)], coach: Coach
) -> DraftRequest:
    """The validated draft request, when it is for the caller's own org."""
    ensure_own_org(coach, request.org_id)
    return request


async def plan_request_for_coach(
    request: Annotated[PlanRequest, Body(openapi_examples=examples.PLAN_REQUEST_EXAMPLES)], coach: Coach
) -> PlanRequest:
    """The validated plan request, when it is for the caller's own org."""
    ensure_own_org(coach, request.org_id)
    return request


AuthorizedDraftRequest = Annotated[DraftRequest, Depends(draft_request_for_coach)]
AuthorizedPlanRequest = Annotated[PlanRequest, Depends(plan_request_for_coach)]


@router.post("/generate-draft", responses={**_GENERATION_ERRORS, **_json_example(examples.DRAFT_RESPONSE_EXAMPLE)})
async def generate_draft(request: AuthorizedDraftRequest, state: State) -> Success[DraftResult]:
    """Step 1: write an editable text draft from the plan parameters."""
    return Success(data=await state.forge.generate_draft(request))


@router.post(
    "/generate-draft/stream",
    response_class=EventSourceResponse,
    responses=_stream_docs(("draft", examples.DRAFT_STREAM_EXAMPLE), ("failure", examples.STREAM_ERROR_EXAMPLE)),
)
async def generate_draft_stream(request: AuthorizedDraftRequest, state: State) -> AsyncIterator[ServerSentEvent]:
    """Step 1 as Server-Sent Events: `progress`, then `result` (the draft result) or `error`, then `done`."""
    events = state.forge.stream_draft(request)
    async for event in event_stream(events, keepalive_seconds=state.settings.sse_keepalive_seconds):
        yield event


@router.post("/generate-plan", responses={**_GENERATION_ERRORS, **_json_example(examples.PLAN_RESPONSE_EXAMPLE)})
async def generate_plan(request: AuthorizedPlanRequest, state: State) -> Success[Plan]:
    """Step 2: convert the (edited) draft into structured workouts, one per training day."""
    return Success(data=await state.forge.generate_plan(request))


@router.post(
    "/generate-plan/stream",
    response_class=EventSourceResponse,
    responses=_stream_docs(("plan", examples.PLAN_STREAM_EXAMPLE), ("failure", examples.STREAM_ERROR_EXAMPLE)),
)
async def generate_plan_stream(request: AuthorizedPlanRequest, state: State) -> AsyncIterator[ServerSentEvent]:
    """Step 2 as Server-Sent Events: `progress` as weeks complete, then `result` (the plan) or `error`, then `done`."""
    events = state.forge.stream_plan(request)
    keepalive = state.settings.sse_keepalive_seconds
    async for event in event_stream(events, keepalive_seconds=keepalive, kinds=SUMMARY_EVENTS):
        yield event


@router.post(
    "/generate-plan/stream-content",
    response_class=EventSourceResponse,
    responses=_stream_docs(("plan", examples.PLAN_STREAM_CONTENT_EXAMPLE), ("failure", examples.STREAM_ERROR_EXAMPLE)),
)
async def generate_plan_stream_content(request: AuthorizedPlanRequest, state: State) -> AsyncIterator[ServerSentEvent]:
    """Step 2, incrementally: a `week` event per weekly_info entry and a `workout` event per validated workout
    as soon as its chunk is converted, with `progress`; then `result` (the whole plan) and `done`."""
    events = state.forge.stream_plan(request)
    async for event in event_stream(events, keepalive_seconds=state.settings.sse_keepalive_seconds):
        yield event


OrgIdPath = Annotated[OrgId, Path(description="Your organization ID.", examples=["org_abc123"])]


async def _principle_view(state: State, org_id: str) -> TrainingPrincipleView:
    principle, source = await state.forge.training_principle(org_id)
    return TrainingPrincipleView(
        org_id=org_id, training_principle=principle, source="org" if source == "org" else "default"
    )


def _own_org(coach: Principal, org_id: str) -> str:
    ensure_own_org(coach, org_id)
    return org_id


@router.get("/training-principle/{org_id}", responses=_ERRORS)
async def get_training_principle(org_id: OrgIdPath, coach: Coach, state: State) -> Success[TrainingPrincipleView]:
    """The org's training principle, or the built-in default (`source: default`) when it has none."""
    return Success(data=await _principle_view(state, _own_org(coach, org_id)))


@router.put("/training-principle/{org_id}", responses=_ERRORS)
async def put_training_principle(
    org_id: OrgIdPath,
    update: Annotated[TrainingPrincipleUpdate, Body(openapi_examples=examples.PRINCIPLE_UPDATE_EXAMPLES)],
    coach: Coach,
    state: State,
) -> Success[TrainingPrincipleView]:
    """Set the org's training principle; every later generation of the org uses it unless a request overrides it."""
    principle = update.training_principle
    await state.forge.set_training_principle(_own_org(coach, org_id), principle)
    return Success(data=TrainingPrincipleView(org_id=org_id, training_principle=principle, source="org"))
