"""One entry point for every export: a plan or a workout → the file's bytes, media type and download name.

| format | a plan                                   | one workout     |
|--------|------------------------------------------|-----------------|
| ics    | .ics, an all-day event per workout       | .ics, one event |
| fit    | .zip of one .fit per workout             | .fit            |
| zwo    | .zip of one .zwo per bike/run workout    | .zwo            |
| icu    | .txt, every workout's intervals.icu text | .txt            |
| csv    | .csv, a row per workout                  | .csv, one row   |

Zwift files exist only for bike and run workouts: a plan's other workouts are left out of its archive and
listed, with the reason, in the archive's SKIPPED.txt and in `ExportedFile.skipped` — never dropped silently.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final, Literal, get_args

from planforge.domain.plan import Plan, PlanWorkout
from planforge.domain.vocabulary import Weekday
from planforge.exceptions import InvalidRequestError
from planforge.export.archive import zip_files
from planforge.export.errors import UnsupportedWorkoutError
from planforge.export.fit import workout_to_fit
from planforge.export.ical import to_ics
from planforge.export.icu_text import to_icu_text, workout_to_icu
from planforge.export.naming import plan_file_stem, positioned, slug, workout_file_stem
from planforge.export.plan_csv import to_csv
from planforge.export.zwift import workout_to_zwo

ExportFormat = Literal["ics", "fit", "zwo", "icu", "csv"]
"""ics (iCalendar), fit (Garmin FIT workouts), zwo (Zwift), icu (intervals.icu text), csv."""
EXPORT_FORMATS: Final[tuple[ExportFormat, ...]] = get_args(ExportFormat)

ICS_TYPE: Final = "text/calendar; charset=utf-8"
FIT_TYPE: Final = "application/vnd.ant.fit"
ZWO_TYPE: Final = "application/xml"
TEXT_TYPE: Final = "text/plain; charset=utf-8"
CSV_TYPE: Final = "text/csv; charset=utf-8"
ZIP_TYPE: Final = "application/zip"
SKIPPED_NAME: Final = "SKIPPED.txt"


@dataclass(frozen=True)
class SkippedWorkout:
    """A workout an export format cannot express, and why."""

    week: int
    day: Weekday
    workout_name: str
    reason: str


@dataclass(frozen=True)
class ExportedFile:
    """An export, ready to save or send."""

    content: bytes
    media_type: str
    """The Content-Type to serve it with."""
    filename: str
    """A download name (ASCII, no path)."""
    skipped: tuple[SkippedWorkout, ...] = ()
    """Workouts left out because the format cannot express them (only Zwift leaves any out)."""


def check_format(export_format: str) -> ExportFormat:
    """`export_format` as an ExportFormat; InvalidRequestError naming the allowed ones otherwise."""
    for known in EXPORT_FORMATS:
        if export_format == known:
            return known
    allowed = ", ".join(EXPORT_FORMATS)
    raise InvalidRequestError(f"unknown export format {export_format!r}; use one of {allowed}", field="format")


def to_fit_zip(plan: Plan) -> bytes:
    """A zip of one FIT workout file per workout, named in plan order (`w01-d3-1-intervals.fit`)."""
    return zip_files(
        (f"{workout_file_stem(workout, position)}.fit", workout_to_fit(workout))
        for position, workout in positioned(plan.content)
    )


def zwo_archive(plan: Plan) -> tuple[bytes, tuple[SkippedWorkout, ...]]:
    """A zip of a .zwo per bike and run workout, with SKIPPED.txt listing the others; and those skipped."""
    files: list[tuple[str, bytes]] = []
    skipped: list[SkippedWorkout] = []
    for position, workout in positioned(plan.content):
        try:
            files.append((f"{workout_file_stem(workout, position)}.zwo", workout_to_zwo(workout)))
        except UnsupportedWorkoutError as error:
            skipped.append(SkippedWorkout(workout.week, workout.day, workout.workout_name, error.reason))
    if skipped:
        lines = [f"week {s.week} {s.day}: {s.workout_name}: {s.reason}" for s in skipped]
        files.append((SKIPPED_NAME, ("Not written as Zwift workouts:\n" + "\n".join(lines) + "\n").encode()))
    return zip_files(files), tuple(skipped)


def to_zwo_zip(plan: Plan) -> bytes:
    """A zip of a .zwo per bike and run workout (see `zwo_archive` for what is left out)."""
    return zwo_archive(plan)[0]


def export_plan(
    plan: Plan,
    export_format: str,
    *,
    plan_id: str | None = None,
    org_id: str | None = None,
    stamp: dt.datetime | None = None,
) -> ExportedFile:
    """The plan in `export_format` (ics, fit, zwo, icu or csv).

    `plan_id`, `org_id` and `stamp` only matter for iCalendar (see `to_ics`). Raises InvalidRequestError,
    naming the field, for an unknown format, a plan without workouts, or an undated plan as iCalendar.
    """
    chosen = check_format(export_format)
    if not plan.content:
        raise InvalidRequestError("the plan has no workouts to export", field="content")
    stem = plan_file_stem(plan)
    match chosen:
        case "ics":
            content = to_ics(plan, plan_id=plan_id, org_id=org_id, stamp=stamp)
            return ExportedFile(content, ICS_TYPE, f"{stem}.ics")
        case "fit":
            return ExportedFile(to_fit_zip(plan), ZIP_TYPE, f"{stem}-fit.zip")
        case "zwo":
            archive, skipped = zwo_archive(plan)
            return ExportedFile(archive, ZIP_TYPE, f"{stem}-zwift.zip", skipped)
        case "icu":
            return ExportedFile(to_icu_text(plan).encode(), TEXT_TYPE, f"{stem}-intervals-icu.txt")
        case "csv":
            return ExportedFile(to_csv(plan), CSV_TYPE, f"{stem}.csv")


def export_workout(
    workout: PlanWorkout,
    export_format: str,
    *,
    plan_id: str | None = None,
    org_id: str | None = None,
    stamp: dt.datetime | None = None,
) -> ExportedFile:
    """One workout in `export_format`: a single .ics event, .fit, .zwo, intervals.icu .txt or one-row .csv.

    Raises UnsupportedWorkoutError when the format cannot express the workout (a swim as .zwo).
    """
    chosen = check_format(export_format)
    stem = slug(workout.workout_name)
    alone = Plan(content=[workout], weekly_info={})
    match chosen:
        case "ics":
            content = to_ics(alone, plan_id=plan_id, org_id=org_id, stamp=stamp)
            return ExportedFile(content, ICS_TYPE, f"{stem}.ics")
        case "fit":
            return ExportedFile(workout_to_fit(workout), FIT_TYPE, f"{stem}.fit")
        case "zwo":
            return ExportedFile(workout_to_zwo(workout), ZWO_TYPE, f"{stem}.zwo")
        case "icu":
            return ExportedFile(workout_to_icu(workout).encode(), TEXT_TYPE, f"{stem}.txt")
        case "csv":
            return ExportedFile(to_csv(alone), CSV_TYPE, f"{stem}.csv")
