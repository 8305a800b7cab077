"""Spreadsheets with one row per session, rewritten as week headers followed by one line per session.

A coach's sheet often has a week column and a day column, then the session's cells: `Wk | Day | Workout |
Distance (mi) | Notes`. Such rows come pasted as tab- or semicolon-separated text, as pipe tables, or as columns
aligned with spaces (the header's words mark where each column starts). A unit in a column's header ("Duration
(min)", "Distance (km)") is given to that column's bare numbers. A row without a week number keeps the week of
the row above it, and one with an empty day cell (a merged cell) the day above; two rows on one day give two
sessions on that day, in row order. An empty session cell beside a length repeats the session above ("| | Wed | |
40 min |"), and a length column beside a session that lists its steps ("Tempo 3 x 10 min" | "50 min") is the
session's total.
"""

from __future__ import annotations

import re
from typing import Final

from planforge.domain.vocabulary import Weekday
from planforge.drafttext.column_units import header_unit, with_unit
from planforge.drafttext.days import fold, weekday_named

_WEEK_COLUMN: Final = re.compile(
    r"^(?:weeks?|wks?|woche|semaine|semana|settimana|tydzien|tyden|vecka|uge|uke|w)\.?\s*+(?:#|no\.?|nr\.?)?$"
)
_DAY_COLUMN: Final = re.compile(r"^(?:days?|weekday|tag|wochentag|jour|dia|giorno|dag|dzien|den|veckodag|ugedag)$")
_NOTES_COLUMN: Final = re.compile(r"notes?|comments?|details?|pace|bemerk|notiz|remarques?|notas?|uwagi|anteckn")
_WEEK_NUMBER: Final = re.compile(r"^\D{0,12}?(\d{1,2})\b")
# Columns whose cells are the session's length, each with its unit: "Time", "Duration", "Distance".
_LENGTH_COLUMN: Final = re.compile(
    r"^(?:time|duration|dauer|zeit|tiempo|duracion|duree|temps|durata|tid|czas|cas|distance|distanz|distancia|dist"
    r"|length|volume|umfang)\b"
)
_REPETITION: Final = re.compile(r"\d\s*+[x×*]\s*+\d")
# Aligned columns: two or more spaces between cells, or a tab.
_GAP: Final = re.compile(r" {2,}+|\t")
DASH_ROW: Final = re.compile(r"^[\s\-–—=+|:]*+$")


def session_columns(header: list[str]) -> tuple[int, int] | None:
    """The indexes of the week and day columns of a header row (`["Wk", "Day", ...]` → (0, 1)), or None."""
    folded = [fold(cell).strip().strip("*_").strip() for cell in header]
    week = next((i for i, cell in enumerate(folded) if _WEEK_COLUMN.match(cell)), None)
    day = next((i for i, cell in enumerate(folded) if _DAY_COLUMN.match(cell)), None)
    return None if week is None or day is None or week == day else (week, day)


def _session_text(row: list[str], header: list[str], skip: tuple[int, int]) -> str:
    parts: list[str] = []
    notes: list[str] = []
    measured: list[int] = []  # the parts that a unit or length column gave
    for index, cell in enumerate(row):
        if index in skip or not cell.strip():
            continue
        title = header[index] if index < len(header) else ""
        unit = header_unit(title)
        if _NOTES_COLUMN.search(fold(title)) and unit is None:
            notes.append(cell.strip())
            continue
        if unit is not None or _LENGTH_COLUMN.match(fold(title).strip()):
            measured.append(len(parts))
        parts.append(with_unit(cell.strip(), unit))
    steps = notes or any(_REPETITION.search(part) for index, part in enumerate(parts) if index not in measured)
    if steps and len(measured) == 1:  # the sheet's column is the session's length, whatever sets the steps list
        parts[measured[0]] += " total"
    text = " ".join(parts)
    if notes:
        text = f"{text} ({'; '.join(notes)})" if text else "; ".join(notes)
    return text or "Rest"


