"""Units a table's header gives its column's bare numbers ("Duration (min)", "Distance [km]", "Miles"), and the
clock form it declares ("duration (h:mm)": "0:40" is 40 minutes, whatever the session's steps)."""

from __future__ import annotations

import re
from typing import Final

from planforge.drafttext.days import fold

# A unit a header gives its column's numbers: "Mon (min)", "Duration [min]", "Distance (km)", "Miles", "Minutes".
_UNIT_WORD = (
    r"(?P<unit>minutes?|mins?|minuten|minutos|minut\w*|km|kms|kilomet\w*|miles?|mi|hours?|hrs?|h|stunden|heures|horas)"
)
HEADER_UNIT: Final = re.compile(  # "(min)", "[km]", ", miles", "/ min", or a cell that is only a unit word
    rf"(?:[(\[]\s*+(?:in\s+)?{_UNIT_WORD}\s*+[)\]]|[,/]\s*+{_UNIT_WORD.replace('unit', 'unit2')}"
    r"|^(?P<unit3>minutes|minuten|minutos|mins|min|miles|km|kilometers|kilometres|hours|stunden))\s*+$"
)
_UNITS: Final[dict[str, str]] = {"min": "min", "km": "km", "kil": "km", "mi": "mi", "h": "h", "st": "h"}
# A number its cell leaves without a unit: not glued to a word, no unit, pace or repetition sign after it.
_BARE_NUMBER: Final = re.compile(
    r"(?<![\w.,:/×*@+'’\-–])\d+(?:[.,]\d+)?(?:\s*+[-–]\s*+\d+(?:[.,]\d+)?)?"
    r"(?![\w.,'\"’′%:/×*]|\s*+(?:[x×*]|[a-z]|['\"’′]))"
)


_HOURS_MINUTES_HEADER: Final = re.compile(r"\bh{1,2}\s*+:\s*+mm\b")
_HOURS_MINUTES: Final = re.compile(r"(?<![\d:.,])(\d{1,2}):([0-5]\d)(?![\d:])")


def header_unit(cell: str) -> str | None:
    """The unit a header cell gives its column ("Tue (min)" → "min", "Distance [km]" → "km", "Time (h:mm)" →
    "h:mm"), or None."""
    if _HOURS_MINUTES_HEADER.search(fold(cell)):
        return "h:mm"
    match = HEADER_UNIT.search(fold(cell).strip())
    if match is None:
        return None
    unit = match["unit"] or match["unit2"] or match["unit3"]
    return next((short for start, short in _UNITS.items() if unit.startswith(start)), None)


def with_unit(cell: str, unit: str | None) -> str:
    """`cell` with `unit` after each number that has none ("45" → "45 min", "Tempo 30" → "Tempo 30 min"); in an
    h:mm column, "0:40" → "40 min"."""
    if unit == "h:mm":
        return _HOURS_MINUTES.sub(lambda match: f"{int(match[1]) * 60 + int(match[2])} min", cell)
    return cell if unit is None else _BARE_NUMBER.sub(lambda number: f"{number.group()} {unit}", cell)
