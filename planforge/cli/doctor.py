"""`planforge doctor`: probe the server a model is served from and print what will work (exit 0 usable, 1 not)."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import shlex
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.markup import escape

from planforge.cli.output import error_exit, fail, stdout, validation_message
from planforge.exceptions import PlanforgeError
from planforge.llm.doctor import Diagnosis, Probe, diagnose
from planforge.llm.profile import effective_settings, streams_requests
from planforge.settings import Settings

VERDICT_STYLES = {"supported": "green", "ignored": "yellow", "refused": "red", "failed": "red", "skipped": "dim"}
FEATURE_LABELS = {
    "forced_tool_call": "forced tool call",
    "json_schema_output": "JSON-schema output",
    "stream_usage": "usage in streams",
    "max_tokens": "max_tokens cap",
    "max_completion_tokens": "max_completion_tokens cap",
}
NEXT_STEPS = (
    "planforge draft --weeks 8 --level beginner --org club --out draft.txt",
    "planforge plan --draft draft.txt --weeks 8 --level beginner --org club",
)


def doctor(
    model: Annotated[
        str | None,
        typer.Option("--model", help="The model to check, as its server names it (default: PLANFORGE_MODEL)."),
    ] = None,
    base_url: Annotated[
        str | None,
        typer.Option(
            "--base-url",
            help="The OpenAI-compatible server, e.g. http://127.0.0.1:11434/v1 (default: PLANFORGE_BASE_URL).",
        ),
    ] = None,
    probe_seconds: Annotated[
        float, typer.Option("--timeout", min=1, help="Seconds each probe may take (a cold model loads on the first).")
    ] = 30.0,
    as_json: Annotated[bool, typer.Option("--json", help="Print the diagnosis as JSON.")] = False,
) -> None:
    """Check that a model's server supports what planforge needs, and print the settings to use it."""
    try:
        settings = Settings()
    except ValidationError as error:
        raise fail(f"settings: {validation_message(error)}", code=2) from None
    if base_url is not None:
        settings = settings.model_copy(update={"base_url": base_url})
    try:
        found = asyncio.run(diagnose(model, settings, probe_seconds=probe_seconds))
    except PlanforgeError as error:
        raise error_exit(error) from None
    if as_json:
        stdout.print_json(json.dumps(dataclasses.asdict(found)))
    else:
        show(found, settings)
    raise typer.Exit(0 if found.usable else 1)


def _say(text: str, *, markup: bool = True) -> None:
    """One line of the report, never wrapped (commands and settings must stay copyable)."""
    stdout.print(text, markup=markup, highlight=False, soft_wrap=True)


def show(found: Diagnosis, settings: Settings) -> None:
    """The diagnosis as a short report: the server, each probe, what planforge will do, the settings to use."""
    if found.target == "offline":
        _say(f"[bold]{found.model}[/]: the offline coach runs in-process and needs no server.")
    elif found.target == "hosted":
        _say(f"[bold]{escape(found.model)}[/]: a hosted provider's model.")
    else:
        _show_server(found)
    _show_plan(found, settings)
    for note in found.notes if found.target != "offline" else ():
        _say(f"[yellow]note:[/] {escape(note)}")
    for problem in found.problems:
        _say(f"[bold red]problem:[/] {escape(problem)}")
    if found.environment and found.usable:
        _say("\nSettings:")
        for name, value in found.environment.items():
            _say(f"  export {name}={shlex.quote(value)}", markup=False)
        _say("Then:")
        for command in NEXT_STEPS:
            _say(f"  {command}", markup=False)
    verdict = "[bold green]usable[/]" if found.usable else "[bold red]not usable[/]"
    _say(f"\n{escape(found.model or 'the model')}: {verdict}")


def _show_server(found: Diagnosis) -> None:
    server = found.server
    assert server is not None
    where = escape(server.base_url)
    if not server.reachable:
        _say(f"server   {where}: [red]not reachable[/]")
        return
    _say(f"server   {where}: {server.family}, {len(server.models)} model(s) listed")
    if not found.model:
        return
    listed = {True: "[green]listed[/]", False: "[red]not listed[/]", None: "[dim]the server lists no models[/]"}
    close = f" (close: {escape(', '.join(found.close_names))})" if found.close_names else ""
    _say(f"model    {escape(found.model)}: {listed[found.model_listed]}{close}")
    if found.context is not None:
        size = f"{found.context.tokens:,} tokens" if found.context.tokens is not None else "unknown"
        source = found.context.source.removeprefix("unknown: ")
        _say(f"context  {size} ({escape(source)})")
    for probe in found.probes:
        _say(_probe_line(probe))


def _probe_line(probe: Probe) -> str:
    label = FEATURE_LABELS[probe.feature]
    style = VERDICT_STYLES[probe.verdict]
    detail = f"  {escape(probe.detail)}" if probe.detail else ""
    return f"  {label:<26} [{style}]{probe.verdict}[/]{detail}"


def _show_plan(found: Diagnosis, settings: Settings) -> None:
    if found.output_mode is None:
        return
    works = f"; works here: {', '.join(found.working_modes)}" if found.target == "server" else ""
    _say(f"output mode  {found.output_mode} ({escape(found.output_mode_source)}){works}")
    local = effective_settings(settings.model_copy(update={"model": found.model}))
    calls = "one call" if local.concurrency == 1 else f"{local.concurrency} calls"
    if found.profile == "local":
        streamed = "streamed" if streams_requests(local) else "plain"
        per_call = f"{local.call_timeout_seconds:g} s per call, " if local.call_timeout_seconds else ""
        _say(
            f"profile      local: {calls} at a time, {per_call}{local.request_timeout_seconds:g} s per generation,"
            f" {streamed} requests",
        )
    else:
        _say(f"profile      hosted: {calls} at a time, {local.request_timeout_seconds:g} s per generation")
