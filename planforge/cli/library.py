"""`planforge library …`: import and list an org's workout library in the data dir's SQLite file."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, NoReturn, TypeVar

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.table import Table

from planforge.exceptions import ConfigurationError, InvalidRequestError
from planforge.library import EditableWorkoutLibrary, LibraryWorkout
from planforge.library.importing import import_workouts, read_library_file
from planforge.settings import Settings
from planforge.stores.backend import open_stores

_T = TypeVar("_T")

library_app = typer.Typer(
    name="library",
    help="An org's workout library: in PLANFORGE_DATABASE_URL's Postgres, else the data dir's SQLite file.",
    no_args_is_help=True,
)

OrgArgument = Annotated[str, typer.Argument(help="The org whose library to use.", show_default=False)]


@library_app.command("import")
def import_command(
    org: OrgArgument,
    file: Annotated[Path, typer.Argument(help="A JSON list of workouts, or a CSV file with the same columns.")],
) -> None:
    """Import workouts into ORG's library from FILE.

    Columns (CSV) and keys (JSON) are the plan's workout fields plus id and tags: id, workout_name,
    workout_description, workout_type, workout_sub_type, target_duration_in_seconds,
    target_distance_in_meters, content_blocks (a JSON string in CSV), tags (comma- or semicolon-separated
    in CSV). Rows that are invalid, or whose id repeats one in the file or in the library, are rejected
    and reported by line; the others are imported together, in one transaction.

    Exit codes: 0 all rows imported; 1 some rows rejected (the others imported); 2 the file or an
    argument is unusable, nothing imported.
    """
    parsed = _or_exit(lambda: read_library_file(file))
    report = _with_library(lambda library: import_workouts(library, org, parsed))
    for row in report.rejected:
        typer.echo(str(row), err=True)
    typer.echo(report.summary())
    if report.rejected:
        raise typer.Exit(1)


@library_app.command("list")
def list_command(
    org: OrgArgument,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON list with the import field names.")] = False,
) -> None:
    """List the workouts of ORG's library, in the order they were imported."""
    workouts = _with_library(lambda library: library.list(org))
    if as_json:
        typer.echo(json.dumps([workout.model_dump(mode="json") for workout in workouts], indent=2))
    elif not workouts:
        typer.echo(f"no workouts in the library of org {org!r}")
    else:
        Console().print(_table(workouts))


def _table(workouts: list[LibraryWorkout]) -> Table:
    table = Table("id", "name", "type", "sub-type", "duration", "distance", "blocks", "tags")
    for workout in workouts:
        seconds, meters = workout.target_duration_in_seconds, workout.target_distance_in_meters
        table.add_row(
            workout.id,
            workout.workout_name,
            workout.workout_type,
            workout.workout_sub_type,
            "" if seconds is None else f"{seconds // 60}:{seconds % 60:02d}",
            "" if meters is None else f"{meters / 1000:g} km",
            str(len(workout.content_blocks)),
            ", ".join(workout.tags),
        )
    return table


def _with_library(work: Callable[[EditableWorkoutLibrary], Awaitable[_T]]) -> _T:
    """Run `work` on the configured library (Postgres, else the data dir's SQLite file); bad input ends the
    command with exit code 2."""
    settings = _or_exit(Settings)
    stores = _or_exit(lambda: open_stores(settings))

    async def run() -> _T:
        try:
            return await work(stores.library)
        finally:
            await stores.aclose()

    return _or_exit(lambda: asyncio.run(run()))


def _or_exit(action: Callable[[], _T]) -> _T:
    try:
        return action()
    except (InvalidRequestError, ConfigurationError) as error:
        _fail(error.message)
    except ValidationError as error:  # settings from the environment
        first = error.errors(include_url=False)[0]
        _fail(f"{'.'.join(str(part) for part in first['loc'])}: {first['msg']}")
    except (OSError, sqlite3.Error) as error:  # an unusable data dir or database file
        _fail(f"cannot use the library database: {error}")


def _fail(message: str) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)
