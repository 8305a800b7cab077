"""Weeks that repeat another: "Week 3: same as week 2", "Repeat week 1", "Wie Woche 1", "Igual que la semana 2".

Such a week names no day of its own. It is given the days of the week it names (written earlier in the plan), so
every reader of the draft (the parser, a model converting a chunk of weeks) sees them, after its own words, so that
what the coach adds ("but add 5 min to each run") stays in view.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Final

from planforge.domain.chunk import WeekText
from planforge.drafttext.days import day_marks, fold

_REPEAT: Final = re.compile(
    r"^\W*+(?:same as|repeat(?:s)?|as in|as|like|copy|wie|wie in|gleich wie|comme|comme la|comme en|igual que"
    r"|igual a|como|como la|como en|come|come la|zelfde als|jak w|som|samme som|stejne jako)"
    r"\s++(?:the\s+|la\s+|der\s+)?(?:week|wk|woche|semaine|semana|settimana|tydzien|vecka|uge|uke|tyden)"
    r"\s*+(?P<number>\d{1,2})\b"
)


def _repeated(week: WeekText) -> int | None:
    """The number of the week `week` repeats ("Week 3: same as week 2" → 2), or None."""
    if day_marks(week.body):
        return None
    for text in (week.focus or "", week.body):
        match = _REPEAT.match(fold(text.strip()))
        if match is not None and int(match["number"]) != week.week:
            return int(match["number"])
    return None


def with_repeats_copied(weeks: list[WeekText]) -> list[WeekText]:
    """`weeks`, each one that repeats an earlier week given that week's days (see the module docstring)."""
    bodies: dict[int, str] = {}
    out: list[WeekText] = []
    for week in weeks:
        source = _repeated(week)
        if source in bodies:
            own = week.body.strip()
            week = replace(week, body=f"{own}\n{bodies[source]}" if own else bodies[source])
        bodies.setdefault(week.week, week.body)
        out.append(week)
    return out
