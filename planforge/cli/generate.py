"""`planforge draft`, `planforge plan` and `planforge demo`: the two steps from the command line."""

from __future__ import annotations

import asyncio
import datetime as dt
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import ValidationError

from planforge.cli.output import (
    error_exit,
    fail,
    follow,
    plan_table,
    print_usage,
    print_warnings,
    stderr,
    stdout,
    warnings_as_notes,
)
from planforge.domain.draft import DraftResult
from planforge.domain.plan import Plan
from planforge.domain.requests import DraftRequest, PlanRequest
from planforge.exceptions import PlanforgeError
from planforge.llm import default_model_name
from planforge.llm.profile import effective_settings
from planforge.service import PlanForge
from planforge.settings import OFFLINE_MODEL, Settings

WeeksOption = Annotated[int, typer.Option("--weeks", help="Plan length in weeks (1-52).")]
LevelOption = Annotated[str, typer.Option("--level", help="beginner, intermediate or advanced.")]
OrgOption = Annotated[str, typer.Option("--org", help="Organization id (its training principle is used).")]
PromptOption = Annotated[str | None, typer.Option("--prompt", help="Free-text requirements for the plan.")]
PrincipleOption = Annotated[
    str | None, typer.Option("--principle", help="Training principle for this request only (overrides the org's).")
]
StartOption = Annotated[str | None, typer.Option("--start-date", help="First day of the plan, YYYY-MM-DD.")]
PreferenceOption = Annotated[str, typer.Option("--preference", help="ai_generate, prefer_existing or strict_existing.")]
ModelOption = Annotated[
    str | None,
    typer.Option("--model", help="pydantic-ai model string, e.g. openai:gpt-4o-mini, or 'offline'."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print the API's `data` object as JSON.")]
OutOption = Annotated[Path | None, typer.Option("--out", help="Write the output to this file instead of stdout.")]


def make_forge(model: str | None, settings: Settings | None = None) -> PlanForge:
    """The service with the standalone stores; says once when it falls back to the offline coach."""
    settings = settings or Settings()
    try:
        if model is None and default_model_name(settings) == OFFLINE_MODEL:
            stderr.print(
                "Using the offline coach (no provider API key configured; set OPENAI_API_KEY or PLANFORGE_MODEL"
                " to use an LLM).",
                style="dim",
            )
        if model is not None:
            settings = settings.model_copy(update={"model": model})
        # The server profile's defaults (a local server: one call at a time, a longer deadline, streaming).
        return PlanForge.from_settings(effective_settings(settings))
    except (PlanforgeError, ValueError) as error:
        raise fail(str(error)) from None


def request_fields(
    weeks: int, level: str, org: str, prompt: str | None, principle: str | None, start: str | None, preference: str
) -> dict[str, Any]:
    return {
        "weeks": weeks,
        "level": level,
        "org_id": org,
        "additional_prompt": prompt,
        "training_principle": principle,
        "start_date": start,
        "workout_preference": preference,
    }


def write_output(text: str, out: Path | None) -> None:
    """Print `text`, or write it to `out`."""
    if out is None:
        stdout.print(text, markup=False, highlight=False, soft_wrap=True)
        return
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as error:
        raise fail(f"cannot write {str(out)!r}: {error.strerror}") from None
    stderr.print(f"Wrote {out}", style="dim")


def draft(
    weeks: WeeksOption,
    level: LevelOption,
    org: OrgOption,
    prompt: PromptOption = None,
    principle: PrincipleOption = None,
    start_date: StartOption = None,
    preference: PreferenceOption = "ai_generate",
    model: ModelOption = None,
    out: OutOption = None,
    as_json: JsonOption = False,
) -> None:
    """Step 1: write an editable training-plan draft."""
    try:
        request = DraftRequest.model_validate(
            request_fields(weeks, level, org, prompt, principle, start_date, preference)
        )
    except ValidationError as error:
        raise error_exit(error) from None
    with warnings_as_notes():
        result = asyncio.run(_draft_step(make_forge(model), request))
    write_output(result.model_dump_json(indent=2) if as_json else result.draft, out)
    print_usage(result.usage)


async def _draft_step(forge: PlanForge, request: DraftRequest) -> DraftResult:
    """Step 1 with a progress bar; the forge's clients and stores are closed afterwards."""
    async with forge:
        return await follow(forge.stream_draft(request), "Drafting")


async def _plan_step(forge: PlanForge, request: PlanRequest) -> Plan:
    """Step 2 with a progress bar; the forge's clients and stores are closed afterwards."""
    async with forge:
        return await follow(forge.stream_plan(request), "Converting")


def read_draft(source: str) -> str:
    """The draft text from a file, or from stdin for `-`."""
    if source == "-":
        return sys.stdin.read()
    try:
        return Path(source).read_text(encoding="utf-8")
    except OSError as error:
        raise fail(f"--draft: cannot read {source!r}: {error.strerror}", code=2) from None
    except UnicodeDecodeError:
        raise fail(f"--draft: {source!r} is not UTF-8 text", code=2) from None


def plan(
    draft_source: Annotated[str, typer.Option("--draft", help="The (edited) draft text: a file, or - for stdin.")],
    weeks: WeeksOption,
    level: LevelOption,
    org: OrgOption,
    prompt: PromptOption = None,
    principle: PrincipleOption = None,
    start_date: StartOption = None,
    preference: PreferenceOption = "ai_generate",
    model: ModelOption = None,
    out: OutOption = None,
    as_json: JsonOption = False,
) -> None:
    """Step 2: convert a draft into structured workouts."""
    fields = request_fields(weeks, level, org, prompt, principle, start_date, preference)
    try:
        request = PlanRequest.model_validate({**fields, "refined_draft": read_draft(draft_source)})
    except ValidationError as error:
        raise error_exit(error) from None
    with warnings_as_notes():
        result = asyncio.run(_plan_step(make_forge(model), request))
    show_plan(result, out, as_json)
    print_usage(result.usage)


def show_plan(result: Plan, out: Path | None, as_json: bool) -> None:
    print_warnings(result)
    if as_json or out is not None:
        write_output(result.model_dump_json(indent=2), out)
    else:
        stdout.print(plan_table(result))


DEMO_PROMPT = "Athlete is targeting a half marathon. Prefers running 4 days per week, long run on Saturday."


async def _demo_steps(forge: PlanForge, fields: dict[str, Any]) -> tuple[DraftResult, Plan]:
    async with forge:
        draft_result = await follow(forge.stream_draft(DraftRequest.model_validate(fields)), "Drafting")
        request = PlanRequest.model_validate({**fields, "refined_draft": draft_result.draft})
        plan_result = await follow(forge.stream_plan(request), "Converting")
        return draft_result, plan_result


def demo() -> None:
    """Both steps on the offline coach: a 12-week intermediate half-marathon plan (no API key needed)."""
    forge = PlanForge.from_settings(Settings().model_copy(update={"model": OFFLINE_MODEL, "plan_model": None}))
    start = dt.date.today() + dt.timedelta(days=7 - dt.date.today().weekday())  # next Monday
    fields = request_fields(12, "intermediate", "demo", DEMO_PROMPT, None, start.isoformat(), "ai_generate")
    with warnings_as_notes():
        draft_result, plan_result = asyncio.run(_demo_steps(forge, fields))
    stdout.rule("Step 1: the draft (a coach reads and edits this)")
    stdout.print(draft_result.draft, markup=False, highlight=False, soft_wrap=True)
    stdout.rule("Step 2: the structured plan")
    show_plan(plan_result, None, as_json=False)
    stdout.print(f"{len(plan_result.content)} workouts over {len(plan_result.weekly_info)} weeks.", style="bold")
