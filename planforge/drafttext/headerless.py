"""Plans without week headers, read by their days: dated lines, numbered days, or weekdays in order.

- One line per calendar date ("Tue 7 Jul: easy 30'", "2024-03-05 – tempo"): Monday-to-Sunday weeks from the
  first date's week.
- One line per numbered day ("Day 9 – Tempo run"): days 1-7 are week 1; Day 1 is a Monday unless a weekday is
  named ("Day 1 (Wed)", "Day 1 is a Wednesday").
- Weekday names in order ("Mon rest, Tue easy 6k, ... Sun long 14k. Mon off, ..."): a new week starts each
  time the days go back in the week (Sunday, then Monday), as a coach writes one week after another.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import re
from dataclasses import dataclass
from typing import Final

from planforge.domain.vocabulary import WEEKDAYS, Weekday
from planforge.drafttext.days import day_marks, fold, weekday_named

# Plans without week headers: one line per calendar date ("Tue 7 Jul: easy 30'") or per numbered day ("Day 9 – …").
_MONTHS: Final[dict[str, int]] = {
    "jan": 1, "ene": 1, "gen": 1, "feb": 2, "fev": 2, "mar": 3, "apr": 4, "avr": 4, "abr": 4, "may": 5, "mai": 5,
    "mag": 5, "jun": 6, "juin": 6, "giu": 6, "jul": 7, "juil": 7, "lug": 7, "aug": 8, "aou": 8, "ago": 8, "sep": 9,
    "set": 9, "sept": 9, "oct": 10, "okt": 10, "out": 10, "ott": 10, "nov": 11, "dec": 12, "dez": 12, "dic": 12,
}  # fmt: skip
# Month names written out (EN, DE, FR, ES, PT, IT), so that "7 outdoors" is no date but "7 outubro" is.
_MONTH_NAMES: Final = frozenset(
    str.split(
        "january february march april may june july august september october november december januar februar marz "
        "juni juli oktober dezember janvier fevrier mars avril juin juillet aout septembre octobre novembre decembre "
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre janeiro fevereiro "
        "marco maio junho julho setembro outubro dezembro gennaio febbraio aprile maggio giugno luglio settembre "
        "ottobre dicembre"
    )
)
_MONTH = r"[a-z]{3,10}"
_DATE = (
    rf"(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\.?\s*(?:de\s+)?(?P<m1>{_MONTH})\.?"
    rf"|(?P<m2>{_MONTH})\.?\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b"
    r"|(?P<y3>\d{4})-(?P<m3>\d{1,2})-(?P<d3>\d{1,2})|(?P<d4>\d{1,2})[./](?P<m4>\d{1,2})\.?(?![\d:])(?!\s*(?:km|k|mi|m|min|h)\b))"
)
_DATED_LINE: Final = re.compile(
    rf"^[\s\-*•#>|_]*(?:(?P<named>[a-z]{{2,13}})\.?,?\s+)?{_DATE}(?:\s*\(?(?P<after>[a-z]{{2,13}})\.?\)?)?"
    r"[\s*_]*(?:[:\-–—|)]|(?=\s))"
)
_NUMBERED_LINE: Final = re.compile(
    r"^[\s\-*•#>|_]*(?:day|tag|jour|dia|giorno|dag)\s*(?P<number>\d{1,3})\b(?!\s*(?:=|is\b))[\s*_]*"
    r"(?:\(\s*(?P<named>[a-z]{2,13})\.?\s*\)|[,\s]+(?P<bare>[a-z]{2,13})\.?(?=\s*[:\-–—|]))?[\s*_]*[:\-–—.|)]?"
)
_DAY_ONE_NOTE: Final = re.compile(r"(?:day|tag|jour|dia)\s*1\s*(?:=|is(?: a)?|:|ist(?: ein)?|est(?: un)?)\s*([a-z]+)")
_YEAR: Final = re.compile(r"\b(?:19|20)\d\d\b")
_MIN_CALENDAR_DAYS: Final = 3
"""A plan is read by dates or day numbers only when at least this many lines carry one."""


@dataclass(frozen=True)
class CalendarDay:
    """A line of a plan without week headers that starts a day: its plan week, weekday and text after the date."""

    line: int
    week: int
    weekday: Weekday
    text: str


_LEADING_DATE: Final = re.compile(
    # "4/5 x 1 km" is no date; "March 3, 2026" carries its year
    rf"^[^\S\n]*+\(?{_DATE}(?![^\S\n]*+[x×*])\)?\.?(?:,?[^\S\n]*+(?:19|20)\d\d\b)?"
    r"[^\S\n]*+[:\-–—]?[^\S\n]*+"
)


# "3/3: rest", "(10.03.) – easy": a numeric date, day or month first, before a separator.
_LEADING_NUMBERS: Final = re.compile(
    r"^[^\S\n]*+\(?(?P<a>[0-3]?\d)[./](?P<b>[0-3]?\d)(?:[./](?:\d{4}|\d{2}))?\.?\)?[^\S\n]*+[:\-–—][^\S\n]*+"
)
_MONTHS_IN_A_YEAR: Final = 12


def without_leading_date(text: str) -> str:
    """A day's text without the date written after its weekday ("3/3: rest" → "rest", "2 March: easy 30 min" →
    "easy 30 min"); unchanged when it starts with no date."""
    folded = fold(text)
    if (numeric := _LEADING_NUMBERS.match(folded)) and min(int(numeric["a"]), int(numeric["b"])) <= _MONTHS_IN_A_YEAR:
        return text[numeric.end() :]
    match = _LEADING_DATE.match(folded)
    return text[match.end() :] if match is not None and _date(match, 2001) is not None else text


def _month(written: str) -> int | None:
    if written.isdigit():
        return int(written) if 1 <= int(written) <= 12 else None
    if written not in _MONTHS and written not in _MONTH_NAMES:
        return None
    return _MONTHS.get(written[:4]) or _MONTHS.get(written[:3])


def _date(match: re.Match[str], year: int, *, month_first: bool = False) -> dt.date | None:
    """The date a dated line's match writes; `month_first`: a numeric "3/5" is March 5 (US), not 3 May."""
    for day_group, month_group in (("d1", "m1"), ("d2", "m2"), ("d3", "m3"), ("d4", "m4")):
        if match[day_group]:
            day, month_written = match[day_group], match[month_group]
            if month_first and day_group == "d4" and _slashed(match):
                day, month_written = month_written, day
            month = _month(month_written)
            if month is None:
                return None
            with contextlib.suppress(ValueError):
                return dt.date(int(match["y3"] or year), month, int(day))
            return None
    return None


