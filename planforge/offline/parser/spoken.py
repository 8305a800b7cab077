"""Plans said rather than written (a voice memo's transcript, a chatty email): English numbers in words and
self-corrections.

A number in words before a unit, a repetition or a count of strides is written in digits ("forty-five minutes" →
"45 minutes", "fourteen K" → "14 K", "eight by four hundred metres" → "8 x 400 metres", "about a thousand metres" →
"about 1000 metres", "six strides" → "6 strides"); "an hour and a quarter" is 75 minutes and "three quarters of an
hour" 45; fillers ("um", "uh") go. Number words elsewhere ("one of the big ones") are left alone. A self-correction
keeps what the speaker settled on: "an hour easy on the bike, or... no, actually, make it an hour and a half" is the
hour and a half, and "swap the yoga for an easy hour on the bike" is the ride ("an easy hour": 60 minutes easy).
"""

from __future__ import annotations

import re
from typing import Final

_SMALL: Final[dict[str, int]] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES: Final[dict[str, int]] = {"hundred": 100, "thousand": 1000}
_WORD = "|".join(sorted([*_SMALL, *_SCALES], key=len, reverse=True))
# What makes a number a size or a count: a unit, a repetition ("by", "x"), strides or repeats.
_SIZED = (
    r"(?=[^\S\n]*+(?:minutes?|mins?|hours?|hrs?|seconds?|secs?|k\b|km\b|kilomet|metres?|meters?|m\b|miles?|mi\b"
    r"|by\b|x\b|times\b|strides|reps?\b|repeats|sets?\b|laps?\b))"
)
_NUMBER_PHRASE: Final = re.compile(
    rf"(?<![\w-])(?P<phrase>(?:an?[^\S\n]++(?=hundred|thousand))?(?:{_WORD})(?:(?:[^\S\n]++and[^\S\n]++|[^\S\n]++|-)"
    rf"(?:{_WORD})){{0,6}}+)(?![\w-]){_SIZED}",  # seven words at most: a long run of them is crossed in linear time
    re.IGNORECASE,
)
_PART: Final = re.compile(rf"{_WORD}|an?\b", re.IGNORECASE)
_BY: Final = re.compile(r"(?<=\d)[^\S\n]++by[^\S\n]++(?=\d)", re.IGNORECASE)
_QUARTERS: Final = (
    (re.compile(r"\b(?:an?|one)\s+hour\s+and\s+a\s+quarter\b", re.IGNORECASE), "75 minutes"),
    (re.compile(r"\b(?:an?|one)\s+hour\s+and\s+a\s+half\b", re.IGNORECASE), "90 minutes"),  # no "and" to split at
    (re.compile(r"\bthree[\s-]+quarters\s+of\s+an\s+hour\b", re.IGNORECASE), "45 minutes"),
    (re.compile(r"\ba\s+quarter\s+of\s+an\s+hour\b", re.IGNORECASE), "15 minutes"),
    (re.compile(r"\ban?\s+(easy|steady|relaxed|gentle|hard|solid)\s+hour\b", re.IGNORECASE), r"60 minutes \1"),
)
# "Saturday, swap the yoga for an easy hour on the bike": the session is what comes in.
_SWAP: Final = re.compile(
    r"^\W*+(?:swap|replace|switch|exchange)\s++(?:the\s++|your\s++)?[^,.;:\n]{1,40}?\s++(?:for|with)\s++", re.I
)
_FILLER: Final = re.compile(r"(?<![\w'])(?:um+|uh+|erm|er|hmm+)\b[,.]*+[^\S\n]*+", re.IGNORECASE)
# "…, or... no, actually, make it …", "scratch that", "I mean": what follows the last one is what stands.
_CORRECTION: Final = re.compile(
    r"(?:\bor\s*+\.{2,}\s*+)?\b(?:no,?\s++actually|scratch that|sorry,?\s++i mean)\b[\s,.]*+(?:make (?:it|that)\s++)?",
    re.IGNORECASE,
)


def _value(phrase: str) -> int:
    total = current = 0
    for word in _PART.findall(phrase.lower()):
        if word in _SCALES:
            scale = _SCALES[word]
            if scale == 1000:
                total, current = total + (current or 1) * scale, 0
            else:
                current = (current or 1) * scale
        elif word in _SMALL:
            current += _SMALL[word]
    return total + current


def in_digits(text: str) -> str:
    """`text` with its spoken sizes in digits and only its last word on a corrected choice (see the docstring)."""
    corrections = list(_CORRECTION.finditer(text))
    if corrections:
        text = text[corrections[-1].end() :]
    text = _SWAP.sub("", _FILLER.sub("", text), count=1)  # "and then, uh, fifteen minutes of core"
    for pattern, minutes in _QUARTERS:
        text = pattern.sub(minutes, text)
    text = _NUMBER_PHRASE.sub(lambda match: str(_value(match["phrase"])), text)
    return _BY.sub(" x ", text)
