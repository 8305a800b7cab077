"""Deterministic segmentation of a draft text into weeks, with the phase and focus each week carries.

Both the plan conversion (which sends each chunk of weeks to the model) and the offline parser start
here. A week starts at a week header ("Week 3", "## Week 3: Build", "**Wk 3**", "W3", "Woche 3",
"Semaine 3", "Semana 3", "=== Week 1 ===", "WEEK ONE"); a range header with days under it ("Weeks 1-2:
...") gives each of its weeks the same days; a phase header ("Phase 2 (Weeks 5–8): Build", or a range
header with no days) sets the phase of the weeks that follow. Markdown or pipe tables whose rows (or
columns) are weeks and whose columns (or rows) are days are read as one week per row (column). A header
line that carries the days itself ("Week 1: Mon rest, Tue easy 5 mi, ...") is a week whose body is that
paragraph. Week words are read in English, German, French, Spanish, Portuguese, Italian, Polish, Czech, Swedish,
Danish, Norwegian, Finnish and Japanese ("Tydzień 2", "Týden 2", "Vecka 2", "Uge 2", "Uke 2", "Viikko 2", "第2週"); a
line ending in a week ("Here's week 2:") is a header too.

Days written before the first week header form the week before it ("Here's next week: Mon off, Tue easy 6k, ..."
then "Wk2: ..."). A plan with no week header at all may be dated or numbered per day, or simply name its
weekdays in order: see `planforge.drafttext.headerless`. A chat thread is first reduced to the coach's
messages: see `planforge.drafttext.chat`. A week that repeats another ("Week 3: same as week 2") is given that week's
days: see `planforge.drafttext.repeats`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from planforge.domain.chunk import WeekText
from planforge.domain.vocabulary import Phase
from planforge.drafttext.chat import coach_messages
from planforge.drafttext.context import PlanContext, plan_context
from planforge.drafttext.days import day_marks, fold
from planforge.drafttext.dittos import with_dittos_filled
from planforge.drafttext.headerless import calendar_days, weeks_by_weekday_order
from planforge.drafttext.pasted import email_body, html_as_text, without_checkbox
from planforge.drafttext.repeats import with_repeats_copied
from planforge.drafttext.tables import expand_week_tables
from planforge.exceptions import DraftStructureError

__all__ = [
    "PHASE_HEADER",
    "WEEK_HEADER",
    "SegmentedDraft",
    "check_weeks",
    "numbered_from_one",
    "phase_named_in",
    "segment_draft",
    "week_number",
]

_DECOR = r"[\s#*_>|\-–—=~\[【]*+"
# Week words, folded (see `fold`): the segmenter matches folded lines.
_ONE_WEEK = (
    r"(?:week|wk|woche|semaine|semana|settimana|tydzien|tydz|tyg|tyden|vecka|veckan|uge|ugen|uke|uka|veke|viikko|w)"
)
_WEEK_WORD = (
    r"(?:weeks?|wks?|wochen?|semaines?|semanas?|settimane|settimana|tygodnie|tydzien|tyg|tydny|tyden|veckor|vecka"
    r"|uger|uge|uker|uke|viikot|viikko|w)"
)
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
_NUMBER_BY_WORD: dict[str, int] = {fold(word): number for number, words in _NUMBER_WORDS.items() for word in words}
_NUMBER_WORD = "|".join(sorted(_NUMBER_BY_WORD, key=len, reverse=True))
WEEK_HEADER = re.compile(  # "1. Week 1 – getting going": a numbered list's item may carry the week
    rf"^{_DECOR}(?:\d{{1,2}}[.)][^\S\n]++(?=[a-z]))?(?:(?:{_ONE_WEEK}\.?\s*+|第\s*+)(?P<week>\d{{1,2}})(?:\s*+週)?\b"
    rf"|(?:week|woche|semaine|semana|settimana)\s+(?P<word>{_NUMBER_WORD})(?![\w'’-]))(?P<rest>.*)$"
)
"""A week header, matched against a folded line (see `fold`)."""
WEEK_RANGE_HEADER = re.compile(
    rf"^{_DECOR}{_WEEK_WORD}\.?\s*+(?P<first>\d{{1,2}})\s*+(?:-|–|—|to|bis|à|a|au|al|do|til)\s*+"
    # "Week 3 - 4 runs" is no range.
    rf"(?:{_WEEK_WORD}\.?\s*+)?(?P<last>\d{{1,2}})\b(?=\s*+(?:$|[:.)(*|\-–—]))(?P<rest>.*)$"
)
# "Week 1 total: 7h25, ~1,400 m D+", "Week 2 summary: …": a line that sums a week up is no header of it.
_SUMMARY = re.compile(
    r"^[\s*_:]*+(?:total|totals|summary|totaal|totale|gesamt|summe|resume|resumen|volume|umfang|mileage)\b"
)
PHASE_HEADER = re.compile(rf"^{_DECOR}(?:phase|block|mesocycle|faza|fase|blok)\s*+\d*\b(?P<rest>.*)$")
# A line that ends by naming a week introduces it ("Here's your plan for week 2:").
_TRAILING_WEEK = re.compile(rf"(?<=\S)[^\S\n]++(?={_ONE_WEEK}\.?[^\S\n]*+\d{{1,2}}[^\S\n]*+:[^\S\n]*+$)")

# Words in a phase or week header that name a phase; the first one in the header wins.
_PHASE_WORDS: tuple[tuple[Phase, re.Pattern[str]], ...] = (
    ("taper", re.compile(r"\b(?:taper|affûtage|affutage|afinamiento|tapering|polimento)", re.IGNORECASE)),
    (
        "race",
        re.compile(
            r"\b(?:race\s*(?:week|day)|wettkampfwoche|semaine de course|semana de carrera|settimana di gara"
            r"|semana de prova|wedstrijdweek)\b",
            re.I,
        ),
    ),
    ("peak", re.compile(r"\b(?:peak|sharpen|spitze|pic\b|pico|picco|piek|szczyt|topp)", re.IGNORECASE)),
    (
        "recovery",
        re.compile(
            r"\b(?:recover|erholung|regeneration|récupération|recuperaci|recupera|recupero|herstel"
            r"|regeneracja|aterhamt|restitution|step[\s-]*back|deload|easier week|lighter week|easy week|semana leve"
            r"|semaine d'allègement|semaine d'allegement|entlastungswoche|semana de descarga|settimana di scarico"
            r"|rustweek|lichte week)",
            re.IGNORECASE,
        ),
    ),
    (
        "build",
        re.compile(
            r"\b(?:build|specific|strength phase|aufbau|développement|developpement|construcci|construcao"
            r"|construção|desenvolvimento|opbouw|costruzione|sviluppo|budowa|uppbyggnad|opbygning|oppbygging)",
            re.IGNORECASE,
        ),
    ),
    (
        "base",
        re.compile(
            r"\b(?:base|basis|foundation|aerobic|grundlage|fondamental|fondation|baza|bas\b|grund\b)", re.IGNORECASE
        ),
    ),
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
    return int(header["week"]) if header["week"] else _NUMBER_BY_WORD[fold(header["word"])]


_FOCUS_EDGES = re.compile(r"^[\s:.)\]】=~*_\-–—|]++|(?<![\s*_|=~\]】\-–—])[\s*_|=~\]】\-–—]+$")


def _focus(rest: str) -> str | None:
    focus = _FOCUS_EDGES.sub("", rest)
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
    """Walks the lines once, closing a week at each header; lines before the first header are kept aside."""

    def __init__(self) -> None:
        self.weeks: list[WeekText] = []
        self.current: _OpenWeek | None = None
        self.phase: Phase | None = None
        self.preamble: list[str] = []

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
        # A header that carries the days keeps only its own words: the days are the body (WeekText.text joins both).
        header = line[: len(line) - len(days)].strip() if days else line.strip()
        self.current = _OpenWeek(numbers, header, week_phase, focus, rest if is_range else None, [])
        if days:
            self.current.body.append(days)

    def feed(self, line: str) -> None:
        folded = fold(line)
        if match := WEEK_RANGE_HEADER.match(folded):
            first, last = int(match["first"]), int(match["last"])
            if first <= last:
                self.open(list(range(first, last + 1)), line, line[match.start("rest") :], is_range=True)
                return
        if (week := WEEK_HEADER.match(folded)) and not _SUMMARY.match(week["rest"]):
            self.open([week_number(week)], line, line[week.start("rest") :], is_range=False)
        elif header := PHASE_HEADER.match(folded):
            self.close()
            self.phase = phase_named_in(header["rest"]) or self.phase
        elif self.current is not None:
            self.current.body.append(line)
        elif not self.weeks:
            self.preamble.append(line)

    def leading_week(self) -> WeekText | None:
        """The days written before the first week header, as the week before it ("Here's next week: Mon off,
        Tue easy 6k, ..." then "Wk2: ..."); None when they name fewer than three days or the first week is 1."""
        if not self.weeks or self.weeks[0].week < 2:
            return None
        body = "\n".join(self.preamble).strip("\n")
        if len({day for _, _, day in day_marks(body)}) < _MIN_LEADING_DAYS:
            return None
        number = self.weeks[0].week - 1
        return WeekText(number, f"Week {number}", body, None, None)


_MIN_LEADING_DAYS = 3


def _calendar_weeks(lines: list[str]) -> list[WeekText]:
    """A plan without week headers read by its dated or numbered day lines, else by its weekdays in order."""
    days = calendar_days(lines)
    if not days:
        bodies = weeks_by_weekday_order("\n".join(lines))
        return [WeekText(number, f"Week {number}", body, None, None) for number, body in enumerate(bodies, start=1)]
    by_week: dict[int, list[str]] = {}
    for day, following in zip(days, [*days[1:], None], strict=True):
        stop = following.line if following else len(lines)
        by_week.setdefault(day.week, []).extend([f"{day.weekday}: {day.text.strip()}", *lines[day.line + 1 : stop]])
    return [
        WeekText(number, f"Week {number}", "\n".join(body).strip("\n"), None, None)
        for number, body in sorted(by_week.items())
    ]


def _lines(text: str) -> list[str]:
    """The draft's lines: HTML read as text, checklist boxes and emoji bullets taken off, an email reduced to its
    body (see `planforge.drafttext.pasted`), a chat to the coach's messages, a table's ditto marks filled in (see
    `planforge.drafttext.dittos`), tables of weeks rewritten, and a line
    that ends by naming a week ("Here's week 2:") cut so that the week starts a line."""
    lines = html_as_text(text).splitlines()
    pasted = email_body([without_checkbox(line) for line in lines], is_week_header=WEEK_HEADER)
    lines: list[str] = []
    for line in expand_week_tables(with_dittos_filled(coach_messages(pasted))):
        cut = _TRAILING_WEEK.search(fold(line))
        lines += [line[: cut.start()], line[cut.end() :]] if cut else [line]
    return lines


def segment_draft(text: str) -> SegmentedDraft:
    """Split `text` into weeks. Raises `DraftStructureError` when it has neither week headers nor days.

    A plan without week headers is read by its days (dated, numbered, or weekdays in order): see
    `planforge.drafttext.headerless`.
    """
    segmenter = _Segmenter()
    lines = _lines(text)
    for line in lines:
        segmenter.feed(line)
    segmenter.close()
    leading = segmenter.leading_week()
    weeks = [leading, *segmenter.weeks] if leading else segmenter.weeks
    weeks = weeks or _calendar_weeks(lines)
    if not weeks:
        raise DraftStructureError(
            "no week found: expected week headers such as 'Week 1' or 'Week 1: Base' on their own lines,"
            " each followed by that week's days (e.g. '- Monday: Rest', '- Tuesday: Easy run 45 min'),"
            " or a table with one row per week and one column per day"
        )
    return SegmentedDraft(with_repeats_copied(_without_remarks(weeks)), plan_context("\n".join(lines)))


def _without_remarks(weeks: list[WeekText]) -> list[WeekText]:
    """`weeks` without a line that only remarks on a week already read ("Week 3 is a step-back week." under the
    table that holds week 3): a header repeating an earlier week's number with nothing under it."""
    read = {week.week for week in weeks if week.body.strip()}
    kept: list[WeekText] = []
    numbers: set[int] = set()
    for week in weeks:
        if not week.body.strip() and week.week in read and week.week in numbers:
            continue
        kept.append(week)
        numbers.add(week.week)
    return kept


def numbered_from_one(segmented: SegmentedDraft) -> SegmentedDraft:
    """A whole draft whose weeks run on from a later block ("Week 7", "Week 8", "Week 9": a sheet of weeks 7-9 of
    an 18-week book) with its weeks numbered from 1 in the same order; any other numbering is kept as written.

    Only for a whole draft of two weeks or more: a chunk of a longer plan (weeks 5-8 of 12) keeps its numbers, and
    so does a lone "Week 2" (what it says about week 2 is asked about week 2).
    """
    numbers = [week.week for week in segmented.weeks]
    first = numbers[0] if numbers else 1
    if first <= 1 or len(numbers) < 2 or numbers != list(range(first, first + len(numbers))):
        return segmented
    shift = first - 1
    return replace(segmented, weeks=[replace(week, week=week.week - shift) for week in segmented.weeks])


def check_weeks(segmented: SegmentedDraft, expected: int) -> None:
    """Demand weeks numbered exactly 1..expected, each once; the error names what differs."""
    counts = Counter(week.week for week in segmented.weeks)
    duplicates = sorted(number for number, count in counts.items() if count > 1)
    if duplicates:
        raise DraftStructureError(f"week {duplicates[0]} appears more than once in the draft")
    wanted = set(range(1, expected + 1))
    if set(counts) == wanted:
        return
    if (lowest := min(counts)) < 1:
        raise DraftStructureError(
            f"week {lowest} is no week number: weeks are numbered from 1 (the draft has weeks {_span(counts)});"
            f" number them 1 to {expected}"
        )
    missing = sorted(wanted - set(counts))
    extra = sorted(set(counts) - wanted)
    detail = f"missing week {missing[0]}" if missing else f"unexpected week {extra[0]}"
    if len(counts) != expected:
        raise DraftStructureError(
            f"the draft has {len(counts)} week(s) but weeks is {expected} ({detail}; it has weeks {_span(counts)});"
            " make them match"
        )
    raise DraftStructureError(  # as many weeks as asked, numbered otherwise ("Week 0" … "Week 3" for weeks 4)
        f"the draft has {expected} week(s) as weeks says, but they must be numbered 1 to {expected} ({detail})"
    )


def _span(numbers: Counter[int]) -> str:
    """The week numbers as runs: "1-3, 5"."""
    runs: list[list[int]] = []
    for number in sorted(numbers):
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(f"{run[0]}-{run[-1]}" if len(run) > 1 else f"{run[0]}" for run in runs)
