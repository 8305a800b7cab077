"""A week's body cut into (day, text) entries: one line per day, a paragraph, or a table with days as rows.

"Mon/Wed/Fri: easy 30 min" and "Tue & Thu: ..." give each named day the same text; a group that gives one length
per day ("Sat/Sun back-to-back: 2:30 and 1:30", "Sat/Sun back-to-back: Sat 2:30 …, Sun 1:30 …") gives each day its
own. "Sat: same as Tuesday" is that week's Tuesday. Summary lines ("Week 1 total: 7h25", "Week summary: …", "…
this week!"), notes lines ("Notes: … swap Tue/Wed …"), emoji ("😴", "🏊" = swim), a flattened nested list's marks
("b. Tuesday: …", "i. note") and lines wrapped by a PDF ("thres-" / "hold", "20 min at" / "tempo") are read as a
coach means them.
"""

from __future__ import annotations

import re
from typing import Final

from planforge.domain.vocabulary import Weekday
from planforge.drafttext.days import GROUPING, day_marks, day_referred, fold, shared_out
from planforge.drafttext.headerless import without_leading_date
from planforge.offline.parser.tables import rows_as_lines

# List bullets of word processors and exports ("●\tRest", "· Rest Day", "○ 2 km cool-down") and trailing emoji.
_BULLETS: Final = "•·●○◦▪▫■□►▸‣⁃➢➤✓✔"
_TRIM_START: Final = re.compile(rf"^[\s:.\-–—)*_|{_BULLETS}]+")
_END_CHARS: Final = rf"[\s,;.*_|\-–—{_BULLETS}\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F]"
_TRIM_END: Final = re.compile(rf"(?<!{_END_CHARS}){_END_CHARS}+$")  # a run is tried from its start only
# A day in prose: "Wednesday is a gym day: 40 minutes", "Saturday is free, and on Sunday go long": the verb before its
# session and the words that lead to the next day are no part of it.
_PROSE_START: Final = re.compile(r"^(?:is|are|brings|do)\s++(?=\S)")  # lower case: "Do" is German Thursday
_PROSE_END: Final = re.compile(r"(?<![\s,;])(?:[,;]\s*+|\s++)(?:and\s++)?on$", re.IGNORECASE)  # from a run's start
# A blank line after a day's text ends it: what follows is a note or a sign-off ("Good luck! 💪"), not that day.
_PARAGRAPH_END: Final = re.compile(r"\S\s*?\n[ \t]*\n")
# A footnote's own line ("¹ Easy: conversational pace", "[2] Tempo = …") ends the day above it too.
_FOOTNOTE_LINE: Final = re.compile(r"\n[ \t]*+(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]|\[\d{1,2}\]|[†‡§])")
# A week's summary line ("Weekly mileage: 18 mi", "Week 1 total: 7h25", "Week summary: Planned 5:40:00 · 41.50 km",
# "Wochenumfang: 45 km", and "Total: 15 mi" after a one-line last
# day) ends the day above it: it sums the week, it is no part of that day's session. A "Total 2,000 yds" closing a
# session written over several lines is that session's.
_WEEK_SUMMARY_LINE: Final = re.compile(
    r"\n[ \t*_\-•]*+(?:(?:week(?:ly)?|this week|week's)(?:[ \t]++\d{1,2})?[ \t]++"
    r"(?:total|summary|mileage|volume|distance|km|miles)|mileage"
    r"|wochenumfang|total semanal|kilometraje|volume settimanale|volume semanal|kilometrage)\b"
)
# A line that speaks of the whole week ("💯 moved for ~2h this week!", "deze week 5u") is no part of the day above.
_WEEK_REMARK_LINE: Final = re.compile(
    r"\n[^\n]*?\b(?:this week|diese woche|cette semaine|esta semana|questa settimana|deze week|denna vecka"
    r"|w tym tygodniu|nesta semana)\b"
)
_DIGIT: Final = re.compile(r"\d")
_TOTAL_LINE: Final = re.compile(r"\n[ \t*_\-•]*+(?:total|summe|gesamt|totale|totaal|razem|celkem|totalt)\b")
# A notes line ("Notes: … Swap Tue/Wed if the pool timetable changes.") names days but no day's session.
_NOTES_LINE: Final = re.compile(
    r"^[ \t*_\-•]*+(?:notes?|nb|n\.b\.|remarks?|comments?|tips?|hinweise?|remarques?|notas?)[ \t*_]*+:[^\n]*+",
    re.IGNORECASE | re.MULTILINE,
)
# A line wrapped by a PDF or a narrow column: a word hyphenated over the break ("thres-" / "hold pace") is one word;
# a line that ends inside a phrase ("20 min at" / "tempo (HMP …)", "… 6 x 800 m," / "400 m jog") goes on.
_HYPHENATED: Final = re.compile(r"(?<=[^\W\d_]{2})-[ \t]*+\n[ \t]*+(?=[^\W\d_A-Z])")
_WRAPPED: Final = re.compile(
    r"(?:(?<=,)|(?<=@)|(?<=\bat)|(?<=\bwith)|(?<=\bw/)|(?<=\band)|(?<=\bof)|(?<=\bto)|(?<=\bfor)|(?<=\bthe)"
    r"|(?<=\bincl\.)|(?<=\bincluding))[ \t]*+\n[ \t]*+(?=\S)"
)
# A flattened nested list ("b. Tuesday: easy run 5 km" / "i. conversational pace"): a roman item is a note on the day
# above (read in brackets, never a session), and the next item's mark ("c.") ends the day's text.
_NOTE_ITEM: Final = re.compile(r"\n[ \t]*+(?:i{1,3}|iv|vi{0,3}|ix|x)[.)][ \t]++(?P<note>[^\n]*)")
_NEXT_ITEM_MARK: Final = re.compile(r"\n[ \t]*+(?:[a-z]|\d{1,2})[.)][ \t]*+$")


