"""Tables inside a week whose rows are days ("| Tue | Easy run | 45 min |") read as "Tue: Easy run, 45 min".

A unit in a column's header ("| Day | Session | Duration (min) | Distance (km) |") goes after that column's bare
numbers ("| Tue | Easy | 45 | |" → "Tue: Easy, 45 min"); a sport in a column's header goes before its cells ("| Day |
Swim | Bike | Run |" over "| Tue | – | 1h | 30 min |" → "Tue: Bike 1h, Run 30 min").

A line holding several days between pipes ("M: off | T: E 6mi | W: ...") is kept as it is: its day marks
cut it; so is a day's line whose pipes part its items ("Sun: Duration: 45:00 | Distance: 8 km | Easy").

Tables whose rows or columns are weeks are rewritten earlier, by `planforge.drafttext.tables`.
"""

from __future__ import annotations

from planforge.drafttext.days import day_marks, fold, weekday_named
from planforge.drafttext.tables import cells, header_unit, with_unit
from planforge.offline.parser.classify import sport_named


def _in_column(cell: str, unit: str | None, sport: str | None) -> str:
    """A cell with its column's unit after its bare numbers and its column's sport before it ("| Swim |" over
    "2000 m" → "Swim 2000 m"), unless the cell names a sport itself."""
    cell = with_unit(cell, unit)
    if sport is None or sport_named(fold(cell), by_default=False) is not None:
        return cell
    return f"{sport} {cell}"


def _sport_column(cell: str) -> str | None:
    """A header cell's words when they name a sport ("Swim", "Rad", "Bike (h)"), else None."""
    return cell if sport_named(fold(cell), by_default=False) is not None else None


def rows_as_lines(lines: list[str]) -> list[str]:
    """`lines` with each day row of a table as "Day: cell, cell"; header and separator rows dropped."""
    out: list[str] = []
    units: dict[int, str | None] = {}
    sports: dict[int, str | None] = {}
    for line in lines:
        row = cells(line) if line.count("|") >= 2 else None
        if row is None:
            if "|" in line and set(line.strip()) <= set("|-: "):
                continue  # a table's separator row
            out.append(line)
            continue
        if row and weekday_named(row[0]):
            rest = ", ".join(
                _in_column(cell, units.get(index), sports.get(index))
                for index, cell in enumerate(row)
                if index and cell.strip(" -–—")  # "–": nothing in that column
            )
            out.append(f"{row[0]}: {rest or 'Rest'}")
        elif day_marks(line):
            # a whole week on one line, days between pipes ("M: off | T: E 6mi | W: ..."), or one day's items
            # ("Sun: Duration: 45:00 | Distance: 8 km | Easy")
            out.append(line)
        else:
            units = {index: header_unit(cell) for index, cell in enumerate(row)}  # a header row
            sports = {index: _sport_column(cell) for index, cell in enumerate(row)}
    return out