def _slashed(match: re.Match[str]) -> bool:
    return match.string[match.end("d4")] == "/"


_ANY_YEARS: Final = range(2024, 2031)
"""Seven years: every weekday a date can fall on. A plan that writes no year is read in the one that fits best."""


def _month_first(matches: list[re.Match[str]], year: int | None) -> bool:
    """Whether the plan's slashed dates ("3/5") put the month first: the order under which more of the weekdays
    written beside them ("Thu 3/5") fall on their date (in the year that fits best when none is written), or a
    second number above 12 ("3/17")."""
    if year is None:
        votes = [_order_votes(matches, candidate) for candidate in _ANY_YEARS]
        return max(votes, key=abs) > 0
    return _order_votes(matches, year) > 0


def _order_votes(matches: list[re.Match[str]], year: int) -> int:
    """Month-first votes minus day-first votes of the slashed dates in `year`."""
    votes = 0
    for match in matches:
        if not match["d4"] or not _slashed(match):
            continue  # "10.03.": a dotted date is day first
        if int(match["d4"]) > 12 or int(match["m4"]) > 12:
            votes += 1 if int(match["m4"]) > 12 else -1
            continue
        named = weekday_named(match["named"] or "") or weekday_named(match["after"] or "")
        if named is None:
            continue
        for month_first, vote in ((False, -1), (True, 1)):
            date = _date(match, year, month_first=month_first)
            if date is not None and WEEKDAYS[date.weekday()] == named:
                votes += vote
    return votes


