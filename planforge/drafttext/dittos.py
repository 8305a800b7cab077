"""Ditto marks in a pasted table: a cell that only says "as above" repeats the cell above it.

A sheet's merged cells often paste as ditto marks: `〃`, `"`, `''`, `do.`, `ditto`, `same`, `idem`. In a run of
`|`-separated rows with the same number of cells, such a cell takes the text of the cell above it in that column
(itself resolved first), so "| 〃 | Thu | Easy run | 40 min |" continues the week above and "| " | " | Core |
15 min |" is a second session on the same day. A ditto with nothing above it is left as written.
"""

from __future__ import annotations

import re
from typing import Final

_DITTO: Final = re.compile(r"^\s*+(?:〃|\"|''|”|“|do\.?|ditto|same|idem)\s*+$", re.IGNORECASE)


def _cells(line: str) -> list[str] | None:
    stripped = line.strip()
    if not stripped.startswith("|") or stripped.count("|") < 3:
        return None
    return stripped.strip("|").split("|")


def with_dittos_filled(lines: list[str]) -> list[str]:
    """`lines` with every ditto cell of a table replaced by the cell above it; other lines unchanged."""
    out: list[str] = []
    above: list[str] | None = None
    for line in lines:
        cells = _cells(line)
        if cells is None or above is None or len(cells) != len(above):
            above = cells
            out.append(line)
            continue
        if not any(_DITTO.match(cell) for cell in cells):
            above = cells
            out.append(line)
            continue
        filled = [above[index] if _DITTO.match(cell) else cell for index, cell in enumerate(cells)]
        above = filled
        out.append("|" + "|".join(filled) + "|")
    return out
