"""A duration or distance found in a session text, with where it was written.

A range ("8-10 km", "45 to 60 min", "40–50'") counts as its lower bound, the least the coach asks for; the
range itself stays in the workout's description, which keeps the coach's words.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final, Literal

NUMBER = r"\d+(?:[.,]\d+)?"
NUMBER_RANGE = rf"(?P<low>{NUMBER})(?:\s*+(?:-|–|to|bis|à|a)\s*+(?P<high>{NUMBER}))?"
TOTAL_WORD = (
    r"(?:totale?|totali|totaal|gesamt|insgesamt|in all|in total|en tout|au total|en total|in totale|in totaal|"
    r"em total|no total)"
)
"""Words that mark a session's total ("1h30 total", "totale 2200 m", "insgesamt 60 min")."""
LARGEST_NUMBER: Final = 1e12
"""Numbers are read up to this; a longer run of digits ("999…9 min", 400 digits) reads as this and is then
reported as implausible, never an overflow."""


@dataclass(frozen=True)
class Quantity:
    """A length found in text: seconds for a duration, meters for a distance."""

    kind: Literal["duration", "distance"]
    value: float
    """Seconds (duration) or meters (distance); the lower bound of a range."""
    start: int
    end: int
    ambiguous: bool = False
    """True when the unit had to be guessed (e.g. "10m": minutes or meters)."""


def to_float(number: str) -> float:
    """ "1,5" and "1.5" → 1.5; at most `LARGEST_NUMBER`."""
    return min(float(number.replace(",", ".")), LARGEST_NUMBER)


def range_value(low: str, high: str | None) -> float:
    """The value of a number, or of a range its lower bound (`high` is the range's other end, if any)."""
    del high  # the lower bound: see the module docstring
    return to_float(low)


class Covered:
    """The positions some quantity covers: `position in covered` in logarithmic time."""

    def __init__(self, quantities: list[Quantity]) -> None:
        ordered = sorted(quantities, key=lambda quantity: quantity.start)
        self._starts = [quantity.start for quantity in ordered]
        self._reach = list(itertools.accumulate((quantity.end for quantity in ordered), max))  # furthest end so far

    def __contains__(self, position: int) -> bool:
        index = bisect.bisect_right(self._starts, position) - 1
        return index >= 0 and position < self._reach[index]


def without_overlaps(kept: list[Quantity], candidates: Iterable[Quantity]) -> list[Quantity]:
    """`kept` plus each candidate that starts outside all of them, ordered by start."""
    covered = Covered(kept)
    return sorted([*kept, *(c for c in candidates if c.start not in covered)], key=lambda quantity: quantity.start)


def char_before(text: str, index: int) -> str:
    """The last character before `index` that is not white space, or "" (walks back over one run of spaces)."""
    while index > 0 and text[index - 1].isspace():
        index -= 1
    return text[index - 1] if index else ""