def _dated_days(lines: list[str]) -> list[CalendarDay]:
    """Days of a plan written one line per date, grouped into Monday-to-Sunday weeks from the first date's."""
    year_found = _YEAR.search(fold("\n".join(lines)))
    year = int(year_found.group()) if year_found else 2001  # with weekday names any year orders the dates
    matches = [(index, match) for index, line in enumerate(lines) if (match := _DATED_LINE.match(fold(line)))]
    month_first = _month_first([match for _, match in matches], year if year_found else None)
    found: list[tuple[int, dt.date, Weekday, str]] = []
    for index, match in matches:
        date = _date(match, year, month_first=month_first)
        if date is None:
            continue
        after = weekday_named(match["after"] or "")
        named = weekday_named(match["named"] or "") or after
        if match["named"] and not weekday_named(match["named"]):
            continue  # "Run 5 km …": a word, not a weekday, before the number
        while found and date < found[-1][1] - dt.timedelta(days=180):  # the plan runs into the next year
            date = date.replace(year=date.year + 1)
        weekday = named or (WEEKDAYS[date.weekday()] if year_found or match["y3"] else None)
        # "15.03.  Long run 18 km": a word after the date that names no weekday begins the session
        text_start = match.end() if after or not match["after"] else match.start("after")
        if weekday is not None:
            found.append((index, date, weekday, lines[index][text_start:]))
    if not found:
        return []
    _, first_date, first_day, _ = found[0]
    monday = first_date - dt.timedelta(days=WEEKDAYS.index(first_day))
    return [CalendarDay(index, (date - monday).days // 7 + 1, day, text) for index, date, day, text in found]


def _numbered_days(lines: list[str]) -> list[CalendarDay]:
    """Days of a plan written "Day 1 … Day 14": days 1-7 are week 1; Day 1 is a Monday unless a weekday is named."""
    matches = [(index, match) for index, line in enumerate(lines) if (match := _NUMBERED_LINE.match(fold(line)))]
    note = _DAY_ONE_NOTE.search(fold("\n".join(lines)))
    first_day = weekday_named(note.group(1)) if note else None
    for _, match in matches:
        named = weekday_named(match["named"] or match["bare"] or "")
        if first_day is None and named is not None:
            first_day = WEEKDAYS[(WEEKDAYS.index(named) - int(match["number"]) + 1) % 7]
    offset = WEEKDAYS.index(first_day or "Monday")
    days: list[CalendarDay] = []
    for index, match in matches:
        number = int(match["number"])
        if number >= 1:
            weekday = WEEKDAYS[(number - 1 + offset) % 7]
            days.append(CalendarDay(index, (number - 1) // 7 + 1, weekday, lines[index][match.end() :]))
    return days


def calendar_days(lines: list[str]) -> list[CalendarDay]:
    """The day lines of a plan without week headers, dated or numbered, in the order written; [] if neither."""
    for days in (_dated_days(lines), _numbered_days(lines)):
        if len(days) >= _MIN_CALENDAR_DAYS:
            return days
    return []


_MIN_ORDERED_DAYS: Final = 2
"""A text without headers, dates or numbered days is read by its weekdays when it names at least this many."""
_DECORATION: Final = " \t-*•#>|_"


def weeks_by_weekday_order(text: str) -> list[str]:
    """The bodies of the weeks a text without headers writes one after another (see the module docstring);
    [] when it names fewer than two different weekdays."""
    marks = day_marks(text)
    if len({day for _, _, day in marks}) < _MIN_ORDERED_DAYS:
        return []
    cuts = [_line_start_before(text, marks[0][0])]
    previous = WEEKDAYS.index(marks[0][2])
    for start, _, day in marks[1:]:
        index = WEEKDAYS.index(day)
        if index < previous:
            cuts.append(_line_start_before(text, start))
        previous = index
    bounds = [*cuts, len(text)]
    return [text[start:end].strip("\n") for start, end in itertools.pairwise(bounds)]


def _line_start_before(text: str, position: int) -> int:
    """Where the line of a day mark starts when only list decoration stands before the mark, else the mark."""
    before = text[max(0, position - 20) : position]
    newline = before.rfind("\n")
    if newline >= 0 and not before[newline + 1 :].strip(_DECORATION):
        return position - len(before) + newline + 1
    return position
