"""The AI-coach endpoints: a mountable `APIRouter` over the service, with no planning logic of its own.

Mount it in a host app with `install_planforge(app, forge=..., principals=...)` then
`app.include_router(router)`; its routes answer errors with planforge's envelope whatever the host's
handlers are (see `EnvelopeRoute`). `create_app` does both for the standalone service.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from typing import Annotated, Any, Final

from fastapi import APIRouter, Body, Depends, Path
from fastapi.routing import APIRoute
from fastapi.sse import EventSourceResponse
from pydantic import Field

from planforge.auth.principal import Principal
from planforge.domain.draft import DraftResult
from planforge.domain.events import DoneEvent, ErrorEvent, ProgressEvent, ResultEvent, WeekEvent, WorkoutEvent
from planforge.domain.plan import Plan
from planforge.domain.requests import DraftRequest, OrgId, PlanRequest
from planforge.http import examples
from planforge.http.auth import Coach, ensure_own_org
from planforge.http.route import EnvelopeRoute
from planforge.http.schemas import ErrorEnvelope, Success, TrainingPrincipleUpdate, TrainingPrincipleView
from planforge.http.sse import closing_stream, event_stream
from planforge.http.state import State
from planforge.pipeline.streaming import EventStream

PREFIX: Final = "/api/v1/ai-coach"

SUMMARY_EVENTS: Final = frozenset({"progress", "result", "error", "done"})
"""What `/generate-plan/stream` sends; `/stream-content` adds `week` and `workout`."""

_ERROR_DESCRIPTIONS: Final[dict[int, str]] = {
    401: "Missing or invalid credential.",
    403: "Not a coach role, no Coach Agent feature, or another org.",
    422: "Invalid request: `error.details` names the failing fields (and the draft's week and day).",
    429: "Too many requests for this token, or too many unknown credentials from this address: see Retry-After.",
}
_BODY_ERROR_DESCRIPTIONS: Final[dict[int, str]] = {
    408: "The request body did not arrive in time.",
    413: "The request body is larger than the server accepts.",
    415: "The request body is not JSON.",
}
_GENERATION_ERROR_DESCRIPTIONS: Final[dict[int, str]] = {
    502: "The model provider failed or the model gave no valid result.",
    503: "The model provider is unavailable or rate-limited.",
    504: "The generation timed out.",
}
_RETRY_AFTER: Final = {
    "Retry-After": {"description": "Seconds to wait before retrying.", "schema": {"type": "integer"}}
}


def _errors(*tables: Mapping[int, str], streaming: bool = False) -> dict[int | str, dict[str, Any]]:
    """Error responses: every one the JSON envelope (stream routes too: they answer errors before streaming).

    `model` would document a stream route's errors under its own media type, text/event-stream; those routes
    get the JSON schema alone (the JSON routes' `model` puts ErrorEnvelope among the components).
    """
    responses: dict[int | str, dict[str, Any]] = {}
    for table in tables:
        for status, description in table.items():
            content = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorEnvelope"}}}
            responses[status] = {"description": description, "content": content}
            if not streaming:
                responses[status]["model"] = ErrorEnvelope
            if status == 429:
                responses[status]["headers"] = _RETRY_AFTER
    return responses


_READ_ERRORS: Final = _errors(_ERROR_DESCRIPTIONS)
_WRITE_ERRORS: Final = _errors(_ERROR_DESCRIPTIONS, _BODY_ERROR_DESCRIPTIONS)
_GENERATION_ERRORS: Final = _errors(_ERROR_DESCRIPTIONS, _BODY_ERROR_DESCRIPTIONS, _GENERATION_ERROR_DESCRIPTIONS)
_STREAM_ERRORS: Final = _errors(
    _ERROR_DESCRIPTIONS, _BODY_ERROR_DESCRIPTIONS, _GENERATION_ERROR_DESCRIPTIONS, streaming=True
)


def _operation_id(route: APIRoute) -> str:
    return route.name


router = APIRouter(
    prefix=PREFIX, tags=["ai-coach"], route_class=EnvelopeRoute, generate_unique_id_function=_operation_id
)
"""All AI-coach endpoints; their operation ids are their function names (`generate_draft`, ...)."""

DraftStreamEvent = Annotated[
    ProgressEvent | ResultEvent[DraftResult] | ErrorEvent | DoneEvent, Field(discriminator="type")
]
"""An event of `/generate-draft/stream`."""
PlanStreamEvent = Annotated[ProgressEvent | ResultEvent[Plan] | ErrorEvent | DoneEvent, Field(discriminator="type")]
"""An event of `/generate-plan/stream`."""
PlanContentEvent = Annotated[
    ProgressEvent | WeekEvent | WorkoutEvent | ResultEvent[Plan] | ErrorEvent | DoneEvent, Field(discriminator="type")
]
"""An event of `/generate-plan/stream-content`."""


def _json_example(example: Mapping[str, Any]) -> dict[int | str, dict[str, Any]]:
    return {200: {"content": {"application/json": {"example": example}}}}


def _stream_docs(*examples_by_name: tuple[str, str]) -> dict[int | str, dict[str, Any]]:
    """The 200 of a stream route: an event stream (FastAPI describes each event from the route's item type)."""
    named = {name: {"value": text} for name, text in examples_by_name}
    description = (
        "Server-Sent Events: `event:` names the event type, `data:` is the event as JSON (`itemSchema`)."
        " A failure after the stream started: `error`, then `done`."
    )
    return {
        200: {"description": description, "content": {"text/event-stream": {"examples": named}}},
        **_STREAM_ERRORS,
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


async def draft_stream(request: AuthorizedDraftRequest, state: State) -> AsyncIterator[EventStream[DraftResult]]:
    """The draft's event stream, opened after the checks a plain call makes: a bad request is a 4xx, not an event."""
    async with closing_stream(await state.forge.open_draft_stream(request)) as events:
        yield events


async def plan_stream(request: AuthorizedPlanRequest, state: State) -> AsyncIterator[EventStream[Plan]]:
    """The plan's event stream, opened after the checks a plain call makes: a bad draft is a 422, not an event."""
    async with closing_stream(await state.forge.open_plan_stream(request)) as events:
        yield events


DraftEvents = Annotated[EventStream[DraftResult], Depends(draft_stream)]
PlanEvents = Annotated[EventStream[Plan], Depends(plan_stream)]
# The stream routes are annotated with the event type they send, which FastAPI documents as each event's
# `data`; they yield `ServerSentEvent`s (event name, keep-alive comments), which FastAPI sends as they are.


@router.post("/generate-draft", responses={**_GENERATION_ERRORS, **_json_example(examples.DRAFT_RESPONSE_EXAMPLE)})
async def generate_draft(request: AuthorizedDraftRequest, state: State) -> Success[DraftResult]:
    """Step 1: write an editable text draft from the plan parameters."""
    return Success(data=await state.forge.generate_draft(request))


@router.post(
    "/generate-draft/stream",
    response_class=EventSourceResponse,
    responses=_stream_docs(("draft", examples.DRAFT_STREAM_EXAMPLE), ("failure", examples.STREAM_ERROR_EXAMPLE)),
)
async def generate_draft_stream(events: DraftEvents, state: State) -> AsyncIterator[DraftStreamEvent]:
    """Step 1 as Server-Sent Events: `progress`, then `result` (the draft result) or `error`, then `done`."""
    async for event in event_stream(events, keepalive_seconds=state.settings.sse_keepalive_seconds):
        yield event  # pyright: ignore[reportReturnType]


@router.post("/generate-plan", responses={**_GENERATION_ERRORS, **_json_example(examples.PLAN_RESPONSE_EXAMPLE)})
async def generate_plan(request: AuthorizedPlanRequest, state: State) -> Success[Plan]:
    """Step 2: convert the (edited) draft into structured workouts, one per training day."""
    return Success(data=await state.forge.generate_plan(request))


@router.post(
    "/generate-plan/stream",
    response_class=EventSourceResponse,
    responses=_stream_docs(("plan", examples.PLAN_STREAM_EXAMPLE), ("failure", examples.STREAM_ERROR_EXAMPLE)),
)
async def generate_plan_stream(events: PlanEvents, state: State) -> AsyncIterator[PlanStreamEvent]:
    """Step 2 as Server-Sent Events: `progress` as weeks complete, then `result` (the plan) or `error`, then `done`."""
    keepalive = state.settings.sse_keepalive_seconds
    async for event in event_stream(events, keepalive_seconds=keepalive, kinds=SUMMARY_EVENTS):
        yield event  # pyright: ignore[reportReturnType]


@router.post(
    "/generate-plan/stream-content",
    response_class=EventSourceResponse,
    responses=_stream_docs(("plan", examples.PLAN_STREAM_CONTENT_EXAMPLE), ("failure", examples.STREAM_ERROR_EXAMPLE)),
)
async def generate_plan_stream_content(events: PlanEvents, state: State) -> AsyncIterator[PlanContentEvent]:
    """Step 2, incrementally: a `week` event per weekly_info entry and a `workout` event per validated workout
    as soon as its chunk is converted, with `progress`; then `result` (the whole plan) and `done`."""
    async for event in event_stream(events, keepalive_seconds=state.settings.sse_keepalive_seconds):
        yield event  # pyright: ignore[reportReturnType]


OrgIdPath = Annotated[OrgId, Path(description="Your organization ID.", examples=["org_abc123"])]


async def _principle_view(state: State, org_id: str) -> TrainingPrincipleView:
    principle, source = await state.forge.training_principle(org_id)
    return TrainingPrincipleView(
        org_id=org_id, training_principle=principle, source="org" if source == "org" else "default"
    )


def _own_org(coach: Principal, org_id: str) -> str:
    ensure_own_org(coach, org_id)
    return org_id


@router.get("/training-principle/{org_id}", responses=_READ_ERRORS)
async def get_training_principle(org_id: OrgIdPath, coach: Coach, state: State) -> Success[TrainingPrincipleView]:
    """The org's training principle, or the built-in default (`source: default`) when it has none."""
    return Success(data=await _principle_view(state, _own_org(coach, org_id)))


@router.put("/training-principle/{org_id}", responses=_WRITE_ERRORS)
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
