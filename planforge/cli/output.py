"""How the CLI shows things: errors as one line, progress bars driven by the event stream, plan tables."""

from __future__ import annotations

import warnings
from collections.abc import Generator, Iterable
from contextlib import contextmanager

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from planforge.domain.events import ResultT
from planforge.domain.plan import Plan, PlanWorkout
from planforge.domain.usage import Usage
from planforge.exceptions import BAD_INPUT_CODES, InvalidRequestError, PlanforgeError
from planforge.pipeline.streaming import EventStream

stdout = Console()
stderr = Console(stderr=True)

BAD_INPUT_EXIT = 2
FAILURE_EXIT = 1


def fail(message: str, *, code: int = FAILURE_EXIT) -> typer.Exit:
    """Print `message` as one line on stderr; the caller raises the returned Exit."""
    stderr.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def validation_message(error: ValidationError) -> str:
    """One line naming every invalid field: `weeks: Input should be less than or equal to 52; …`."""
    problems = [f"{'.'.join(str(part) for part in e['loc']) or 'request'}: {e['msg']}" for e in error.errors()]
    return "; ".join(problems)


def error_exit(error: PlanforgeError | ValidationError) -> typer.Exit:
    """The one-line message and exit code for an error: 2 for bad input, 1 for a failed generation."""
    if isinstance(error, ValidationError):
        return fail(validation_message(error), code=BAD_INPUT_EXIT)
    code = BAD_INPUT_EXIT if isinstance(error, InvalidRequestError) else FAILURE_EXIT
    return fail(error.message, code=code)


@contextmanager
def warnings_as_notes() -> Generator[None]:
    """Show the Python warnings raised inside as one short line each on stderr, never as a raw warning with a
    file path; each distinct message once."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            yield
        finally:
            for message in dict.fromkeys(" ".join(str(w.message).split()) for w in caught):
                stderr.print(f"[yellow]note:[/] {message}", highlight=False, soft_wrap=True)


async def follow(events: EventStream[ResultT], label: str) -> ResultT:
    """Consume a generation's events with a progress bar on stderr; return the result or raise its error."""
    columns = (TextColumn("{task.description}"), BarColumn(), TaskProgressColumn(), TimeElapsedColumn())
    with Progress(*columns, console=stderr, transient=True) as progress:
        task = progress.add_task(label, total=100)
        async with events:
            async for event in events:
                if event.type == "progress":
                    progress.update(task, completed=event.progress, description=f"{label}: {event.message}")
                elif event.type == "result":
                    return event.data
                elif event.type == "error":
                    failed = fail(event.error, code=BAD_INPUT_EXIT if event.code in BAD_INPUT_CODES else FAILURE_EXIT)
                    print_usage(event.usage)  # a failed generation's tokens are spent (and billed) too
                    raise failed
    raise fail("the generation ended without a result")


def _duration(seconds: int | None) -> str:
    if seconds is None:
        return ""
    hours, minutes = divmod(round(seconds / 60), 60)
    return f"{hours}h{minutes:02d}" if hours else f"{minutes} min"


def _distance(meters: float | None) -> str:
    return "" if meters is None else f"{meters / 1000:.1f} km"


def plan_table(plan: Plan) -> Table:
    """Week-by-week table of a plan's workouts; each week opens with its phase."""
    table = Table(title="Training plan", header_style="bold", expand=False)
    table.add_column("Week", no_wrap=True)
    table.add_column("Day", no_wrap=True)
    table.add_column("Date", no_wrap=True)
    table.add_column("Workout", ratio=1)
    table.add_column("Duration", no_wrap=True, justify="right")
    table.add_column("Distance", no_wrap=True, justify="right")
    previous_week = 0
    for workout in plan.content:
        first = workout.week != previous_week
        if first and previous_week:
            table.add_section()
        previous_week = workout.week
        info = plan.weekly_info.get(str(workout.week))
        label = f"{workout.week} {info.phase}" if first and info else (str(workout.week) if first else "")
        table.add_row(*_row(workout, label))
    return table


def _row(workout: PlanWorkout, week_label: str) -> Iterable[str]:
    return (
        week_label,
        workout.day[:3],
        workout.date.isoformat() if workout.date else "",
        workout.workout_name,
        _duration(workout.target_duration_in_seconds),
        _distance(workout.target_distance_in_meters),
    )


def print_warnings(plan: Plan) -> None:
    """Each plan warning as one line on stderr."""
    for warning in plan.warnings:
        where = " ".join(str(p) for p in (f"week {warning.week}" if warning.week else None, warning.day) if p)
        stderr.print(
            f"[yellow]warning[/] {where + ': ' if where else ''}{warning.message}", highlight=False, soft_wrap=True
        )


def usage_text(usage: Usage) -> str:
    """`4 model requests, 8,604 input tokens (7,168 cached), 928 output tokens`, and whether they are estimates."""
    text = f"{usage.requests:,} model request{'s' if usage.requests != 1 else ''}, {usage.input_tokens:,} input tokens"
    if usage.cached_input_tokens:
        text += f" ({usage.cached_input_tokens:,} cached)"
    text += f", {usage.output_tokens:,} output tokens"
    if usage.estimated:
        estimated = f"{usage.estimated_requests:,} of {usage.requests:,}"
        text += f" (estimated for {estimated} requests: the server reported no usage)"
    return text


def print_usage(usage: Usage | None) -> None:
    """What a generation spent, as one dim line on stderr; nothing when it made no model request."""
    if usage is not None and usage.requests:
        stderr.print(f"usage: {usage_text(usage)}", style="dim", highlight=False, soft_wrap=True)
