"""Clock times in a day's text, which say when a session starts and never how long it is.

A 12-hour time ("6:00 am", "5pm", "6:30am", "6:00 a.m.", "leave by 5:15am") becomes the AM or PM mark it stands
for, so "6am easy 10 km + 5pm easy 6 km" reads as two sessions of 10 and 6 km, not one of six hours; "12 noon" and
"noon" go. A 24-hour time with a two-digit hour ("18:30 track", "Sun 08:30 long run 14 km", "~10:45", "done by
20:00") goes when it opens a session or follows a word that places it in the day ("at", "by", "from", "until",
"meet"): a length written h:mm ("1:30 long run", "0:45 easy") has a one-digit hour, or a unit after it.
Time marks written after their sessions in brackets ("GA 9 (AM) · Rec 4 (PM)") move before them ("AM: GA 9 / PM:
Rec 4"), where the splitter reads a day's next session.
"""

from __future__ import annotations

import re
from typing import Final

_TWELVE_HOUR: Final = re.compile(
    r"(?<![\d:.,])(?:1[0-2]|0?[1-9])(?:[:.][0-5]\d)?[^\S\n]*+(?P<half>[ap])\.?m\b\.?", re.IGNORECASE
)
_NOON: Final = re.compile(r"(?<![\w:])(?:12[^\S\n]*+)?(?:noon|midday)\b[^\S\n]*+", re.IGNORECASE)
# A two-digit hour: "08:30", "18:30"; not "1:30" (a length) and not "10:00 min" (a unit follows).
_CLOCK: Final = r"(?:[01]\d|2[0-3])[:.][0-5]\d(?![\d:.,]|[^\S\n]*+(?:h\b|hrs?\b|hours?\b|min|'|’|/))"
_OPENING_CLOCK: Final = re.compile(rf"^(?P<lead>[\W_]*?)~?{_CLOCK}[^\S\n]*+")
_PLACED_CLOCK: Final = re.compile(
    rf"(?P<lead>\b(?:at|by|from|until|till|meet|after|before|um|ab|bis|vers|a las|alle)[^\S\n]++)~?{_CLOCK}"
    rf"|(?<![\w:.])~{_CLOCK}",
    re.IGNORECASE,
)


_BRACKETED_MARK: Final = re.compile(r"[^\S\n]*+\((?P<mark>am|pm)\)", re.IGNORECASE)
_LEADING_JOINT: Final = re.compile(r"^[\s·•|/;,+]++")


def with_marks_first(text: str) -> str:
    """`text` with each bracketed AM/PM mark before the session it follows, when it has two or more of them."""
    marks = list(_BRACKETED_MARK.finditer(text))
    if len(marks) < 2:
        return text
    parts: list[str] = []
    start = 0
    for mark in marks:
        session = _LEADING_JOINT.sub("", text[start : mark.start()])
        parts.append(f"{mark['mark'].upper()}: {session}")
        start = mark.end()
    rest = _LEADING_JOINT.sub("", text[start:])
    return " / ".join([*parts, rest] if rest.strip() else parts)


def without_clock_times(text: str) -> str:
    """`text` with its clock times read as start times (see the module docstring), its lengths left alone."""
    text = with_marks_first(text)
    text = _TWELVE_HOUR.sub(lambda match: "PM" if match["half"].lower() == "p" else "AM", text)
    text = _NOON.sub("", text)
    text = _OPENING_CLOCK.sub(lambda match: match["lead"], text, count=1)
    return _PLACED_CLOCK.sub(lambda match: (match["lead"] or "").rstrip(), text)
