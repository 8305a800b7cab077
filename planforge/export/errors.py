"""The one export-specific error: a workout that a format cannot express."""

from __future__ import annotations

from planforge.exceptions import InvalidRequestError


class UnsupportedWorkoutError(InvalidRequestError):
    """A workout that `export_format` cannot express (e.g. a swim as a Zwift file); `field` names the cause."""

    def __init__(self, export_format: str, reason: str, *, field: str) -> None:
        super().__init__(f"cannot be written as {export_format}: {reason}", field=field)
        self.export_format = export_format
        self.reason = reason
