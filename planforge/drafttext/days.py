"""Day names in English, German, French, Spanish, Italian, Dutch and Portuguese, with abbreviations, and where
a text names a day.

A day mark is a day name at the start of an entry: at the start of a line (after list or markdown
decoration), after a comma, semicolon, pipe, opening parenthesis or sentence end. Short names that are also
ordinary words ("so", "do", "sat", "mar", "mi" …) count only when capitalised or followed by ':' or '.', so
"5 mi" or "so keep it easy" never start a day; after a sentence end a capital proves nothing ("Do this
twice."), so there they need the ':' or '.'. The one-letter days of US running logs (M T W R F, R being
Thursday) count only as "M:" with a capital and a colon. "Weekend:" marks Saturday and Sunday together.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from planforge.domain.vocabulary import WEEKDAYS, Weekday

_FOLD: Final = str.maketrans("áàâäãéèêëíìîïóòôöõúùûüñçß", "aaaaaeeeeiiiiooooouuuuncs")

_DAY_WORDS: Final[dict[Weekday, tuple[str, ...]]] = {
    "Monday": ("monday", "mon", "montag", "mo", "lundi", "lun", "lunes", "lunedi", "maandag", "ma", "m",
               "segunda-feira", "segunda feira", "segunda", "seg"),
    "Tuesday": ("tuesday", "tues", "tue", "tu", "dienstag", "di", "mardi", "mar", "martes", "martedi", "dinsdag",
                "t", "terca-feira", "terca feira", "terca", "ter"),
    "Wednesday": ("wednesday", "wed", "we", "mittwoch", "mi", "mercredi", "mer", "miercoles", "mie", "mercoledi",
                  "woensdag", "wo", "w", "quarta-feira", "quarta feira", "quarta", "qua"),
    "Thursday": ("thursday", "thurs", "thur", "thu", "th", "donnerstag", "do", "jeudi", "jeu", "jueves", "jue",
                 "giovedi", "gio", "donderdag", "r",
                 "quinta-feira", "quinta feira", "quinta", "qui"),
    "Friday": ("friday", "fri", "freitag", "fr", "vendredi", "ven", "viernes", "vie", "venerdi", "vrijdag", "vr", "f",
               "sexta-feira", "sexta feira", "sexta", "sex"),
    "Saturday": ("saturday", "sat", "samstag", "sonnabend", "sa", "samedi", "sam", "sabado", "sabato", "sab",
                 "zaterdag", "za"),
    "Sunday": ("sunday", "sun", "sonntag", "so", "su", "dimanche", "dim", "domingo", "dom", "domenica", "zondag",
               "zo"),
}  # fmt: skip

# Day names that are also common words or units: they need a capital letter or a ':'/'.' after them.
_AMBIGUOUS: Final = frozenset({"we", "so", "do", "sat", "sun", "mar", "mi", "mo", "di", "fr", "sa", "su", "tu", "th",
                               "mer", "dom", "ven", "vie", "sam", "dim", "gio", "lun", "jeu",
                               "ma", "wo", "vr", "za", "zo", "seg", "ter", "qua", "qui", "sex"})  # fmt: skip
# One-letter days: only "M:" (a capital and a colon).
_ONE_LETTER: Final = frozenset({"m", "t", "w", "r", "f"})
_WEEKEND: Final = re.compile(r"(?<![\w])(?:weekend|week-end|wochenende|fin de semana|fine settimana|weekeinde)"
                             r"[\s*_]*[:\-–—]")  # fmt: skip

_WEEKDAY_BY_WORD: Final[dict[str, Weekday]] = {word: day for day, words in _DAY_WORDS.items() for word in words}
_ALTERNATION = "|".join(sorted(_WEEKDAY_BY_WORD, key=len, reverse=True))
_DAY_TOKEN = re.compile(rf"(?<![\w])(?P<day>{_ALTERNATION})(?P<dot>\.)?(?![\w])")
# What may stand before a day mark on its line: list bullets, markdown emphasis, headings, pipes.
_LINE_START = re.compile(r"[\s\-*•#>|_]*")
_ENTRY_START = re.compile(r"(?:[,;:|(/&]|[.!]\s|\*\*|\b(?:and|und|et|y|e)\b)[\s*_]*$")
_AFTER = re.compile(r"[\s*_]*(?P<sep>[:\-–—)/&,]|\s|$)")


@lru_cache(maxsize=8192)  # plans repeat their session texts week after week
def fold(text: str) -> str:
    """Lower-case `text` and drop accents, keeping every character's position (so match offsets still fit)."""
    return text.lower().translate(_FOLD)


