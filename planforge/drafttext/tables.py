"""Markdown and pipe tables of weeks, rewritten as week headers followed by one line per day.

Two layouts are read: rows are weeks and columns are days (`| Week | Mon | Tue | ... |`, with optional
focus or phase columns), and columns are weeks and rows are days (`| Day | Week 1 | Week 2 | ... |`).
Tables with days as rows inside a week are left alone: the parser reads those line by line. Spreadsheet
exports whose cells are separated by semicolons or tabs ("Week;Mon;Tue;...") are read like pipe tables, and sheets
with one row per session (a week and a day column) are read by `planforge.drafttext.session_rows`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from planforge.domain.vocabulary import Weekday
from planforge.drafttext.column_units import HEADER_UNIT, header_unit, with_unit
from planforge.drafttext.days import fold, weekday_named
from planforge.drafttext.session_rows import (
    aligned_rows,
    aligned_session_table,
    column_starts,
    session_columns,
    session_rows_as_weeks,
    sliced,
)

# Possessive quantifiers throughout: a row of spaces or dashes is read in one pass, never re-tried.
_SEPARATOR_ROW = re.compile(r"^\s*+\|?\s*+:?-{2,}+:?\s*+(?:\|\s*+:?-{2,}+:?\s*+)*+\|?\s*+$")
_WEEK_CELL = re.compile(  # matched against a folded cell
    r"^[\s*_]*+(?:weeks?|wks?|wochen?|semaines?|semanas?|tydzien|tyg|tyden|vecka|uge|uke|w|s)?\.?\s*+"
    r"(?P<first>\d{1,2})(?:\s*+(?:-|–|—|to|bis|à|a)\s*+(?P<last>\d{1,2}))?\b(?P<rest>.*)$"
)
_FOCUS_COLUMN = re.compile(r"focus|fokus|schwerpunkt|objectif|objetivo|theme|notes?|goal|ziel", re.IGNORECASE)
_PHASE_COLUMN = re.compile(r"phase|fase|block|periode|période", re.IGNORECASE)


def cells(line: str) -> list[str] | None:
    """The cells of a table row ("| a | b |" → ["a", "b"]), or None when the line is not a row."""
    if "|" not in line or _SEPARATOR_ROW.match(line):
        return None
    row = line.strip()
    row = row.removeprefix("|").removesuffix("|")
    return [cell.strip().strip("*_").strip() for cell in row.split("|")]


def _week_numbers(cell: str) -> list[int]:
    match = _WEEK_CELL.match(fold(cell))
    if match is None:
        return []
    first = int(match["first"])
    last = int(match["last"]) if match["last"] else first
    return list(range(first, last + 1)) if first <= last else []


def _week_lines(numbers: list[int], days: Iterable[tuple[Weekday, str]], focus: str, phase: str) -> list[str]:
    label = f"Weeks {numbers[0]}-{numbers[-1]}" if len(numbers) > 1 else f"Week {numbers[0]}"
    lines = [f"Phase: {phase}"] if phase else []
    lines.append(f"{label}: {focus}" if focus else label)
    lines += [f"- {day}: {session or 'Rest'}" for day, session in days]
    return lines


def _cell(row: list[str], index: int | None) -> str:
    return row[index] if index is not None and index < len(row) else ""


def _header_day(cell: str) -> Weekday | None:
    """The weekday a header cell names, a unit after it allowed ("Mon (min)")."""
    cell = cell.strip()
    unit = HEADER_UNIT.search(fold(cell))
    return weekday_named(cell) or (weekday_named(cell[: unit.start()]) if unit else None)


def _rows_are_weeks(header: list[str], rows: list[list[str]]) -> list[str] | None:
    day_columns: dict[int, Weekday] = {index: day for index, cell in enumerate(header) if (day := _header_day(cell))}
    if len(day_columns) < 3:
        return None
    table_unit = header_unit(header[0]) if header else None  # "Week (minutes)": every day column's numbers
    units = {index: header_unit(header[index]) or table_unit for index in day_columns}
    focus_column = next((i for i, cell in enumerate(header) if _FOCUS_COLUMN.search(cell)), None)
    phase_column = next((i for i, cell in enumerate(header) if _PHASE_COLUMN.search(cell)), None)
    out: list[str] = []
    last_phase = ""
    for row in rows:
        numbers = _week_numbers(row[0]) if row else []
        if not numbers:
            continue
        phase = _cell(row, phase_column)
        days: list[tuple[Weekday, str]] = [
            (day, with_unit(_cell(row, index), units[index])) for index, day in day_columns.items()
        ]
        out += _week_lines(numbers, days, _cell(row, focus_column), phase if phase != last_phase else "")
        last_phase = phase or last_phase
    return out or None


def _columns_are_weeks(header: list[str], rows: list[list[str]]) -> list[str] | None:
    week_columns = {index: numbers for index, cell in enumerate(header) if (numbers := _week_numbers(cell))}
    if len(week_columns) < 2 or 0 in week_columns:
        return None
    day_rows: list[tuple[Weekday, list[str]]] = [(day, row) for row in rows if row and (day := weekday_named(row[0]))]
    if len(day_rows) < 3:
        return None
    out: list[str] = []
    for index, numbers in week_columns.items():
        days: list[tuple[Weekday, str]] = [(day, row[index] if index < len(row) else "") for day, row in day_rows]
        out += _week_lines(numbers, days, "", "")
    return out


_MAX_ALIGNED_COLUMNS = 60
"""An aligned header with more cells than this is no table of weeks (and its rows are not cut)."""


def aligned_week_columns(lines: list[str], at: int) -> tuple[list[str] | None, int]:
    """Week headers and day lines for a table aligned with spaces whose columns are weeks and whose rows are days
    ("          WEEK 1        WEEK 2" over "Mon       rest          rest"), None when `lines[at]` heads none; and
    the index after the lines looked at (each line is read once)."""
    header_line = lines[at].expandtabs()
    if "|" in header_line or ";" in header_line:
        return None, at + 1
    starts = column_starts(header_line)
    if len(starts) > _MAX_ALIGNED_COLUMNS:
        return None, at + 1
    header = sliced(header_line, starts)
    if sum(1 for cell in header if _week_numbers(cell)) < 2:
        return None, at + 1
    rows, end = aligned_rows(lines, at + 1, starts)
    return _columns_are_weeks(header, rows), end


def _delimited_cells(line: str) -> list[str] | None:
    """The cells of a semicolon- or tab-separated row (at least four cells), or None."""
    for delimiter in (";", "\t"):
        if line.count(delimiter) >= 3:
            return [cell.strip().strip('"').strip() for cell in line.strip().split(delimiter)]
    return None


def _rewrite(table: list[str]) -> list[str]:
    rows = [row for line in table if (row := cells(line) or _delimited_cells(line)) is not None]
    if len(rows) < 2:
        return table
    header, body = rows[0], rows[1:]
    return (
        _rows_are_weeks(header, body)
        or _columns_are_weeks(header, body)
        or session_rows_as_weeks(header, body)
        or table
    )


def _starts_delimited_table(line: str) -> bool:
    """Whether a semicolon/tab row is a header naming three days, or a week and a day column (prose is not)."""
    row = _delimited_cells(line) or []
    return sum(1 for cell in row if weekday_named(cell)) >= 3 or session_columns(row) is not None


def expand_week_tables(lines: list[str]) -> list[str]:
    """`lines` with every table of weeks replaced by week headers and day lines; other lines unchanged."""
    out: list[str] = []
    table: list[str] = []
    padded = [*lines, ""]
    at = 0
    no_aligned_until = 0  # lines already looked at as an aligned table that was none
    while at < len(padded):
        line = padded[at]
        at += 1
        if not table and at > no_aligned_until:
            weeks, end = aligned_session_table(padded, at - 1)
            if weeks is None:
                weeks, columns_end = aligned_week_columns(padded, at - 1)
                end = columns_end if weeks is not None else max(end, columns_end)
            if weeks is not None:
                out += weeks
                at = end
                continue
            no_aligned_until = end
        if line.count("|") >= 2 or (_delimited_cells(line) and (table or _starts_delimited_table(line))):
            table.append(line)
            continue
        if table:
            out += _rewrite(table)
            table = []
        out.append(line)
    return out[:-1]