# Footnote markers glued to a session's name: "Easy Run¹", "Tempo²", "Long ride†", "Intervals[2]", "Riders Choice1".
_FOOTNOTE: Final = re.compile(
    r"(?<=[^\W\d_])(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|[†‡§]+|\[\d{1,2}\]|\[[a-z]\])|\b(?P<word>[^\W\d_]{4,})(?P<mark>[1-9])(?=[\s,.;:)]|$)"
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


# An emoji that marks a sport stands for its word ("🏊 45'", "🧘 25'"); the others ("😴 rest", "🔥") are decoration.
_SPORT_EMOJI: Final = {
    "🏃": "run ", "🏊": "swim ", "🚴": "bike ", "🚲": "bike ", "🥾": "hike ", "🚶": "walk ", "🧘": "yoga ",
    "💪": "strength ", "🏋": "strength ", "🧱": "core ",
}  # fmt: skip
_EMOJI: Final = re.compile(r"[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D\u20E3]")
_KEYCAP: Final = re.compile(r"(\d)\uFE0F?\u20E3")  # "4️⃣ km": the digit 4


def _without_emoji(text: str) -> str:
    """`text` with sport emoji as words, keycap digits as digits, and other emoji taken out."""
    if not _EMOJI.search(text):
        return text
    text = _KEYCAP.sub(r"\1", text)
    marked = "".join(_SPORT_EMOJI.get(char, char) for char in text)
    return _EMOJI.sub("", marked)


def clean_session_text(text: str) -> str:
    """A day's text without the separators, markdown and emoji around it, and without footnote markers."""
    text = without_footnotes(_without_emoji(text.replace("**", "").replace("__", "")))
    text = _TRIM_END.sub("", _TRIM_START.sub("", text)).strip()
    return _PROSE_END.sub("", _PROSE_START.sub("", text, count=1), count=1)


def day_entries(body: str) -> list[tuple[Weekday, str]]:
    """Each day named in `body` with its text, in the order written; a day may appear more than once."""
    text = _NOTES_LINE.sub(lambda line: " " * len(line.group()), "\n".join(rows_as_lines(body.splitlines())))
    marks = day_marks(text)
    entries: list[tuple[Weekday, str]] = []
    waiting: list[Weekday] = []  # days grouped with the next one ("Mon/Wed/Fri: …")
    labels: dict[Weekday, str] = {}  # "Sat/Sun back-to-back: Sat 2:30 …, Sun 1:30 …": the group's label
    for index, (_, end, day) in enumerate(marks):
        stop = marks[index + 1][0] if index + 1 < len(marks) else len(text)
        between = text[end:stop]
        if index + 1 < len(marks) and GROUPING.match(between) and "\n" not in between:
            waiting.append(day)
            continue
        group_days: set[Weekday] = {*waiting, day}
        if waiting and _group_label(between, marks[index + 1 : index + 1 + len(group_days)], group_days):
            labels.update(dict.fromkeys([*waiting, day], clean_session_text(between)))
            waiting = []
            continue
        session = _day_text(between, last=index == len(marks) - 1)
        group: list[Weekday] = [*waiting, day]
        shared = shared_out(session, len(group)) or [session] * len(group)
        for named, own in zip(group, shared, strict=True):
            label = labels.get(named)
            entries.append((named, f"{label}: {own}" if label and own else own))
        waiting = []
    return _with_days_referred(entries)


def _day_text(between: str, *, last: bool) -> str:
    """One day's session text from the text after its name up to the next day's: what follows a blank line, a
    footnote or a summary line cut off, notes and wrapped lines joined, a date after the day name dropped."""
    if paragraph_end := _PARAGRAPH_END.search(between):
        between = between[: paragraph_end.start() + 1]
    if footnote := _FOOTNOTE_LINE.search(between):
        between = between[: footnote.start()]
    folded = fold(between)
    summary = _WEEK_SUMMARY_LINE.search(folded)
    if summary is None and last and (total := _TOTAL_LINE.search(folded)):
        summary = total if "\n" not in folded[: total.start()].strip() else None
    if summary is None and (remark := _WEEK_REMARK_LINE.search(folded)) and _DIGIT.search(folded, 0, remark.start()):
        summary = remark  # "💯 moved for ~2h this week!" under a day that has its length
    if summary is not None:
        between = between[: summary.start()]
    if "\n" in between:  # notes, item marks and wraps all stand at a line's break
        between = _NOTE_ITEM.sub(r" (\g<note>)", _NEXT_ITEM_MARK.sub("", between))
        between = _WRAPPED.sub(" ", _HYPHENATED.sub("", between))
    # "Tue 3/4: easy 5 mi", "Tuesday, March 3, 2026" over the session's lines
    return clean_session_text(without_leading_date(between.lstrip(" \t,;")))


def _with_days_referred(entries: list[tuple[Weekday, str]]) -> list[tuple[Weekday, str]]:
    """`entries` with each day that only refers to another day of the week given that day's text."""
    first: dict[Weekday, str] = {}
    for day, text in entries:
        first.setdefault(day, text)
    referred: list[tuple[Weekday, str]] = []
    for day, text in entries:
        named = day_referred(text)
        referred.append((day, first[named] if named and named != day and first.get(named) else text))
    return referred


def _group_label(between: str, following: list[tuple[int, int, Weekday]], group: set[Weekday]) -> bool:
    """Whether the text after a group of days ("Sat/Sun back-to-back:") only labels the entries that follow on
    its line for those same days ("Sat 2:30 trail, Sun 1:30 easy"): it states no length of its own. `following`:
    the day marks after it, as many as the group has days."""
    return (
        "\n" not in between
        and not any(char.isdigit() for char in between)
        and len(following) == len(group)
        and {day for _, _, day in following} == group
    )