def _merged_cells_filled(row: list[str], above: list[str], header: list[str], skip: tuple[int, int]) -> list[str]:
    """`row` with an empty session cell (the first one that is no length, unit or notes column) taken from the row
    above, when the row has a length of its own: a merged cell pasted as empty ("| | Wed | | 40 min |")."""
    for index, title in enumerate(header):
        folded = fold(title).strip()
        if index in skip or header_unit(title) or _LENGTH_COLUMN.match(folded) or _NOTES_COLUMN.search(folded):
            continue
        if index < len(row) and not row[index].strip() and index < len(above) and any(row):
            return [*row[:index], above[index], *row[index + 1 :]]
        return row
    return row


def session_rows_as_weeks(header: list[str], rows: list[list[str]]) -> list[str] | None:
    """Week headers and day lines for a table with one row per session, or None when it is not one."""
    columns = session_columns(header)
    if columns is None:
        return None
    week_index, day_index = columns
    weeks: dict[int, list[str]] = {}
    week: int | None = None
    day: Weekday | None = None
    above: list[str] = []
    for row in rows:
        week_cell = row[week_index] if week_index < len(row) else ""
        if number := _WEEK_NUMBER.match(week_cell.strip()):
            week = int(number[1])
        day_cell = row[day_index].strip() if day_index < len(row) else ""
        day = weekday_named(day_cell) if day_cell else day  # an empty (merged) day cell: the day above
        if week is None or day is None:
            continue
        row = _merged_cells_filled(row, above, header, columns)
        above = row
        weeks.setdefault(week, []).append(f"- {day}: {_session_text(row, header, columns)}")
    if sum(len(lines) for lines in weeks.values()) < 3:
        return None
    return [line for number, lines in weeks.items() for line in (f"Week {number}", *lines)]


def column_starts(header: str) -> list[int]:
    """Where each cell of an aligned header starts: the line's start and every end of a gap of spaces."""
    stripped = header.rstrip()
    return [0, *(gap.end() for gap in _GAP.finditer(stripped) if gap.end() < len(stripped))]


def aligned_rows(lines: list[str], start: int, starts: list[int]) -> tuple[list[list[str]], int]:
    """The cells of the aligned rows from `start` up to the first blank line (dash rows skipped), and where the
    table ends."""
    rows: list[list[str]] = []
    end = start
    while end < len(lines) and lines[end].strip():
        if not DASH_ROW.match(lines[end]):
            rows.append(sliced(lines[end].expandtabs(), starts))
        end += 1
    return rows, end


def sliced(line: str, starts: list[int]) -> list[str]:
    """A row cut at the header's column starts; a cut inside a word moves left to the word's start."""
    cuts: list[int] = []
    for start in starts[1:]:
        cut = min(start, len(line))
        while 0 < cut < len(line) and not line[cut - 1].isspace() and not line[cut].isspace():
            cut -= 1
        cuts.append(max(cut, cuts[-1] if cuts else 0))
    bounds = [0, *cuts, len(line)]
    return [line[bounds[i] : bounds[i + 1]].strip() for i in range(len(bounds) - 1)]


def aligned_session_table(lines: list[str], at: int) -> tuple[list[str] | None, int]:
    """The week lines of an aligned session table whose header is `lines[at]` (None when it is none), and the
    index after the lines looked at: no header before that index starts a table either, so each line is read once."""
    header_line = lines[at]
    if "|" in header_line or "\t" in header_line or ";" in header_line:
        return None, at + 1
    header = [cell.strip() for cell in _GAP.split(header_line.strip())]
    if len(header) < 3 or session_columns(header) is None:
        return None, at + 1
    starts = column_starts(header_line.expandtabs())
    indent = len(header_line) - len(header_line.lstrip())
    starts[0] = indent
    rows, end = aligned_rows(lines, at + 1, starts)
    return session_rows_as_weeks(header, rows), end