def weekday_named(token: str) -> Weekday | None:
    """The weekday a single word names ("Tue", "mardi", "Mi.", "Sábado"), or None."""
    word = fold(token.strip(" \t*_:.|-"))
    return _WEEKDAY_BY_WORD.get(word)


def _counts(word: str, written: str, sep: str, *, dotted: bool, sentence_start: bool) -> bool:
    """Whether a short day name that is also a word or unit is meant as a day here."""
    if word in _ONE_LETTER:
        return written.isupper() and sep == ":"
    if word not in _AMBIGUOUS:
        return True
    return sep == ":" or dotted or (written[:1].isupper() and not sentence_start)


def day_marks(text: str) -> list[tuple[int, int, Weekday]]:
    """Where `text` starts an entry with a day name: (start, end, weekday) for each, in order.

    `end` is past the name and its separator (':' / '-' / '.'), where the entry's session text begins.
    """
    folded = fold(text)
    marks: list[tuple[int, int, Weekday]] = []
    for match in _DAY_TOKEN.finditer(folded):
        line = folded[folded.rfind("\n", 0, match.start()) + 1 : match.start()]
        at_line_start = bool(_LINE_START.fullmatch(line))
        entry = None if at_line_start else _ENTRY_START.search(line[-12:])
        if not (at_line_start or entry):
            continue
        after = _AFTER.match(folded, match.end())
        if after is None:
            continue
        word = match["day"]
        written = text[match.start() : match.end()]
        sentence_start = entry is not None and entry.group().lstrip()[:1] in {".", "!"}
        if not _counts(word, written, after["sep"], dotted=bool(match["dot"]), sentence_start=sentence_start):
            continue
        end = after.end() if after["sep"] in {":", "-", "–", "—", ")"} else match.end()
        marks.append((match.start(), end, _WEEKDAY_BY_WORD[word]))
    return _with_weekends(folded, marks)


def _with_weekends(folded: str, marks: list[tuple[int, int, Weekday]]) -> list[tuple[int, int, Weekday]]:
    """`marks` plus Saturday and Sunday for each "Weekend:" at an entry start (Saturday grouped with Sunday)."""
    for match in _WEEKEND.finditer(folded):
        line = folded[folded.rfind("\n", 0, match.start()) + 1 : match.start()]
        if _LINE_START.fullmatch(line) or _ENTRY_START.search(line[-12:]):
            marks.append((match.start(), match.start(), "Saturday"))
            marks.append((match.start(), match.end(), "Sunday"))
    return sorted(marks)


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


def _month(written: str) -> int | None:
    if written.isdigit():
        return int(written) if 1 <= int(written) <= 12 else None
    if written not in _MONTHS and written not in _MONTH_NAMES:
        return None
    return _MONTHS.get(written[:4]) or _MONTHS.get(written[:3])


def _date(match: re.Match[str], year: int) -> dt.date | None:
    for day_group, month_group in (("d1", "m1"), ("d2", "m2"), ("d3", "m3"), ("d4", "m4")):
        if match[day_group]:
            month = _month(match[month_group])
            if month is None:
                return None
            with contextlib.suppress(ValueError):
                return dt.date(int(match["y3"] or year), month, int(match[day_group]))
            return None
    return None


def _dated_days(lines: list[str]) -> list[CalendarDay]:
    """Days of a plan written one line per date, grouped into Monday-to-Sunday weeks from the first date's."""
    year_found = _YEAR.search(fold("\n".join(lines)))
    year = int(year_found.group()) if year_found else 2001  # with weekday names any year orders the dates
    found: list[tuple[int, dt.date, Weekday, str]] = []
    for index, line in enumerate(lines):
        folded = fold(line)
        match = _DATED_LINE.match(folded)
        date = _date(match, year) if match else None
        if match is None or date is None:
            continue
        named = weekday_named(match["named"] or "") or weekday_named(match["after"] or "")
        if match["named"] and not weekday_named(match["named"]):
            continue  # "Run 5 km …": a word, not a weekday, before the number
        while found and date < found[-1][1] - dt.timedelta(days=180):  # the plan runs into the next year
            date = date.replace(year=date.year + 1)
        weekday = named or (WEEKDAYS[date.weekday()] if year_found or match["y3"] else None)
        if weekday is not None:
            found.append((index, date, weekday, line[match.end() :]))
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
