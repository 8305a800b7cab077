"""Deterministic segmentation of a draft text into weeks, with the phase and focus each week carries.

Both the plan conversion (which sends each chunk of weeks to the model) and the offline parser start
here. A week starts at a week header ("Week 3", "## Week 3: Build", "**Wk 3**", "W3", "Woche 3",
"Semaine 3", "Semana 3", "=== Week 1 ===", "WEEK ONE"); a range header with days under it ("Weeks 1-2:
...") gives each of its weeks the same days; a phase header ("Phase 2 (Weeks 5–8): Build", or a range
header with no days) sets the phase of the weeks that follow. Markdown or pipe tables whose rows (or
columns) are weeks and whose columns (or rows) are days are read as one week per row (column). A header
line that carries the days itself ("Week 1: Mon rest, Tue easy 5 mi, ...") is a week whose body is that
paragraph. A plan with no week header at all may be dated or numbered per day instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planforge.domain.chunk import WeekText
from planforge.domain.vocabulary import Phase
from planforge.drafttext.context import PlanContext, plan_context
from planforge.drafttext.days import calendar_days, day_marks
from planforge.drafttext.tables import expand_week_tables
from planforge.exceptions import DraftStructureError

__all__ = [
    "PHASE_HEADER",
    "WEEK_HEADER",
    "SegmentedDraft",
    "check_weeks",
    "phase_named_in",
    "segment_draft",
    "week_number",
]

_DECOR = r"[\s#*_>|\-–—=~\[【]*"
_WEEK_WORD = r"(?:weeks?|wks?|wochen?|semaines?|semanas?|settimane|settimana|w)"
# Week numbers written as words, one to twelve, in English, German, French, Spanish, Portuguese and Italian.
_NUMBER_WORDS: dict[int, tuple[str, ...]] = {
    1: ("one", "eins", "un", "une", "uno", "um"),
    2: ("two", "zwei", "deux", "dos", "dois", "duas", "due"),
    3: ("three", "drei", "trois", "tres", "três", "tre"),
    4: ("four", "vier", "quatre", "cuatro", "quatro", "quattro"),
    5: ("five", "fünf", "fuenf", "cinq", "cinco", "cinque"),
    6: ("six", "sechs", "seis", "sei"),
    7: ("seven", "sieben", "sept", "siete", "sete", "sette"),
    8: ("eight", "acht", "huit", "ocho", "oito", "otto"),
    9: ("nine", "neun", "neuf", "nueve", "nove"),
    10: ("ten", "zehn", "dix", "diez", "dez", "dieci"),
    11: ("eleven", "elf", "onze", "once", "undici"),
    12: ("twelve", "zwölf", "zwoelf", "douze", "doce", "doze", "dodici"),
}
_NUMBER_BY_WORD: dict[str, int] = {word: number for number, words in _NUMBER_WORDS.items() for word in words}
_NUMBER_WORD = "|".join(sorted(_NUMBER_BY_WORD, key=len, reverse=True))
WEEK_HEADER = re.compile(
    rf"^{_DECOR}(?:(?:week|wk|woche|semaine|semana|settimana|w)\.?\s*(?P<week>\d{{1,2}})\b"
    rf"|(?:week|woche|semaine|semana|settimana)\s+(?P<word>{_NUMBER_WORD})(?![\w'’-]))(?P<rest>.*)$",
    re.IGNORECASE,
)
WEEK_RANGE_HEADER = re.compile(
    rf"^{_DECOR}{_WEEK_WORD}\.?\s*(?P<first>\d{{1,2}})\s*(?:-|–|—|to|bis|à|a|au|al)\s*(?:{_WEEK_WORD}\.?\s*)?"
    r"(?P<last>\d{1,2})\b(?=\s*(?:$|[:.)(*|\-–—]))(?P<rest>.*)$",  # "Week 3 - 4 runs" is no range
    re.IGNORECASE,
)
PHASE_HEADER = re.compile(rf"^{_DECOR}(?:phase|block|mesocycle)\s*\d*\b(?P<rest>.*)$", re.IGNORECASE)

# Words in a phase or week header that name a phase; the first one in the header wins.
_PHASE_WORDS: tuple[tuple[Phase, re.Pattern[str]], ...] = (
    ("taper", re.compile(r"\b(?:taper|affûtage|affutage|afinamiento|tapering|polimento)", re.IGNORECASE)),
    ("race", re.compile(r"\b(?:race\s*(?:week|day)|wettkampfwoche|semaine de course|semana de carrera)\b", re.I)),
    ("peak", re.compile(r"\b(?:peak|sharpen|spitze|pic\b|pico)", re.IGNORECASE)),
    ("recovery", re.compile(r"\b(?:recover|erholung|regeneration|récupération|recuperaci)", re.IGNORECASE)),
    ("build", re.compile(r"\b(?:build|specific|strength phase|aufbau|développement|construcci)", re.IGNORECASE)),
    ("base", re.compile(r"\b(?:base|foundation|aerobic|grundlage|fondamental|fondation)", re.IGNORECASE)),
)


@dataclass(frozen=True)
class SegmentedDraft:
    """A draft text split into weeks."""

    weeks: list[WeekText]
    """The weeks in the order they appear."""
    context: PlanContext
    """What the whole text says about every week ("distances in miles"): no single week's text carries it."""


def phase_named_in(text: str) -> Phase | None:
    """The phase a header names first ("Base Building" → base), if any."""
    found: list[tuple[int, Phase]] = [
        (match.start(), phase) for phase, pattern in _PHASE_WORDS if (match := pattern.search(text))
    ]
    return min(found)[1] if found else None


