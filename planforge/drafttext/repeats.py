"""Weeks that repeat another: "Week 3: same as week 2", "Repeat week 1", "Wie Woche 1", "Igual que la semana 2",
also with changes: "Week 2 – same as week 1 except:" over the days that change, "Week 3 – repeat week 2, with +10% on
the easy runs (Tue 44 min, Sat 33 min) and swap Wednesday's intervals for a tempo run of 35 min".

Such a week is given the days of the week it names (written earlier in the plan), so every reader of the draft (the
parser, a model converting a chunk of weeks) sees them, after its own words, so that what the coach adds ("but add 5
min to each run") stays in view. A week that names days of its own keeps them: only the days it does not name come
from the week it repeats. A day of its own that states only a length ("Tue 44 min") is the repeated week's session
of that day at that length; "swap Wednesday's intervals for a tempo run of 35 min" is Wednesday's own session.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Final

from planforge.domain.chunk import WeekText
from planforge.domain.vocabulary import Weekday
from planforge.drafttext.days import GROUPING, day_marks, day_referred, fold, shared_out

_REPEAT: Final = re.compile(
    r"^\W*+(?:same as|repeat(?:s)?|as in|as|like|copy|wie|wie in|gleich wie|comme|comme la|comme en|igual que"
    r"|igual a|como|como la|como en|come|come la|zelfde als|jak w|som|samme som|stejne jako|meme chose que|pareil que"
    r"|idem|lo mismo que|dasselbe wie|genauso wie|stessa della|uguale alla|igual a|hetzelfde als)"
    r"\s++(?:(?:the\s+|la\s+|der\s+)?(?:week|wk|woche|semaine|semana|settimana|tydzien|vecka|uge|uke|tyden)"
    r"\s*+(?P<number>\d{1,2})\b|(?P<last>(?:last|previous|the previous|letzte|vorige|la semaine derniere"
    r"|la semana pasada|la settimana scorsa|vorige)\s+(?:week|woche|semaine|semana|settimana)?))"
)
_DAY_NAMES = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
# "and swap Wednesday's intervals for a tempo run of 35 min (20 min @ HM pace).": that day's new session.
_SWAP: Final = re.compile(
    rf"(?:(?:,|;|\band)\s*+)?\b(?:swap|replace|change)\s++(?:the\s+)?(?P<day>{_DAY_NAMES})(?:'s|’s|s)?\b[^.\n]{{0,60}}?"
    r"\s(?:for|with|by|into|to)\s++(?:an?\s+)?(?P<session>[^\n]+?)(?:\.(?=\s|$)|$)",
    re.MULTILINE,
)
# A day's text that is a length and nothing else ("44 min", "33 min)"): the repeated session at that length.
_UNITS = r"(?:\d{1,2}:\d{2}(?::\d{2})?|\d++(?:[.,]\d+)?\s*+(?:min|mins|minutes|'|h|km|k|mi|miles|m)\b'?)"
_LENGTH_ONLY: Final = re.compile(rf"^\s*+(?P<length>{_UNITS})\s*+[).,;]*\s*+$")
_LENGTH: Final = re.compile(rf"(?<![\d.,:]){_UNITS}")
# "Same as last week, but Sunday 2:00": a day named after the change word starts that day's own line.
_CHANGED_DAY: Final = re.compile(rf"(?:,\s*+|\s++)(?:but|except|with|and)\s++(?:on\s++)?(?=(?:{_DAY_NAMES})\b)")


# A week that names days of its own repeats another only with changes ("same as week 1 except:", "repeat week 2,
# with …"); without such a word its days are the whole week ("Week 4 (like week 3, easier): Tue …, Thu …").
_CHANGES: Final = re.compile(
    r"\b(?:except|but|with|apart from|aside from|changes?|sauf|ausser|auser|aber|mit|excepto|salvo|pero|con|tranne|ma"
    r"|behalve|maar|men|ale|krome)\b"
)


def _reference(week: WeekText) -> tuple[int, bool] | None:
    """The number of the week `week` repeats ("Week 3: same as week 2" → 2) and whether it states changes, or None."""
    for text in (week.focus or "", week.body):
        match = _REPEAT.match(folded := fold(text.strip()))
        number = (week.week - 1 if match["last"] else int(match["number"])) if match else None
        if match is not None and number is not None and number != week.week:
            return number, bool(_CHANGES.search(folded, match.end(), match.end() + 40))
    return None


def _day_chunks(body: str) -> list[tuple[Weekday, str, str]]:
    """`body` cut at its day marks: each day with its whole text from its mark and its text after the name; the
    days of a group ("Sat/Sun back-to-back: 2:30 and 1:30") each with its own line."""
    marks = day_marks(body)
    chunks: list[tuple[Weekday, str, str]] = []
    group: list[Weekday] = []
    for index, (start, end, day) in enumerate(marks):
        stop = marks[index + 1][0] if index + 1 < len(marks) else len(body)
        text = body[end:stop]
        if index + 1 < len(marks) and GROUPING.match(text) and "\n" not in text:
            group.append(day)
            continue
        if not group:
            chunks.append((day, body[start:stop], text))
            continue
        days: list[Weekday] = [*group, day]
        own = shared_out(text.strip(), len(days)) or [text.strip()] * len(days)
        for named, line in zip(days, own, strict=True):
            chunks.append((named, f"{named}: {line}\n", line))
        group = []
    return chunks


def _with_swaps(body: str) -> str:
    """`body` with each "swap Wednesday's intervals for a tempo run of 35 min" written as that day's line."""
    folded = fold(body)
    swaps = list(_SWAP.finditer(folded))
    if not swaps:
        return body
    kept: list[str] = []
    lines: list[str] = []
    start = 0
    for swap in swaps:
        kept.append(body[start : swap.start()])
        lines.append(f"{swap['day'].capitalize()}: {body[swap.start('session') : swap.end('session')].strip()}")
        start = swap.end()
    kept.append(body[start:])
    return "\n".join(["".join(kept).rstrip(), *lines])


