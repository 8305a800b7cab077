"""Plans out of planforge: calendar, watch, trainer and spreadsheet exports of a `Plan` or one workout.

    from planforge.export import export_plan
    exported = export_plan(plan, "ics")          # ExportedFile(content, media_type, filename, skipped)
    Path(exported.filename).write_bytes(exported.content)

Per format: `to_ics` (iCalendar), `to_fit_zip` / `workout_to_fit` (Garmin FIT workouts), `to_zwo_zip` /
`workout_to_zwo` (Zwift), `to_icu_text` / `workout_to_icu` (intervals.icu workout text), `to_csv`.
"""

from planforge.export.errors import UnsupportedWorkoutError
from planforge.export.fit import workout_to_fit
from planforge.export.formats import (
    EXPORT_FORMATS,
    ExportedFile,
    ExportFormat,
    SkippedWorkout,
    check_format,
    export_plan,
    export_workout,
    to_fit_zip,
    to_zwo_zip,
    zwo_archive,
)
from planforge.export.ical import to_ics
from planforge.export.icu_text import to_icu_text, workout_to_icu
from planforge.export.plan_csv import to_csv
from planforge.export.zwift import workout_to_zwo

__all__ = [
    "EXPORT_FORMATS",
    "ExportFormat",
    "ExportedFile",
    "SkippedWorkout",
    "UnsupportedWorkoutError",
    "check_format",
    "export_plan",
    "export_workout",
    "to_csv",
    "to_fit_zip",
    "to_ics",
    "to_icu_text",
    "to_zwo_zip",
    "workout_to_fit",
    "workout_to_icu",
    "workout_to_zwo",
    "zwo_archive",
]
