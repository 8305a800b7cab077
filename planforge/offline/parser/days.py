"""A week's body cut into (day, text) entries: one line per day, a paragraph, or a table with days as rows.

"Mon/Wed/Fri: easy 30 min" and "Tue & Thu: ..." give each named day the same text.
"""

from __future__ import annotations

import re
from typing import Final

from planforge.domain.vocabulary import Weekday
from planforge.drafttext.days import day_marks, fold
from planforge.drafttext.headerless import without_leading_date
from planforge.offline.parser.tables import rows_as_lines

# List bullets of word processors and exports ("●\tRest", "· Rest Day", "○ 2 km cool-down") and trailing emoji.
_BULLETS: Final = "•·●○◦▪▫■□►▸‣⁃➢➤✓✔"
_TRIM_START: Final = re.compile(rf"^[\s:.\-–—)*_|{_BULLETS}]+")
_END_CHARS: Final = rf"[\s,;.*_|\-–—{_BULLETS}\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F]"
_TRIM_END: Final = re.compile(rf"(?<!{_END_CHARS}){_END_CHARS}+$")  # a run is tried from its start only
# A blank line after a day's text ends it: what follows is a note or a sign-off ("Good luck! 💪"), not that day.
_PARAGRAPH_END: Final = re.compile(r"\S\s*?\n[ \t]*\n")
# A footnote's own line ("¹ Easy: conversational pace", "[2] Tempo = …") ends the day above it too.
_FOOTNOTE_LINE: Final = re.compile(r"\n[ \t]*+(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]|\[\d{1,2}\]|[†‡§])")
# A week's summary line ("Weekly mileage: 18 mi", "Wochenumfang: 45 km", and "Total: 15 mi" after a one-line last
# day) ends the day above it: it sums the week, it is no part of that day's session. A "Total 2,000 yds" closing a
# session written over several lines is that session's.
_WEEK_SUMMARY_LINE: Final = re.compile(
    r"\n[ \t*_\-•]*+(?:(?:week(?:ly)?|this week|week's)[ \t]++(?:total|mileage|volume|distance|km|miles)|mileage"
    r"|wochenumfang|total semanal|kilometraje|volume settimanale|volume semanal|kilometrage)\b"
)
_TOTAL_LINE: Final = re.compile(r"\n[ \t*_\-•]*+(?:total|summe|gesamt|totale|totaal|razem|celkem|totalt)\b")
_GROUPING: Final = re.compile(r"^\s*+(?:/|&|,|\+|and|und|et|y|e|i|og|a)?\s*+$", re.IGNORECASE)


# Footnote markers glued to a session's name: "Easy Run¹", "Tempo²", "Long ride†", "Intervals[2]", "Riders Choice1".
_FOOTNOTE: Final = re.compile(
    r"(?<=[^\W\d_])(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|[†‡§]+|\[\d{1,2}\])|\b(?P<word>[^\W\d_]{4,})(?P<mark>[1-9])(?=[\s,.;:)]|$)"
)
# Words a number rightly follows without a space ("Zone2", "Week3", "Set2"): no footnote.
_NUMBERED_WORDS: Final = frozenset(
    {"zone", "level", "week", "woche", "semaine", "day", "days", "tag", "jour", "set", "sets", "rep", "reps", "round",
     "rounds", "phase", "block", "step", "stage", "lap", "laps", "serie", "series", "satz", "tempo", "stufe"}
)  # fmt: skip


def without_footnotes(text: str) -> str:
    """`text` without footnote markers glued to words (see `_FOOTNOTE`)."""

    def unmarked(match: re.Match[str]) -> str:
        word = match["word"]
        if word is None:
            return ""
        return match.group() if word.lower() in _NUMBERED_WORDS else word

    return _FOOTNOTE.sub(unmarked, text)


def clean_session_text(text: str) -> str:
    """A day's text without the separators and markdown around it, and without footnote markers."""
    text = without_footnotes(text.replace("**", "").replace("__", ""))
    return _TRIM_END.sub("", _TRIM_START.sub("", text)).strip()


def day_entries(body: str) -> list[tuple[Weekday, str]]:
    """Each day named in `body` with its text, in the order written; a day may appear more than once."""
    text = "\n".join(rows_as_lines(body.splitlines()))
    marks = day_marks(text)
    entries: list[tuple[Weekday, str]] = []
    waiting: list[Weekday] = []  # days grouped with the next one ("Mon/Wed/Fri: …")
    for index, (_, end, day) in enumerate(marks):
        stop = marks[index + 1][0] if index + 1 < len(marks) else len(text)
        between = text[end:stop]
        if index + 1 < len(marks) and _GROUPING.match(between) and "\n" not in between:
            waiting.append(day)
            continue
        if paragraph_end := _PARAGRAPH_END.search(between):
            between = between[: paragraph_end.start() + 1]
        if footnote := _FOOTNOTE_LINE.search(between):
            between = between[: footnote.start()]
        folded = fold(between)
        summary = _WEEK_SUMMARY_LINE.search(folded)
        if summary is None and index == len(marks) - 1 and (total := _TOTAL_LINE.search(folded)):
            summary = total if "\n" not in folded[: total.start()].strip() else None
        if summary is not None:
            between = between[: summary.start()]
        session = clean_session_text(without_leading_date(between))  # "Tue 3/4: easy 5 mi"
        group: list[Weekday] = [*waiting, day]
        for named in group:
            entries.append((named, session))
        waiting = []
    return entries
