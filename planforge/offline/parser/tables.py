"""Tables inside a week whose rows are days ("| Tue | Easy run | 45 min |") read as "Tue: Easy run, 45 min".

A line holding several days between pipes ("M: off | T: E 6mi | W: ...") is kept as it is: its day marks
cut it.

Tables whose rows or columns are weeks are rewritten earlier, by `planforge.drafttext.tables`.
"""

from __future__ import annotations

from planforge.drafttext.days import day_marks, weekday_named
from planforge.drafttext.tables import cells


def rows_as_lines(lines: list[str]) -> list[str]:
    """`lines` with each day row of a table as "Day: cell, cell"; header and separator rows dropped."""
    out: list[str] = []
    for line in lines:
        row = cells(line) if line.count("|") >= 2 else None
        if row is None:
            if "|" in line and set(line.strip()) <= set("|-: "):
                continue  # a table's separator row
            out.append(line)
            continue
        if row and weekday_named(row[0]):
            rest = ", ".join(cell for cell in row[1:] if cell)
            out.append(f"{row[0]}: {rest or 'Rest'}")
        elif len(day_marks(line)) >= 2:
            out.append(line)  # a whole week on one line, days between pipes ("M: off | T: easy 6 | ...")
    return out
