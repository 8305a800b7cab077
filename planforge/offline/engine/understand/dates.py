"""Dates and finishing times in the request: "Sunday 14 June 2026", "am Sonntag, 18. Oktober", "el domingo 29 de
marzo de 2026", "this Saturday (12 Sept)", "2026-06-14"; "sub-4", "unter 3:30", "sous les 42 minutes".

A date without a year takes the first year that puts it on or after the plan's start (or the year another date of
the request names).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import dataclass
from typing import Final

_MONTHS: Final[dict[str, int]] = {
    "january": 1, "jan": 1, "januar": 1, "janvier": 1, "enero": 1, "gennaio": 1, "janeiro": 1, "januari": 1,
    "february": 2, "feb": 2, "februar": 2, "fevrier": 2, "febrero": 2, "febbraio": 2, "fevereiro": 2, "februari": 2,
    "march": 3, "mar": 3, "marz": 3, "maerz": 3, "mars": 3, "marzo": 3, "marco": 3, "maart": 3,
    "april": 4, "apr": 4, "avril": 4, "abril": 4, "aprile": 4,
    "may": 5, "mai": 5, "mayo": 5, "maggio": 5, "maio": 5, "mei": 5,
    "june": 6, "jun": 6, "juni": 6, "juin": 6, "junio": 6, "giugno": 6, "junho": 6,
    "july": 7, "jul": 7, "juli": 7, "juillet": 7, "julio": 7, "luglio": 7, "julho": 7,
    "august": 8, "aug": 8, "aout": 8, "agosto": 8, "augustus": 8,
    "september": 9, "sep": 9, "sept": 9, "septembre": 9, "septiembre": 9, "settembre": 9, "setembro": 9,
    "october": 10, "oct": 10, "oktober": 10, "octobre": 10, "octubre": 10, "ottobre": 10, "outubro": 10,
    "november": 11, "nov": 11, "novembre": 11, "noviembre": 11, "novembro": 11,
    "december": 12, "dec": 12, "dezember": 12, "decembre": 12, "diciembre": 12, "dicembre": 12, "dezembro": 12,
}  # fmt: skip
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
DATE: Final = re.compile(
    rf"\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th|er|º)?\.?\s*(?:de\s+|di\s+)?(?P<m1>{_MONTH})\b\.?(?:,?\s*(?:de\s+)?(?P<y1>\d{{4}}))?"
    rf"|\b(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s*(?P<y2>\d{{4}}))?"
    r"|\b(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})\b"
    r"|(?<![\d.,/-])(?P<d4>\d{1,2})(?P<sep>[./-])(?P<m4>\d{1,2})(?P=sep)(?P<y4>20\d{2})\b"
    r"|(?<![\d.,/-])(?P<d5>\d{1,2})\.(?P<m5>\d{1,2})\.(?=\s|$|,|\))"
)
"""A calendar date in any of the seven languages: "14 June 2026", "June 14", "2026-06-14", "13-06-2027",
"09.05.2027", "31/10/2027", "9.5." (day first, as Europe writes it)."""
_YEAR: Final = re.compile(r"\b20[2-9]\d\b")


@dataclass(frozen=True)
class DateMention:
    """A date the request names, where it stands, and the date it is (None when its year cannot be known)."""

    start: int
    end: int
    month: int
    day: int
    year: int | None
    other_order: tuple[int, int] | None = None
    """(month, day) read the other way round, when both parts of a numeric date could be the month
    ("05/12/2027": 5 December, or 12 May the American way)."""


def date_mentions(folded: str) -> list[DateMention]:
    """Every date in `folded`, in order."""
    found: list[DateMention] = []
    for match in DATE.finditer(folded):
        groups = (("d1", "m1", "y1"), ("d2", "m2", "y2"), ("d3", "m3", "y3"), ("d4", "m4", "y4"), ("d5", "m5", "y5"))
        for day_group, month_group, year_group in groups:
            if match[day_group]:
                month_text, day = match[month_group], int(match[day_group])
                month = int(month_text) if month_text.isdigit() else _MONTHS[month_text]
                year = int(match[year_group]) if year_group in match.groupdict() and match[year_group] else None
                other: tuple[int, int] | None = None
                if day_group in {"d4", "d5"} and month > 12 >= day:  # "12/31/2027": the American order
                    month, day = day, month
                elif day_group in {"d4", "d5"} and day <= 12 and month != day:
                    other = (day, month)
                if 1 <= month <= 12 and 1 <= day <= 31:
                    found.append(DateMention(match.start(), match.end(), month, day, year, other))
    return found


def resolve(mention: DateMention, folded: str, start: dt.date | None, weekday: int | None = None) -> dt.date | None:
    """The date a mention names: its own year, else the first on or after `start`, else another year of the text.
    A `weekday` named with it (0 = Monday) picks, among the readings, the one on that weekday: the order of an
    ambiguous numeric date, the year of a date without one. When none falls on it, the date wins."""
    dates = _readings(mention, folded, start)
    if mention.year is None and dates:  # the weekday picks the order of day and month, never another year
        dates = [date for date in dates if date.year == dates[0].year]
    matching = [date for date in dates if date.weekday() == weekday]
    return (matching or dates or [None])[0]


def _readings(mention: DateMention, folded: str, start: dt.date | None) -> list[dt.date]:
    """Every date the mention may name, the likeliest first."""
    candidates: list[int] = []
    if mention.year is not None:
        candidates = [mention.year]
    elif start is not None:
        candidates = [start.year, start.year + 1]
    elif years := _YEAR.findall(folded):
        candidates = [int(years[0])]
    orders = [(mention.month, mention.day), *([mention.other_order] if mention.other_order else [])]
    readings: list[dt.date] = []
    for month, day in orders:
        for year in candidates:
            with contextlib.suppress(ValueError):
                date = dt.date(year, month, day)
                if mention.year is not None or start is None or date >= start:
                    readings.append(date)
    return readings


_SHORT_RACE_MAX_SECONDS: Final = 2 * 3600
_CLOCK: Final = r"(?P<clock>\d{1,2}:\d{2}(?::\d{2})?)"
_HM: Final = r"(?P<hours>\d{1,2})\s*(?:h|hrs?|hours?|stunden?|heures?|horas?|ore|uur)(?![a-z])\s*(?P<hm>\d{2})?"
_MINUTES: Final = r"(?P<minutes>\d{2,3})\s*(?:min(?:utes?|uten|utos|uti)?|')(?![a-z])"
GOAL_TIME: Final = re.compile(
    r"(?:\bsub|\bunder|\bbelow|\bunter|\bsous(?: les)?|\bmoins de|\bbajo|\bdebajo de|\bsotto|\babaixo de|\bonder|"
    r"\bgoal(?: time)?(?: of| is)?|\btarget(?: time)?(?: of| is)?|\bziel(?:zeit)?|\bobjectif|\bobjetivo|\bobiettivo|"
    r"\bdoel(?:tijd)?|\baim(?:ing)? for|\bgoing for|\baround|\bto run|\bfinish in|(?P<weak>\bin|\ben|\bem|\bof))"
    r"\s*[-:]?\s*(?:the |les |los |a |an )?(?:sub[\s-]*)?"
    rf"(?:{_CLOCK}|{_HM}|{_MINUTES}|(?P<bare>\d{{1,2}})(?![\d:,]|\.\d|\s*(?:k|km|weeks?|x|days?|mi|m)\b))"
)
"""A finishing time after a goal cue: "sub-4", "under 25:00", "Ziel 1:55", "unter 45 Minuten", "sub 3 horas"."""


def goal_seconds(match: re.Match[str], plausible: tuple[int, int]) -> int | None:
    """The finishing time a `GOAL_TIME` match gives, if it is plausible for the race (`plausible`, in seconds)."""
    low, high = plausible
    options: list[int] = []
    if clock := match["clock"]:
        parts = [int(part) for part in clock.split(":")]
        if len(parts) == 3:
            options = [parts[0] * 3600 + parts[1] * 60 + parts[2]]
        else:  # "25:00" is minutes for a 5K, "3:30" hours for a marathon
            options = [parts[0] * 3600 + parts[1] * 60, parts[0] * 60 + parts[1]]
    elif match["hours"]:
        options = [int(match["hours"]) * 3600 + int(match["hm"] or 0) * 60]
    elif match["minutes"]:
        options = [int(match["minutes"]) * 60]
    elif match["bare"] and not match["weak"]:  # "sub-4 marathon" is hours, "sub-20 5K" minutes
        value = int(match["bare"])
        options = [value * 3600, value * 60] if high > _SHORT_RACE_MAX_SECONDS else [value * 60, value * 3600]
    return next((seconds for seconds in options if low <= seconds <= high), None)


def clock_text(seconds: int) -> str:
    """`1:45:00` for 6300 seconds."""
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"
