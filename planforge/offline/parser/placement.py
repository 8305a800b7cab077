"""Weeks that list their sessions without weekdays ("Your 3 runs this week: …", "Séance 1 : footing 40 min"),
and the one rule that places those sessions on days.

The sessions are the week's lines (or the list after an "N sessions:" summary) that name a session: a sport or
a length, not a note ("Notes: sleep well"). Each line is one training day (a line may hold two sessions, "run
30 min + strength 20 min"). The rule:

- the long session (a long run or long ride) goes on the plan's long day ("long runs on Saturdays", see
  `planforge.drafttext.context`), else on Sunday;
- the other days are spread through the week, as far apart as their number allows: 1 → Wednesday, 2 →
  Tuesday and Saturday, 3 → Tuesday, Thursday and Saturday, 4 → Tuesday, Thursday, Saturday and Sunday, …
  (with a long session, a spread that ends on Sunday, four keeping Saturday free: Tuesday, Wednesday, Friday and
  Sunday; with another long day, the other days moved before it, the day before it free when they fit: Tuesday,
  Wednesday, Thursday and Saturday);
- the sessions keep the order written, except that hard sessions (intervals, tempo, hills, races and the long
  one) do not land on consecutive days when an easier session can stand between them;
- a session that names its day in brackets ("parkrun 5 km (Saturday)") goes on that day.

A week placed this way gets one note saying so, for the coach to check.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Final

from planforge.domain.vocabulary import WEEKDAYS, Weekday, WorkoutSubType
from planforge.drafttext.days import fold, weekday_named
from planforge.offline.parser.classify import sport_named
from planforge.offline.parser.parsed import ParsedSession
from planforge.offline.parser.structure import quantities_in

_NUMBER_WORDS: Final = (
    r"one|two|three|four|five|six|seven|deux|trois|quatre|cinq|zwei|drei|vier|funf|dos|tres|cuatro|cinco|dois|duas|"
    r"quatro|due|tre|quattro|cinque|twee|drie|vijf|dwa|trzy|cztery|piec|tva|fyra|fem|to|fire|dva|tri|ctyri|pet"
)
_SUMMARY: Final = re.compile(
    rf"^\W*(?:your\s+|this week\s*:?\s*|cette semaine\s*:?\s*|diese woche\s*:?\s*|esta semana\s*:?\s*|"
    rf"questa settimana\s*:?\s*|deze week\s*:?\s*|w tym tygodniu\s*:?\s*|denna vecka\s*:?\s*|"
    rf"denne uge\s*:?\s*|denne uken\s*:?\s*|tento tyden\s*:?\s*)?(?P<count>\d|{_NUMBER_WORDS})\s+"
    r"(?:\w+\s+)?(?:sessions?|runs?|workouts?|rides?|swims?|trainings?|seances?|sorties?|einheiten|laufe|"
    r"entrenamientos?|sesiones?|allenamenti|uscite|treningi|treningow|pass|okter|treninky|trainingen|treinos|"
    r"sessoes|corridas|carreras|rodajes|corse|sedute|ritten|trainingen|duurlopen|biegi|behy|lopturer|lopeturer|"
    r"lobeture|ture|traeninger|treninger|traeningspas|jizdy)\b"
    r"(?:\s+(?:this|per|a|cette|pro|par|esta|por)\s+\w+)?\s*(?:[:.\-–—]\s*|$)"
)
_ITEM_LABEL: Final = re.compile(
    r"^\W*(?:(?:session|seance|run|workout|entrainement|einheit|training|sesion|sessione|trening|pass|okt|day|jour|"
    r"tag|dia|dag|den|dzien)\s*(?:\d{1,2}|[a-g])\b\s*[:.)\-–—]|\d{1,2}[.)]|[a-g]\))\s*"
)
_BULLET: Final = re.compile(r"^[\s\-*•·●○◦▪▫■□►▸‣⁃➢➤>]+")
_NOTE: Final = re.compile(
    r"^\W*(?:notes?|tips?|remember|focus|goal|hinweis|remarques?|nota|uwagi|poznamka|obs|coach|why)\b"
)
_SESSION_WORD: Final = re.compile(
    r"\b(?:easy|recovery|long|tempo|intervals?|hills?|fartlek|progression|steady|threshold|parkrun|race)\b"
)
_DIGIT: Final = re.compile(r"\d")
_STATED_DAY: Final = re.compile(r"\((?P<day>[^()\n]{2,20})\)[^\S\n]*+$", re.MULTILINE)
_HARD: Final[frozenset[WorkoutSubType]] = frozenset({
    "interval-run", "tempo-run", "hill-repeats", "fartlek", "race-pace-run", "progression-run", "race", "long-run",
    "interval-ride", "tempo-ride", "hill-ride", "long-ride", "interval-swim", "brick",
})  # fmt: skip
_LONG: Final[frozenset[WorkoutSubType]] = frozenset({"long-run", "long-ride"})
# Training days (Monday = 0) for n sessions, spread through the week; with a long session, ending on Sunday.
_SPREAD: Final[dict[int, tuple[int, ...]]] = {
    1: (2,), 2: (1, 5), 3: (1, 3, 5), 4: (1, 3, 5, 6), 5: (0, 1, 3, 5, 6), 6: (0, 1, 2, 3, 5, 6), 7: tuple(range(7)),
}  # fmt: skip
_SPREAD_TO_LONG: Final[dict[int, tuple[int, ...]]] = {
    1: (6,), 2: (2, 6), 3: (1, 3, 6), 4: (1, 2, 4, 6), 5: (0, 1, 3, 5, 6), 6: (0, 1, 2, 4, 5, 6), 7: tuple(range(7)),
}  # fmt: skip


def undated_items(body: str) -> list[str]:
    """The lines of a week body that name sessions, labels and bullets taken off ("- Run 2: 6 x 400 m" →
    "6 x 400 m"); the list after an "N sessions:" summary counts as lines of its own."""
    items: list[str] = []
    for line in body.splitlines():
        text = _BULLET.sub("", line)
        summary = _SUMMARY.match(fold(text))
        if summary is not None:
            text = text[summary.end() :]
            listed = [part.strip() for part in re.split(r"[;,]", text)]
            count = int(summary["count"]) if summary["count"].isdigit() else 0
            if len(listed) == count or (count == 0 and len(listed) > 1):
                items += [part for part in listed if _names_a_session(part)]
                continue
        label = _ITEM_LABEL.match(fold(text))
        text = text[label.end() :].strip() if label else text.strip()
        if _names_a_session(text):
            items.append(text)
    return items


def _names_a_session(text: str) -> bool:
    """A sport, a length, or a session word with a number ("easy 30"), and no note ("Notes: sleep 8 h")."""
    folded = fold(text)
    if not folded.strip() or _NOTE.match(folded):
        return False
    if _SESSION_WORD.search(folded) and _DIGIT.search(folded):
        return True
    return sport_named(folded) is not None or bool(quantities_in(folded))


def without_stated_days(body: str) -> str:
    """`body` with the bracketed days at its lines' ends taken off, so that a list of sessions where one names its
    day ("- parkrun 5 km (Saturday)") is still read as a list of sessions without weekdays."""
    return _STATED_DAY.sub(lambda match: "" if weekday_named(match["day"]) else match.group(), body)


def stated_day(item: str) -> Weekday | None:
    """The weekday a listed session names in brackets at its end ("parkrun 5 km (Saturday)"), or None."""
    match = _STATED_DAY.search(item)
    return weekday_named(match["day"]) if match else None


def place(days: Sequence[list[ParsedSession]], long_day: Weekday | None) -> list[ParsedSession]:
    """Put each training day's sessions on a weekday by the rule of the module docstring."""
    if len(days) > len(WEEKDAYS):  # more lines than days: two or more to a day, in order
        return [replace(s, day=WEEKDAYS[i * len(WEEKDAYS) // len(days)]) for i, day in enumerate(days) for s in day]
    long_index = _long_one(days)
    if long_index is None:
        weekdays = _SPREAD[len(days)]
        order = _best_order([_hard(day) for day in days], weekdays)
        return [replace(s, day=WEEKDAYS[weekdays[slot]]) for slot, i in enumerate(order) for s in days[i]]
    long_weekday = WEEKDAYS.index(long_day or "Sunday")
    weekdays = _days_ending_on(long_weekday, len(days))
    long_slot = weekdays.index(long_weekday)
    others = [i for i in range(len(days)) if i != long_index]
    free = [d for d in weekdays if d != weekdays[long_slot]]
    hard = [_hard(days[i]) for i in others]
    order = _best_order(hard, tuple(free), fixed=(weekdays[long_slot], True))
    placed = [replace(s, day=WEEKDAYS[weekdays[long_slot]]) for s in days[long_index]]
    placed += [replace(s, day=WEEKDAYS[free[slot]]) for slot, i in enumerate(order) for s in days[others[i]]]
    return sorted(placed, key=lambda session: WEEKDAYS.index(session.day))


def _days_ending_on(long_weekday: int, count: int) -> tuple[int, ...]:
    """The training days (Monday = 0) of `count` sessions whose long one is on `long_weekday`: the spread that ends
    on Sunday, its other days moved before the long day (the day before it kept free) when they fit there
    (Saturday: Tuesday, Wednesday, Thursday, Saturday), else the whole spread shifted to end on the long day."""
    if long_weekday == WEEKDAYS.index("Sunday"):
        return _SPREAD_TO_LONG[count]
    others = sorted(day for day in _SPREAD_TO_LONG[count] if day != 6)
    latest = long_weekday - 2 if count <= len(WEEKDAYS) - 2 else long_weekday - 1
    moved: list[int] = []
    for day in reversed(others):
        latest = min(day, latest)
        moved.append(latest)
        latest -= 1
    if not moved or moved[-1] >= 0:
        return tuple(sorted([*moved, long_weekday]))
    shift = long_weekday - 6
    return tuple(sorted((day + shift) % 7 for day in _SPREAD_TO_LONG[count]))


def _long_one(days: Sequence[list[ParsedSession]]) -> int | None:
    """The training day holding the long session (the longest of several), or None."""
    longs = [
        (max(s.duration_seconds or 0 for s in day), max(s.distance_meters or 0 for s in day), index)
        for index, day in enumerate(days)
        if any(s.workout_sub_type in _LONG for s in day)
    ]
    return max(longs)[2] if longs else None


def _hard(day: list[ParsedSession]) -> bool:
    return any(session.workout_sub_type in _HARD for session in day)


def _best_order(hard: list[bool], weekdays: tuple[int, ...], fixed: tuple[int, bool] | None = None) -> list[int]:
    """Which session (by written index) takes each of `weekdays`: the fewest hard sessions on consecutive days,
    then the order closest to the written one. `fixed` is a weekday already taken, and whether it is hard."""

    if sum(hard) + (1 if fixed and fixed[1] else 0) <= 1 or len(hard) >= len(WEEKDAYS):
        return list(range(len(hard)))  # nothing to keep apart, or no free day to do it with

    def cost(order: tuple[int, ...]) -> tuple[int, int]:
        taken = {weekdays[slot]: hard[i] for slot, i in enumerate(order)}
        if fixed is not None:
            taken[fixed[0]] = fixed[1]
        clashes = sum(1 for day, is_hard in taken.items() if is_hard and taken.get((day + 1) % 7, False))
        moved = sum(1 for a, b in itertools.combinations(order, 2) if a > b)
        return clashes, moved

    return list(min(itertools.permutations(range(len(hard))), key=cost))


def placement_note(week: int, placed: list[ParsedSession], long_day: Weekday | None) -> str:
    """The note of a week whose sessions were placed by the rule."""
    days = ", ".join(dict.fromkeys(session.day for session in placed))
    long_note = (
        f"; the long session on {long_day or 'Sunday'}" if any(s.workout_sub_type in _LONG for s in placed) else ""
    )
    return (
        f"week {week} names no weekdays: its sessions were placed on {days}{long_note}, spread through the week"
        " with hard sessions apart; move them to the athlete's days if they differ"
    )
