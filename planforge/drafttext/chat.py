"""Plans sent as a chat: an exported WhatsApp, Signal or SMS thread between a coach and an athlete.

A chat line starts with a time stamp and a sender ("[Sun 1 Jun, 19:42] Coach Dani: Mon off. Tue easy 6k",
"12/06/2024, 19:42 - Dani: ..."); lines without one continue the message above. A text is a chat when at least
two lines carry a stamp. Then only the messages of the senders who write days ("Mon off. Tue easy 6k")
are kept — the athlete's "legs a bit heavy, still ok for tues?" is no session — each as a paragraph of its own,
so a day's text never runs into the next message, and a week named inside a message ("Massive mate 🔥 Wk2:
Mon rest, ...") starts a line, where the segmenter reads it as a week header. A week named in passing in a message
without days ("Forgot wk3 sorry 🙈 it's a lighter week:") heads the days of the coach's next messages.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Final

from planforge.drafttext.days import day_marks, fold

_TIME = r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\.?)?"
_STAMPED: Final = re.compile(
    rf"^[^\S\n]*+(?:\[(?=[^\]\n]{{0,40}}?{_TIME})[^\]\n]{{1,40}}\][^\S\n]*+"
    rf"|\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{1,4}},?[^\S\n]++{_TIME}[^\S\n]*+[-–][^\S\n]*+)"
    r"(?P<sender>[^:\n\[\]]{1,40}?):[^\S\n]?(?P<message>.*)$",
    re.IGNORECASE,
)
_MIN_STAMPED_LINES: Final = 2
_MIN_DAYS_OF_A_COACH: Final = 2
"""A sender whose messages name at least this many days (in one message) writes the plan."""
# A week named inside a message, with days after it or at the end of the line ("... 🔥 Wk2: Mon rest, ...").
INLINE_WEEK: Final = re.compile(
    r"(?<=\S)[^\S\n]++(?=(?:week|wk|woche|semaine|semana|tydzien|tydz|tyg|tyden|vecka|uge|uke)\.?[^\S\n]*+"
    r"\d{1,2}[^\S\n]*+[:\-–—])"
)


@dataclass
class _Message:
    sender: str
    lines: list[str] = field(default_factory=list[str])

    def days_named(self) -> int:
        return max((len(day_marks(line)) for line in self.lines), default=0)


def _messages(lines: list[str]) -> list[_Message] | None:
    messages: list[_Message] = []
    for line in lines:
        stamped = _STAMPED.match(line)
        if stamped is not None:
            messages.append(_Message(stamped["sender"].strip().casefold(), [stamped["message"]]))
        elif messages:
            messages[-1].lines.append(line)
    return messages if len(messages) >= _MIN_STAMPED_LINES else None


def coach_messages(lines: list[str]) -> list[str]:
    """The lines of a chat's plan: the coach's messages as paragraphs (see the module docstring); other texts
    unchanged."""
    messages = _messages(lines)
    if messages is None:
        return lines
    coaches = {message.sender for message in messages if message.days_named() >= _MIN_DAYS_OF_A_COACH}
    if not coaches:
        return lines
    out: list[str] = []
    announced: int | None = None  # a week a message names in passing ("Forgot wk3 sorry, it's a lighter week:")
    for message in messages:
        if message.sender not in coaches:
            continue
        if message.days_named():
            if announced is not None:
                out += ["", f"Week {announced}"]
                announced = None
        else:
            announced = _week_in_passing(message)
        out.append("")
        out += [part for line in message.lines for part in _week_on_its_line(line)]
    return out


_WEEK_MENTION: Final = re.compile(
    r"(?<![a-z])(?:week|wk|woche|semaine|semana|tydzien|tyden|vecka|uge|uke)\.?[^\S\n]*+(?P<number>\d{1,2})(?!\d)"
)


_HEADER_END: Final = re.compile(r"[^\S\n]*+[:\-–—]")


def _week_in_passing(message: _Message) -> int | None:
    """The week a coach's message without days names inside its text, its days to follow in the next message; None
    when it names none or several, or starts with it (a header the segmenter reads itself)."""
    text = fold(" ".join(message.lines)).strip()
    mentions = list(_WEEK_MENTION.finditer(text))
    if len(mentions) != 1 or not text[: mentions[0].start()].strip(" *_#>-"):
        return None
    if _HEADER_END.match(text, mentions[0].end()):
        return None  # "Hi Sam, week 1:", "Wk2: Mon rest": a header the segmenter cuts out itself
    return int(mentions[0]["number"])


def _week_on_its_line(line: str) -> list[str]:
    """A message line cut before each week it names: "Massive mate 🔥 Wk2: Mon rest" → two lines."""
    cuts = [match.start() for match in INLINE_WEEK.finditer(fold(line))]
    if not cuts:
        return [line]
    bounds = [0, *cuts, len(line)]
    return [line[start:end].strip() for start, end in itertools.pairwise(bounds) if line[start:end].strip()]
