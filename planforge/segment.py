"""Deterministic segmentation of a draft text into weeks, with the phase and focus each week carries.

Both the plan conversion (which sends each chunk of weeks to the model) and the offline parser start
here. A week starts at a week header ("Week 3", "## Week 3: Build", "**Wk 3**", "Woche 3", "Semaine 3",
"Semana 3"); a phase header ("Phase 2 (Weeks 5–8): Build") sets the phase of the weeks that follow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planforge.domain.vocabulary import Phase
from planforge.exceptions import DraftStructureError

_DECOR = r"[\s#*_>|\-–—]*"
WEEK_HEADER = re.compile(
    rf"^{_DECOR}(?:week|wk|woche|semaine|semana|settimana|w)\.?\s*(?P<week>\d{{1,2}})\b(?P<rest>.*)$",
    re.IGNORECASE,
)
PHASE_HEADER = re.compile(rf"^{_DECOR}(?:phase|block|mesocycle)\s*\d*\b(?P<rest>.*)$", re.IGNORECASE)

# Words in a phase or week header that name a phase; the first one in the header wins.
_PHASE_WORDS: tuple[tuple[Phase, re.Pattern[str]], ...] = (
    ("taper", re.compile(r"\btaper", re.IGNORECASE)),
    ("race", re.compile(r"\brace\s*(?:week|day)\b", re.IGNORECASE)),
    ("peak", re.compile(r"\b(?:peak|sharpen)", re.IGNORECASE)),
    ("recovery", re.compile(r"\brecover", re.IGNORECASE)),
    ("build", re.compile(r"\b(?:build|specific|strength phase)", re.IGNORECASE)),
    ("base", re.compile(r"\b(?:base|foundation|aerobic)", re.IGNORECASE)),
)


@dataclass(frozen=True)
class WeekText:
    """One week of a draft text."""

    week: int
    """The week number the header gives."""
    header: str
    """The header line as written."""
    body: str
    """The lines after the header, up to the next week or phase header."""
    phase: Phase | None
    """The phase from the enclosing phase header (or the week header itself), if any."""
    focus: str | None
    """The text after the week number in the header ("Week 3: Build volume" → "Build volume"), if any."""

    @property
    def text(self) -> str:
        """Header and body together, as written."""
        return f"{self.header}\n{self.body}".rstrip()


@dataclass(frozen=True)
class SegmentedDraft:
    """A draft text split into weeks."""

    preamble: str
    """Everything before the first week header (title, overview, first phase description)."""
    weeks: list[WeekText]
    """The weeks in the order they appear."""


def phase_named_in(text: str) -> Phase | None:
    """The phase a header names first ("Base Building" → base), if any."""
    found = [(match.start(), phase) for phase, pattern in _PHASE_WORDS if (match := pattern.search(text))]
    return min(found)[1] if found else None


def _focus(rest: str) -> str | None:
    focus = re.sub(r"^[\s:.)\]*_\-–—]+|[\s*_]+$", "", rest)
    focus = re.sub(r"^\(.*?\)\s*[:\-–—]?\s*", "", focus)  # "(May 5–11): Build" → "Build"
    return focus or None


def segment_draft(text: str) -> SegmentedDraft:
    """Split `text` into weeks. Raises `DraftStructureError` when no week header is found."""
    preamble: list[str] = []
    weeks: list[WeekText] = []
    current: tuple[int, str, Phase | None, str | None] | None = None
    body: list[str] = []
    phase: Phase | None = None

    def close() -> None:
        if current is not None:
            number, header, week_phase, focus = current
            weeks.append(WeekText(number, header, "\n".join(body).strip("\n"), week_phase, focus))

    for line in text.splitlines():
        if week := WEEK_HEADER.match(line):
            close()
            focus = _focus(week["rest"])
            week_phase = phase or phase_named_in(focus or "")
            current, body = (int(week["week"]), line.strip(), week_phase, focus), []
        elif header := PHASE_HEADER.match(line):
            close()
            current, body = None, []
            phase = phase_named_in(header["rest"]) or phase
        elif current is None:
            preamble.append(line)
        else:
            body.append(line)
    close()
    if not weeks:
        raise DraftStructureError(
            "no week found: expected week headers such as 'Week 1' or 'Week 1: Base' on their own lines,"
            " each followed by that week's days (e.g. '- Monday: Rest', '- Tuesday: Easy run 45 min')"
        )
    return SegmentedDraft("\n".join(preamble).strip(), weeks)


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