def _own_at_length(own: str, repeated: str | None) -> str:
    """A day's own text; when it is only a length ("44 min"), the repeated day's text at that length."""
    length = _LENGTH_ONLY.match(fold(own))
    found = _LENGTH.search(fold(repeated)) if length and repeated else None
    if length is None or found is None or repeated is None:
        return own
    return (
        repeated[: found.start()] + own[length.start("length") : length.end("length")] + repeated[found.end() :]
    ).strip()


def _merged(own: str, repeated: str) -> str:
    """The week's own days, then the days of the repeated week it does not name itself."""
    own = _with_swaps(own)
    pieces: list[str] = []
    start = 0
    for cut in _CHANGED_DAY.finditer(fold(own)):
        pieces.append(own[start : cut.start()])
        start = cut.end()
    own = "\n".join([*pieces, own[start:]])
    chunks = _day_chunks(own)
    marks = day_marks(own)
    if not chunks or not marks:  # "same as week 2 but add 5 min to each run": the coach's words, then the days
        return f"{own.strip()}\n{repeated}" if own.strip() else repeated
    base = _day_chunks(repeated)
    first_text = {day: text for day, _, text in reversed(base)}
    lines = [own[: marks[0][0]].rstrip()]
    for day, chunk, text in chunks:
        at_length = _own_at_length(text, first_text.get(day))
        lines.append(chunk.rstrip() if at_length is text else f"{day}: {at_length}")
    named = {day for day, _, _ in chunks}
    # "Sat: same as Tuesday" copied from the repeated week is that week's Tuesday, not a changed one
    lines += [
        f"{day}: {first_text[referred].strip()}" if (referred := day_referred(text)) in first_text else chunk.rstrip()
        for day, chunk, text in base
        if day not in named
    ]
    return "\n".join(line for line in lines if line.strip())


def _header_days(week: WeekText) -> str:
    """The days a repeating week's header changes ("repeat week 2, with the easy run longer (Tue 45 min)"), as a
    line of its body, or ""."""
    in_body = {day for _, _, day in day_marks(week.body)}  # a week read a second time has them in its body
    lines = [chunk.rstrip() for day, chunk, _ in _day_chunks(week.focus or "") if day not in in_body]
    return "".join(f"{line}\n" for line in lines)


def with_repeats_copied(weeks: list[WeekText]) -> list[WeekText]:
    """`weeks`, each one that repeats an earlier week given that week's days (see the module docstring)."""
    bodies: dict[int, str] = {}
    out: list[WeekText] = []
    for week in weeks:
        reference = _reference(week)
        if reference is not None and reference[0] in bodies:
            source, changes = reference
            if changes:
                week = replace(week, body=_merged(_header_days(week) + week.body, bodies[source]))
            elif not day_marks(week.body):
                own = week.body.strip()
                week = replace(week, body=f"{own}\n{bodies[source]}" if own else bodies[source])
        bodies.setdefault(week.week, week.body)
        out.append(week)
    return out