def week_number(header: re.Match[str]) -> int:
    """The week number a `WEEK_HEADER` match gives, in digits or as a word ("Week three" → 3)."""
    return int(header["week"]) if header["week"] else _NUMBER_BY_WORD[header["word"].lower()]


def _focus(rest: str) -> str | None:
    focus = re.sub(r"^[\s:.)\]】=~*_\-–—|]+|[\s*_|=~\]】\-–—]+$", "", rest)
    focus = re.sub(r"^\(.*?\)\s*[:\-–—]?\s*", "", focus)  # "(May 5–11): Build" → "Build"
    return focus or None


def _split_header(rest: str) -> tuple[str | None, str]:
    """A header's focus and the days it carries itself ("Week 1: Mon rest, Tue easy 5 mi" → None, the days)."""
    marks = day_marks(rest)
    if len(marks) < 2:
        return _focus(rest), ""
    return _focus(rest[: marks[0][0]]), rest[marks[0][0] :]


@dataclass
class _OpenWeek:
    numbers: list[int]
    header: str
    phase: Phase | None
    focus: str | None
    range_rest: str | None  # set for a range header: its text, read as a phase header when no days follow
    body: list[str]


class _Segmenter:
    """Walks the lines once, closing a week at each header."""

    def __init__(self) -> None:
        self.weeks: list[WeekText] = []
        self.current: _OpenWeek | None = None
        self.phase: Phase | None = None

    def close(self) -> None:
        current, self.current = self.current, None
        if current is None:
            return
        body = "\n".join(current.body).strip("\n")
        if current.range_rest is not None and not day_marks(body):
            self.phase = phase_named_in(current.range_rest) or self.phase  # "Weeks 1-4: Base" with no days
            return
        for number in current.numbers:
            self.weeks.append(WeekText(number, current.header, body, current.phase, current.focus))

    def open(self, numbers: list[int], line: str, rest: str, *, is_range: bool) -> None:
        self.close()
        focus, days = _split_header(rest)
        lead = rest[: len(rest) - len(days)]  # "(semana de polimento)" names a phase the focus drops
        week_phase = self.phase or phase_named_in(focus or "") or phase_named_in(lead)
        self.current = _OpenWeek(numbers, line.strip(), week_phase, focus, rest if is_range else None, [])
        if days:
            self.current.body.append(days)

    def feed(self, line: str) -> None:
        if match := WEEK_RANGE_HEADER.match(line):
            first, last = int(match["first"]), int(match["last"])
            if first <= last:
                self.open(list(range(first, last + 1)), line, match["rest"], is_range=True)
                return
        if week := WEEK_HEADER.match(line):
            self.open([week_number(week)], line, week["rest"], is_range=False)
        elif header := PHASE_HEADER.match(line):
            self.close()
            self.phase = phase_named_in(header["rest"]) or self.phase
        elif self.current is not None:
            self.current.body.append(line)


def _calendar_weeks(lines: list[str]) -> SegmentedDraft | None:
    """A plan without week headers read by its dated or numbered day lines; None when it has neither."""
    days = calendar_days(lines)
    if not days:
        return None
    bodies: dict[int, list[str]] = {}
    for day, following in zip(days, [*days[1:], None], strict=True):
        stop = following.line if following else len(lines)
        bodies.setdefault(day.week, []).extend([f"{day.weekday}: {day.text.strip()}", *lines[day.line + 1 : stop]])
    weeks = [
        WeekText(number, f"Week {number}", "\n".join(body).strip("\n"), None, None)
        for number, body in sorted(bodies.items())
    ]
    return SegmentedDraft(weeks, plan_context("\n".join(lines)))


def segment_draft(text: str) -> SegmentedDraft:
    """Split `text` into weeks. Raises `DraftStructureError` when no week header is found.

    A plan without week headers is read by its days when its lines are dated ("Tue 7 Jul: easy 30'") or
    numbered ("Day 9 – Tempo run"): see `planforge.drafttext.days.calendar_days`.
    """
    segmenter = _Segmenter()
    lines = expand_week_tables(text.splitlines())
    for line in lines:
        segmenter.feed(line)
    segmenter.close()
    if not segmenter.weeks and (by_days := _calendar_weeks(lines)) is not None:
        return by_days
    if not segmenter.weeks:
        raise DraftStructureError(
            "no week found: expected week headers such as 'Week 1' or 'Week 1: Base' on their own lines,"
            " each followed by that week's days (e.g. '- Monday: Rest', '- Tuesday: Easy run 45 min'),"
            " or a table with one row per week and one column per day"
        )
    return SegmentedDraft(segmenter.weeks, plan_context("\n".join(lines)))


def check_weeks(segmented: SegmentedDraft, expected: int) -> None:
    """Demand weeks numbered exactly 1..expected, each once; the error names what differs."""
    numbers = [week.week for week in segmented.weeks]
    duplicates = sorted({n for n in numbers if numbers.count(n) > 1})
    if duplicates:
        raise DraftStructureError(f"week {duplicates[0]} appears more than once in the draft")
    found = set(numbers)
    if found != set(range(1, expected + 1)):
        missing = sorted(set(range(1, expected + 1)) - found)
        extra = sorted(found - set(range(1, expected + 1)))
        detail = f"missing week {missing[0]}" if missing else f"unexpected week {extra[0]}"
        raise DraftStructureError(
            f"the draft has {len(found)} week(s) but weeks is {expected} ({detail}); make them match"
        )
