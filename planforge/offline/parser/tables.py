"""Tables inside a week whose rows are days ("| Tue | Easy run | 45 min |") read as "Tue: Easy run, 45 min".

A unit in a column's header ("| Day | Session | Duration (min) | Distance (km) |") goes after that column's bare
numbers ("| Tue | Easy | 45 | |" → "Tue: Easy, 45 min").

A line holding several days between pipes ("M: off | T: E 6mi | W: ...") is kept as it is: its day marks
cut it.

Tables whose rows or columns are weeks are rewritten earlier, by `planforge.drafttext.tables`.
"""

from __future__ import annotations

from planforge.drafttext.days import day_marks, weekday_named
from planforge.drafttext.tables import cells, header_unit, with_unit


def rows_as_lines(lines: list[str]) -> list[str]:
    """`lines` with each day row of a table as "Day: cell, cell"; header and separator rows dropped."""
    out: list[str] = []
    units: dict[int, str | None] = {}
    for line in lines:
        row = cells(line) if line.count("|") >= 2 else None
        if row is None:
            if "|" in line and set(line.strip()) <= set("|-: "):
                continue  # a table's separator row
            out.append(line)
            continue
        if row and weekday_named(row[0]):
            rest = ", ".join(with_unit(cell, units.get(index)) for index, cell in enumerate(row) if index and cell)
            out.append(f"{row[0]}: {rest or 'Rest'}")
        elif len(day_marks(line)) >= 2:
            out.append(line)  # a whole week on one line, days between pipes ("M: off | T: E 6mi | W: ...")
        else:
            units = {index: header_unit(cell) for index, cell in enumerate(row)}  # a header row
    return out
