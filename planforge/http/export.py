"""`POST /api/v1/ai-coach/export?format=…`: a plan (as `/generate-plan` returns it) → a downloadable file.

The body is the plan object itself (the `data` of a generate-plan response, at least one workout); the answer
is the file, with its Content-Type and a Content-Disposition naming it. A bad plan or format is a 422 whose
details name the field. A calendar needs dates: workouts without one (a plan generated without `start_date`)
are placed from the coming Monday, week by week, as the plan would have been had it started then. Calendar UIDs
carry the caller's org and the optional `plan_id`, so the same plan exported again updates its events.

The schema says what is accepted: every plan it allows is exported (schemathesis's `positive_data_acceptance`).
"""

from __future__ import annotations

from typing import Annotated, Any, Final

from fastapi import APIRouter, Body, Query, Response
from starlette.concurrency import run_in_threadpool

from planforge.domain.plan import Plan
from planforge.export import ExportedFile, ExportFormat, export_plan
from planforge.export.dates import calendar_ready
from planforge.http.auth import Coach
from planforge.http.export_body import ExportablePlan
from planforge.http.route import EnvelopeRoute
from planforge.http.router import PREFIX
from planforge.http.schemas import ErrorEnvelope
from planforge.http.state import State
from planforge.pipeline.workers import ProcessingBudget, run_cpu, worker_context

SKIPPED_HEADER: Final = "X-Planforge-Skipped-Workouts"
"""How many workouts the format could not express (Zwift: not bike or run); the archive's SKIPPED.txt lists them."""

_FILE_TYPES: Final = (
    "text/calendar",
    "application/zip",
    "text/plain",
    "text/csv",
)
_RESPONSES: Final[dict[int | str, dict[str, Any]]] = {
    200: {
        "description": "The file, with `Content-Disposition: attachment; filename=…`.",
        "content": {media_type: {"schema": {"type": "string", "format": "binary"}} for media_type in _FILE_TYPES},
    },
    401: {"model": ErrorEnvelope, "description": "Missing or invalid credential."},
    403: {"model": ErrorEnvelope, "description": "Not a coach role or no Coach Agent feature."},
    422: {"model": ErrorEnvelope, "description": "Bad format or plan: `error.details` names the field."},
}


export_router = APIRouter(prefix=PREFIX, tags=["ai-coach"], route_class=EnvelopeRoute)
"""The export endpoint."""


@export_router.post("/export", response_class=Response, responses=_RESPONSES)
async def export_plan_file(
    plan: Annotated[ExportablePlan, Body(description="The plan, as the `data` of a generate-plan response.")],
    export_format: Annotated[
        ExportFormat,
        Query(
            alias="format",
            description="ics (iCalendar), fit (zip of Garmin FIT workouts), zwo (zip of Zwift workouts),"
            " icu (intervals.icu workout text) or csv.",
        ),
    ],
    coach: Coach,
    state: State,
    plan_id: Annotated[
        str | None,
        Query(max_length=200, description="ics: your id for this plan, so its calendar UIDs never change."),
    ] = None,
) -> Response:
    """Download a plan as a calendar, Garmin FIT workouts, Zwift workouts, intervals.icu text or CSV.

    A calendar places workouts without a date from the coming Monday on."""
    to_export: Plan = plan
    if export_format == "ics":
        to_export = calendar_ready(plan)
    exported = await _exported(state, to_export, export_format, plan_id, coach.org_id)
    headers = {"Content-Disposition": f'attachment; filename="{exported.filename}"'}
    if exported.skipped:
        headers[SKIPPED_HEADER] = str(len(exported.skipped))
    return Response(exported.content, media_type=exported.media_type, headers=headers)


async def _exported(
    state: State, plan: Plan, export_format: ExportFormat, plan_id: str | None, org_id: str
) -> ExportedFile:
    # Off the event loop: a year of FIT files takes seconds of CPU in pure Python. In the server's worker
    # processes once started (a thread would still hold the interpreter lock the event loop needs).
    pool = state.forge.cpu_pool
    if not pool.started:
        return await run_in_threadpool(export_plan, plan, export_format, plan_id=plan_id, org_id=org_id)
    with worker_context(pool, ProcessingBudget(state.settings.cpu_budget_seconds, "content")):
        return await run_cpu(export_plan, plan, export_format, plan_id=plan_id, org_id=org_id)
