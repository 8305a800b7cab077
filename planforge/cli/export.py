"""`planforge export`: a plan JSON file (what `planforge plan --json` writes) → a calendar, watch or trainer file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, cast

import typer
from pydantic import ValidationError

from planforge.cli.output import BAD_INPUT_EXIT, fail, stderr, validation_message
from planforge.domain.plan import Plan
from planforge.exceptions import InvalidRequestError
from planforge.export import EXPORT_FORMATS, ExportedFile, export_plan
from planforge.export.dates import calendar_ready

_FORMAT_HELP = "ics (calendar), fit (Garmin workouts, zipped), zwo (Zwift, zipped), icu (intervals.icu text) or csv."


def _unwrapped(document: object) -> object:
    """The plan inside an API success envelope, or `document` itself."""
    envelope = cast(dict[str, object], document) if isinstance(document, dict) else {}
    if envelope.get("status") == "success" and "data" in envelope:
        return envelope["data"]
    return cast(object, document)


def read_plan(source: Path) -> Plan:
    """The plan in `source`: a plan object, or the API's `{"status": "success", "data": <plan>}` envelope."""
    try:
        text = source.read_text(encoding="utf-8")
    except OSError as error:
        raise fail(f"{str(source)!r}: cannot read it: {error.strerror}", code=BAD_INPUT_EXIT) from None
    except UnicodeDecodeError:
        raise fail(f"{str(source)!r} is not a plan: it is not UTF-8 text", code=BAD_INPUT_EXIT) from None
    try:
        document: object = json.loads(text)
    except json.JSONDecodeError as error:
        message = f"{str(source)!r} is not a plan: not valid JSON ({error.msg} at line {error.lineno})"
        raise fail(message, code=BAD_INPUT_EXIT) from None
    try:
        return Plan.model_validate(_unwrapped(document))
    except ValidationError as error:
        message = f"{str(source)!r} is not a plan (write one with `planforge plan --json`): {validation_message(error)}"
        raise fail(message, code=BAD_INPUT_EXIT) from None


def _write(exported: ExportedFile, out: Path | None) -> Path:
    target = out or Path(exported.filename)
    if target.is_dir():
        target = target / exported.filename
    try:
        target.write_bytes(exported.content)
    except OSError as error:
        raise fail(f"--out: cannot write {str(target)!r}: {error.strerror}") from None
    return target


def export(
    plan_file: Annotated[Path, typer.Argument(help="A plan as JSON: what `planforge plan --json` writes.")],
    export_format: Annotated[str, typer.Option("--format", "-f", help=_FORMAT_HELP)],
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="File (or directory) to write; default: the format's file name here."),
    ] = None,
    plan_id: Annotated[
        str | None,
        typer.Option("--plan-id", help="ics: this plan's identity, so its calendar UIDs survive every re-export."),
    ] = None,
) -> None:
    """Export a plan as a calendar (.ics), Garmin FIT workouts, Zwift workouts, intervals.icu text or CSV."""
    if export_format not in EXPORT_FORMATS:
        allowed = ", ".join(EXPORT_FORMATS)
        raise fail(f"--format: unknown export format {export_format!r}; use one of {allowed}", code=BAD_INPUT_EXIT)
    plan = read_plan(plan_file)
    try:
        to_export = calendar_ready(plan) if export_format == "ics" else plan  # undated: from the coming Monday
        exported = export_plan(to_export, export_format, plan_id=plan_id)
    except InvalidRequestError as error:
        raise fail(f"{str(plan_file)!r}: {error.message}", code=BAD_INPUT_EXIT) from None
    for skipped in exported.skipped:
        stderr.print(
            f"[yellow]skipped[/] week {skipped.week} {skipped.day}: {skipped.workout_name}: {skipped.reason}",
            highlight=False,
            soft_wrap=True,
        )
    target = _write(exported, out)
    stderr.print(f"Wrote {target} ({len(exported.content):,} bytes, {exported.media_type})", style="dim")
